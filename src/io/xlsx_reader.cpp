#include "io/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <optional>
#include <pugixml.hpp>

#include "io/csv.h"
#include "io/input_limits.h"
#include "io/xlsx_archive.h"
#include "io/xlsx_xml.h"

namespace gj::io {

namespace {

using Rows = std::vector<std::vector<std::string>>;
using xlsx::Archive;
using xlsx::InflateBudget;

// The workbook and its relationships are parsed into a pugixml tree; they are small, and capped so
// that the tree stays small too (a few MB of XML at most).
constexpr uint64_t kMaxStructurePartBytes = 4u << 20;
// Inflated chunks of the sheet that may wait for the scanner (16 × 64 KiB by default).
constexpr size_t kChunksAhead = 16;

// ---- XML helpers (pugixml, for the small parts) -------------------------------------------

// Element names compared without a namespace prefix ("x:row" is "row").
std::string_view Local(const pugi::xml_node& n) {
  std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (auto c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && Local(c) == local) return c;
  }
  return {};
}

std::string_view Attr(const pugi::xml_node& n, std::string_view local) {
  for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    const auto colon = name.find(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) return a.value();
  }
  return {};
}

Status ParseXml(pugi::xml_document& doc, std::string& text, const std::string& part) {
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const auto res = doc.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!res) {
    return Error::Invalid("xlsx: " + part + " is not well-formed XML (" + res.description() + " at offset " +
                          std::to_string(res.offset) + ")");
  }
  return Ok{};
}

// ---- workbook structure -----------------------------------------------------------------------

struct SheetRef {
  std::string name;
  std::string part;  // e.g. "xl/worksheets/sheet1.xml"
};

std::string ResolveTarget(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  std::string t(target);
  while (t.starts_with("./")) t.erase(0, 2);
  return "xl/" + t;
}

Result<std::vector<SheetRef>> ListSheets(Archive& zip) {
  auto wb = zip.Read("xl/workbook.xml", kMaxStructurePartBytes);
  if (!wb) return wb.error();
  if (!wb.value()) return Error::Invalid("xlsx: not a spreadsheet (xl/workbook.xml is missing)");
  pugi::xml_document wb_doc;
  if (auto st = ParseXml(wb_doc, **wb, "xl/workbook.xml"); !st) return st.error();

  pugi::xml_document rels_doc;
  auto rels = zip.Read("xl/_rels/workbook.xml.rels", kMaxStructurePartBytes);
  if (!rels) return rels.error();
  if (*rels) {
    if (auto st = ParseXml(rels_doc, **rels, "xl/_rels/workbook.xml.rels"); !st) return st.error();
  }
  auto target_of = [&](std::string_view rid) -> std::optional<std::string> {
    for (auto r = Child(rels_doc, "Relationships").first_child(); r; r = r.next_sibling()) {
      if (Attr(r, "Id") == rid) return ResolveTarget(Attr(r, "Target"));
    }
    return std::nullopt;
  };

  std::vector<SheetRef> sheets;
  const auto list = Child(Child(wb_doc, "workbook"), "sheets");
  int index = 0;
  for (auto s = list.first_child(); s; s = s.next_sibling()) {
    if (Local(s) != "sheet") continue;
    ++index;
    auto target = target_of(Attr(s, "id"));
    // Without relationships, fall back to the conventional part name.
    sheets.push_back({std::string(Attr(s, "name")),
                      target ? *target : "xl/worksheets/sheet" + std::to_string(index) + ".xml"});
  }
  if (sheets.empty()) return Error::Invalid("xlsx: the workbook has no worksheet");
  return sheets;
}

// ---- shared strings (streamed) ----------------------------------------------------------------

// The text of each <si>: a plain <t>, or the runs <r><t> of rich text; phonetic <rPh> is skipped.
class SharedStrings : public xlsx::XmlHandler {
 public:
  SharedStrings(const XlsxLimits& limits, const std::string& part) : limits_(limits), part_(part) {}
  std::vector<std::string> strings;

  bool Open(std::string_view name, xlsx::XmlAttrs) override {
    if (name == "si") {
      if (strings.size() >= limits_.max_shared_strings) {
        error = LimitExceeded("xlsx", "max_shared_strings", limits_.max_shared_strings, part_,
                              "the workbook has more shared strings than the limit");
        return false;
      }
      in_si_ = true;
      text.clear();
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_si_ && !in_phonetic_) {
      capture = true;
    }
    return true;
  }
  bool Close(std::string_view name) override {
    if (name == "t") capture = false;
    else if (name == "rPh") in_phonetic_ = in_phonetic_ ? in_phonetic_ - 1 : 0;
    else if (name == "si" && in_si_) strings.push_back(std::move(text)), in_si_ = false, text.clear();
    return true;
  }

 private:
  const XlsxLimits& limits_;
  const std::string& part_;
  bool in_si_ = false;
  int in_phonetic_ = 0;
};

