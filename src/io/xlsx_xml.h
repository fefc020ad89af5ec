// Internal to the xlsx reader: a streaming scanner of the large parts (worksheet, shared strings)
// that builds no tree (pugixml's tree for a 100,000-row sheet took ~500 MB, and one node per
// element is what a hostile part would multiply). It still checks well-formedness (balanced tags,
// quoted attributes, known entities, no DOCTYPE), so a truncated or corrupt part is an error rather
// than silently short data. Element and attribute names reach the handler without their prefix.
#pragma once

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

// `root`: the local name the document element must have. `max_text`: the most character data one
// capture may hold (413 beyond it, limit max_cell_bytes).
Status ScanXml(std::string_view xml, const std::string& part, std::string_view root, size_t max_text,
               XmlHandler& handler);

}  // namespace gj::io::xlsx
