// Internal to the xlsx reader: a streaming scanner of the large parts (worksheet, shared strings)
// fed the XML in chunks as it inflates (it keeps only an unfinished token between chunks: part of a
// tag, an entity, a comment or CDATA section, capped), and that builds no tree (pugixml's tree for a
// 100,000-row sheet took ~500 MB, and one node per element is what a hostile part would multiply). It still
// checks well-formedness (balanced tags, quoted attributes, known entities, no DOCTYPE), so a truncated or
// corrupt part is an error rather than silently short data. Element and attribute names reach the handler
// without their prefix.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace gj::io::xlsx {

using XmlAttrs = std::span<const std::pair<std::string_view, std::string_view>>;  // raw values

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // false: stop; the handler has set error.
  virtual bool Open(std::string_view name, XmlAttrs attrs) = 0;
  virtual bool Close(std::string_view name) = 0;
  // While true, character data (entities decoded, CDATA as is) is appended to text.
  bool capture = false;
  std::string text;
  Error error;
};

class Scanner;

// `root`: the local name the document element must have. `max_text`: the most character data one
// capture may hold (413 beyond it, limit max_cell_bytes); an unfinished token kept between chunks
// is capped at max_text + 64 KiB (413, same limit). Errors are sticky: after one, Feed and Finish
// return it again.
class XmlStream {
 public:
  XmlStream(const std::string& part, std::string_view root, size_t max_text, XmlHandler& handler);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // The next bytes of the part; the handler is called for every element complete in them.
  Status Feed(std::string_view chunk);
  // The end of the part: nothing unfinished may be left, the document element must be closed.
  Status Finish();
  // The most bytes of XML kept between two chunks so far (the unfinished token).
  size_t peak_held() const;

 private:
  std::unique_ptr<Scanner> scanner_;
};

// The whole part at once (Feed + Finish).
Status ScanXml(std::string_view xml, const std::string& part, std::string_view root, size_t max_text,
               XmlHandler& handler);

}  // namespace gj::io::xlsx