Result<std::vector<std::string>> ReadSharedStrings(Archive& zip, const XlsxLimits& limits) {
  const std::string part = "xl/sharedStrings.xml";
  auto text = zip.Read(part, limits.max_part_bytes);
  if (!text) return text.error();
  if (!*text) return std::vector<std::string>();  // optional part
  SharedStrings handler(limits, part);
  if (auto st = xlsx::ScanXml(**text, part, "sst", limits.max_cell_bytes, handler); !st) return st.error();
  return std::move(handler.strings);
}

// ---- worksheet (streamed) ---------------------------------------------------------------------

// "AB12" → 27 (0-based column), or nullopt when the reference has no letters or lies beyond
// Excel's last column XFD.
std::optional<size_t> ColumnOf(std::string_view ref) {
  size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    if (col > 16384) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  return col - 1;
}

std::string ColumnName(size_t col) {
  std::string s;
  for (size_t n = col + 1; n > 0; n = (n - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

// Only cells holding a value take memory: a row is as wide as its last value, rows exist up to
// the last row with a value, and every cap is checked before the memory is taken.
class Sheet : public xlsx::XmlHandler {
 public:
  Sheet(const std::vector<std::string>& shared, const XlsxLimits& limits, const std::string& part)
      : shared_(shared), limits_(limits), part_(part) {}
  Rows rows;

  bool Open(std::string_view name, xlsx::XmlAttrs attrs) override {
    if (name == "row") return OpenRow(attrs);
    if (name == "c") return OpenCell(attrs);
    if (!in_cell_) return true;
    if (name == "v" || (name == "t" && in_inline_ && !in_phonetic_)) capture = true;
    else if (name == "is") in_inline_ = true;
    else if (name == "rPh") in_phonetic_ = true;
    return true;
  }

  bool Close(std::string_view name) override {
    if (name == "v" || name == "t") capture = false;
    else if (name == "rPh") in_phonetic_ = false;
    else if (name == "c" && in_cell_) return CloseCell();
    return true;
  }

 private:
  static std::string_view Find(xlsx::XmlAttrs attrs, std::string_view name) {
    for (const auto& [k, v] : attrs) {
      if (k == name) return v;
    }
    return {};
  }

  bool BadValue(const std::string& what) {
    error = Error::Invalid("xlsx: " + part_ + ": invalid " + what);
    return false;
  }

  std::string Where() const { return part_ + ", cell " + ColumnName(col_) + std::to_string(row_ + 1); }

  bool OpenRow(xlsx::XmlAttrs attrs) {
    size_t index = next_row_;
    if (const auto r = Find(attrs, "r"); !r.empty()) {
      size_t n = 0;
      const auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), n);
      if (ec != std::errc() || end != r.data() + r.size() || n < 1 || n > 1048576)
        return BadValue("row number " + std::string(r));
      index = n - 1;
    }
    row_ = index;
    next_row_ = index + 1;
    next_col_ = 0;
    return true;
  }

  bool OpenCell(xlsx::XmlAttrs attrs) {
    col_ = next_col_;
    if (const auto ref = Find(attrs, "r"); !ref.empty()) {
      const auto parsed = ColumnOf(ref);
      if (!parsed) return BadValue("cell reference " + std::string(ref));
      col_ = *parsed;
    }
    if (col_ >= 16384) return BadValue("cell reference beyond column XFD");
    shared_string_ = Find(attrs, "t") == "s";  // the attributes do not outlive this call
    in_cell_ = true;
    in_inline_ = in_phonetic_ = false;
    text.clear();
    return true;
  }

  bool CloseCell() {
    in_cell_ = capture = false;
    next_col_ = col_ + 1;
    const std::string* value = &text;
    if (shared_string_) {
      if (text.empty()) return true;  // a styled cell without a value
      size_t idx = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), idx);
      if (ec != std::errc() || end != text.data() + text.size() || idx >= shared_.size())
        return BadValue("shared string index '" + text + "'");
      value = &shared_[idx];
    }
    if (value->empty()) return true;  // numbers as stored, booleans 1/0, inline and formula strings
    return Store(*value);
  }

  bool Store(const std::string& value) {
    if (row_ >= limits_.max_rows)
      return Refuse("max_rows", limits_.max_rows, "a value lies below the last row allowed");
    if (col_ >= limits_.max_columns)
      return Refuse("max_columns", limits_.max_columns, "a value lies right of the last column allowed");
    if (text_bytes_ + value.size() > limits_.max_text_bytes)
      return Refuse("max_text_bytes", limits_.max_text_bytes, "the cells hold more text than the limit");
    if (row_ >= rows.size()) rows.resize(row_ + 1);  // gaps: empty rows (no cells, no text)
    auto& row = rows[row_];
    // A row takes the width of the row before it at once (not 1, 2, 4, ... moves of its cells):
    // never more than that row's counted slots, so all reserves together stay under max_cells.
    if (row.capacity() == 0 && row_ > 0 && row_ - 1 < rows.size()) row.reserve(rows[row_ - 1].size());
    if (col_ >= row.size()) {
      slots_ += col_ + 1 - row.size();
      if (slots_ > limits_.max_cells)
        return Refuse("max_cells", limits_.max_cells, "the sheet has more cells than the limit");
      row.resize(col_ + 1);
    }
    text_bytes_ += value.size();
    row[col_] = value;
    return true;
  }

  bool Refuse(std::string_view limit, uint64_t max, std::string_view what) {
    error = LimitExceeded("xlsx", limit, max, Where(), what, static_cast<int>(row_ + 1));
    return false;
  }

  const std::vector<std::string>& shared_;
  const XlsxLimits& limits_;
  const std::string& part_;
  size_t row_ = 0, col_ = 0, next_row_ = 0, next_col_ = 0, slots_ = 0;
  uint64_t text_bytes_ = 0;
  bool shared_string_ = false, in_cell_ = false, in_inline_ = false, in_phonetic_ = false;
};

const SheetRef* Pick(const std::vector<SheetRef>& sheets, const std::string& name) {
  if (name.empty()) return &sheets.front();
  for (const auto& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

Result<std::vector<std::string>> ReadXlsxSheetNames(std::string_view bytes, XlsxLimits limits) {
  InflateBudget budget(limits.max_uncompressed_bytes);
  Archive zip(bytes, limits, budget);
  if (!zip.ok()) return Error::Invalid("xlsx: not a zip archive (is it an .xlsx file?)");
  auto sheets = ListSheets(zip);
  if (!sheets) return sheets.error();
  std::vector<std::string> names;
  for (const auto& s : *sheets) names.push_back(s.name);
  return names;
}

Result<Rows> ReadXlsxRows(std::string_view bytes, const std::string& sheet, XlsxLimits limits) {
  InflateBudget budget(limits.max_uncompressed_bytes);
  Archive zip(bytes, limits, budget);
  if (!zip.ok()) return Error::Invalid("xlsx: not a zip archive (is it an .xlsx file?)");
  auto sheets = ListSheets(zip);
  if (!sheets) return sheets.error();
  const SheetRef* ref = Pick(*sheets, sheet);
  if (!ref) return Error::Invalid("xlsx: the workbook has no sheet named '" + sheet + "'");
  // The sheet inflates on a second reader of the same bytes, in chunks handed over as they come,
  // while the shared strings are read here and then each chunk is scanned and dropped: a sheet
  // takes the memory of the rows kept (and a few chunks between the threads), not of its XML.
  // Both parts draw on the one budget, checked while inflating.
  xlsx::ChunkQueue queue(kChunksAhead);
  auto inflating = std::async(std::launch::async, [bytes, &limits, &budget, &queue, part = ref->part]() {
    struct Closing {
      xlsx::ChunkQueue& q;
      ~Closing() { q.Close(); }
    } closing{queue};
    Archive second(bytes, limits, budget);
    if (!second.ok()) return Result<bool>(Error::Invalid("xlsx: not a zip archive (is it an .xlsx file?)"));
    return second.Stream(part, limits.max_part_bytes, limits.stream_chunk_bytes,
                         [&queue](std::string_view chunk) -> Status {
                           if (!queue.Push(std::string(chunk)))
                             return Error::Invalid("xlsx: reading stopped");
                           return Ok{};
                         });
  });
  struct Joining {  // on every way out: the inflating thread is told to stop, and has stopped
    xlsx::ChunkQueue& q;
    std::future<Result<bool>>& f;
    ~Joining() {
      q.Stop();
      if (f.valid()) f.wait();
    }
  } joining{queue, inflating};
  auto shared = ReadSharedStrings(zip, limits);
  if (!shared) return shared.error();
  Sheet handler(*shared, limits, ref->part);
  xlsx::XmlStream xml(ref->part, "worksheet", limits.max_cell_bytes, handler);
  Status scanned = Ok{};
  while (auto chunk = queue.Pop()) {
    if (scanned = xml.Feed(*chunk); !scanned) break;
  }
  queue.Stop();
  auto found = inflating.get();
  if (!scanned) return scanned.error();  // met before whatever the inflating side met later
  if (!found) return found.error();
  if (!*found)
    return Error::Invalid("xlsx: the part " + ref->part + " of sheet '" + ref->name + "' is missing");
  if (auto st = xml.Finish(); !st) return st.error();
  return std::move(handler.rows);
}

Result<Rows> ReadXlsxFile(const std::string& path, const std::string& sheet, XlsxLimits limits) {
  auto file = MappedFile::Open(path);
  if (!file) return file.error();
  return ReadXlsxRows(file->data(), sheet, limits);
}

}  // namespace gj::io
