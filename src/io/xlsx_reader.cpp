#include "io/xlsx_reader.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "io/csv.h"

namespace gj::io {

namespace {

using Rows = std::vector<std::vector<std::string>>;

// ---- minizip over a memory buffer --------------------------------------------------------

struct MemStream {
  std::string_view data;
  uint64_t pos = 0;
};

voidpf ZCALLBACK MemOpen(voidpf opaque, const void*, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  static_cast<MemStream*>(opaque)->pos = 0;
  return opaque;
}

uLong ZCALLBACK MemRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* s = static_cast<MemStream*>(stream);
  const uint64_t left = s->pos < s->data.size() ? s->data.size() - s->pos : 0;
  const uLong n = static_cast<uLong>(std::min<uint64_t>(size, left));
  if (n) std::memcpy(buf, s->data.data() + s->pos, n);
  s->pos += n;
  return n;
}

uLong ZCALLBACK MemWrite(voidpf, voidpf, const void*, uLong) { return 0; }  // read-only

ZPOS64_T ZCALLBACK MemTell(voidpf, voidpf stream) { return static_cast<MemStream*>(stream)->pos; }

long ZCALLBACK MemSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* s = static_cast<MemStream*>(stream);
  uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = s->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = s->data.size(); break;
    default: return -1;
  }
  const uint64_t target = base + offset;
  if (target > s->data.size()) return -1;
  s->pos = target;
  return 0;
}

int ZCALLBACK MemClose(voidpf, voidpf) { return 0; }
int ZCALLBACK MemError(voidpf, voidpf) { return 0; }

// The archive and the budget of bytes it may still inflate.
class Archive {
 public:
  Archive(std::string_view bytes, XlsxLimits limits) : stream_{bytes, 0}, limits_(limits) {
    zlib_filefunc64_def funcs{};
    funcs.zopen64_file = MemOpen;
    funcs.zread_file = MemRead;
    funcs.zwrite_file = MemWrite;
    funcs.ztell64_file = MemTell;
    funcs.zseek64_file = MemSeek;
    funcs.zclose_file = MemClose;
    funcs.zerror_file = MemError;
    funcs.opaque = &stream_;
    zip_ = unzOpen2_64("memory", &funcs);
  }
  ~Archive() {
    if (zip_) unzClose(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool ok() const { return zip_ != nullptr; }
  uint64_t used() const { return used_; }

  // nullopt in the result: the part does not exist.
  Result<std::optional<std::string>> Read(const std::string& name) {
    if (unzLocateFile(zip_, name.c_str(), 2) != UNZ_OK) return std::optional<std::string>();
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      return Error::Invalid("xlsx: cannot read the zip entry of " + name);
    }
    if (auto st = CheckDeclared(name, info); !st) return st.error();
    if (unzOpenCurrentFile(zip_) != UNZ_OK)
      return Error::Invalid("xlsx: cannot open " + name + " in the zip");
    auto text = Inflate(name, info.uncompressed_size);
    const int closed = unzCloseCurrentFile(zip_);  // reports a CRC mismatch of fully read data
    if (!text) return text.error();
    if (closed != UNZ_OK) return Error::Invalid("xlsx: " + name + " is corrupt (checksum mismatch)");
    return std::optional<std::string>(std::move(text.value()));
  }

 private:
  Status CheckDeclared(const std::string& name, const unz_file_info64& info) const {
    if (info.uncompressed_size > limits_.max_uncompressed_bytes - used_) {
      return Error::Invalid("xlsx: " + name + " would inflate beyond the limit of " +
                            std::to_string(limits_.max_uncompressed_bytes) + " bytes (zip bomb?)");
    }
    if (RatioTooHigh(info.uncompressed_size, info.compressed_size)) {
      return Error::Invalid("xlsx: " + name + " has a compression ratio over " +
                            std::to_string(limits_.max_ratio) + " (zip bomb?)");
    }
    return Ok{};
  }

  // Tiny parts compress arbitrarily well and cannot hurt; only large ones are ratio-checked.
  bool RatioTooHigh(uint64_t uncompressed, uint64_t compressed) const {
    if (uncompressed <= (1u << 20)) return false;
    return uncompressed / std::max<uint64_t>(compressed, 1) > limits_.max_ratio;
  }

  // The declared size may lie: stop as soon as the actual output exceeds it or the budget.
  Result<std::string> Inflate(const std::string& name, uint64_t declared) {
    std::string out;
    out.resize(static_cast<size_t>(declared));
    uint64_t got = 0;
    char probe[1];
    while (got < declared) {
      const unsigned chunk = static_cast<unsigned>(std::min<uint64_t>(declared - got, 1u << 24));
      const int n = unzReadCurrentFile(zip_, out.data() + got, chunk);
      if (n < 0)
        return Error::Invalid("xlsx: " + name + " is corrupt (inflate error " + std::to_string(n) + ")");
      if (n == 0) break;
      got += static_cast<uint64_t>(n);
    }
    if (got != declared || unzReadCurrentFile(zip_, probe, 1) != 0) {
      return Error::Invalid("xlsx: " + name + " does not have the size its zip entry declares (zip bomb?)");
    }
    used_ += got;
    return out;
  }

  MemStream stream_;
  XlsxLimits limits_;
  unzFile zip_ = nullptr;
  uint64_t used_ = 0;
};

// ---- XML helpers ----------------------------------------------------------------------------

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

// Text of a <si> or <is>: a plain <t>, or the runs <r><t> of rich text; phonetic <rPh> is skipped.
std::string RichText(const pugi::xml_node& n) {
  std::string out;
  for (auto c = n.first_child(); c; c = c.next_sibling()) {
    const auto name = Local(c);
    if (name == "t") out += c.child_value();
    else if (name == "r") out += Child(c, "t").child_value();
  }
  return out;
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
  auto wb = zip.Read("xl/workbook.xml");
  if (!wb) return wb.error();
  if (!wb.value()) return Error::Invalid("xlsx: not a spreadsheet (xl/workbook.xml is missing)");
  pugi::xml_document wb_doc;
  if (auto st = ParseXml(wb_doc, **wb, "xl/workbook.xml"); !st) return st.error();

  pugi::xml_document rels_doc;
  auto rels = zip.Read("xl/_rels/workbook.xml.rels");
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

Result<std::vector<std::string>> ReadSharedStrings(Archive& zip) {
  std::vector<std::string> strings;
  auto text = zip.Read("xl/sharedStrings.xml");
  if (!text) return text.error();
  if (!*text) return strings;  // optional part
  pugi::xml_document doc;
  if (auto st = ParseXml(doc, **text, "xl/sharedStrings.xml"); !st) return st.error();
  for (auto si = Child(doc, "sst").first_child(); si; si = si.next_sibling()) {
    if (Local(si) == "si") strings.push_back(RichText(si));
  }
  return strings;
}

// ---- worksheet ------------------------------------------------------------------------------

constexpr size_t kMaxRows = 1048576;  // Excel's limits
constexpr size_t kMaxColumns = 16384;

// "AB12" → 27 (0-based column), or nullopt when the reference has no letters.
std::optional<size_t> ColumnOf(std::string_view ref) {
  size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
    col = col * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
  if (i == 0) return std::nullopt;
  return col - 1;
}

// Streams the worksheet XML instead of building a DOM: pugixml's tree for a 100,000-row sheet
// took ~500 MB. Still checks well-formedness (balanced tags, quoted attributes, known entities),
// so a truncated or corrupt sheet is an error rather than silently short data.
class SheetScanner {
 public:
  SheetScanner(std::string_view xml, const std::vector<std::string>& shared, const std::string& part)
      : x_(xml), shared_(shared), part_(part) {}

  Result<Rows> Read() {
    while (pos_ < x_.size()) {
      const size_t lt = x_.find('<', pos_);
      if (lt == std::string_view::npos) {
        pos_ = x_.size();
        break;
      }
      if (capture_ && !Text(x_.substr(pos_, lt - pos_))) return error_;
      pos_ = lt;
      if (!Markup()) return error_;
    }
    if (!stack_.empty()) return Fail("ends inside <" + std::string(stack_.back()) + ">");
    if (!seen_root_) return Fail("is not a worksheet");
    for (auto& r : rows_) r.resize(width_);
    return std::move(rows_);
  }

 private:
  Error Fail(const std::string& what) {
    error_ = Error::Invalid("xlsx: " + part_ + " is not well-formed XML (" + what + " at offset " +
                            std::to_string(pos_) + ")");
    return error_;
  }
  Error BadValue(const std::string& what) {
    error_ = Error::Invalid("xlsx: " + part_ + ": invalid " + what);
    return error_;
  }

  static std::string_view LocalName(std::string_view name) {
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  }

  // Appends character data with entities decoded.
  bool Text(std::string_view t) {
    size_t amp;
    while ((amp = t.find('&')) != std::string_view::npos) {
      text_.append(t.substr(0, amp));
      const size_t semi = t.find(';', amp);
      if (semi == std::string_view::npos) return Fail("unterminated entity"), false;
      const std::string_view ent = t.substr(amp + 1, semi - amp - 1);
      if (ent == "lt") text_ += '<';
      else if (ent == "gt") text_ += '>';
      else if (ent == "amp") text_ += '&';
      else if (ent == "quot") text_ += '"';
      else if (ent == "apos") text_ += '\'';
      else if (!CharRef(ent)) return Fail("unknown entity &" + std::string(ent) + ";"), false;
      t.remove_prefix(semi + 1);
    }
    text_.append(t);
    return true;
  }

  bool CharRef(std::string_view ent) {
    if (ent.size() < 2 || ent[0] != '#') return false;
    const bool hex = ent[1] == 'x';
    const std::string digits(ent.substr(hex ? 2 : 1));
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF) return false;
    AppendUtf8(static_cast<uint32_t>(cp));
    return true;
  }

  void AppendUtf8(uint32_t cp) {
    if (cp < 0x80) {
      text_ += static_cast<char>(cp);
    } else if (cp < 0x800) {
      text_ += static_cast<char>(0xC0 | cp >> 6);
      text_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      text_ += static_cast<char>(0xE0 | cp >> 12);
      text_ += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      text_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      text_ += static_cast<char>(0xF0 | cp >> 18);
      text_ += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      text_ += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      text_ += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool Skip(std::string_view terminator) {
    const size_t end = x_.find(terminator, pos_);
    if (end == std::string_view::npos) return Fail("unterminated markup"), false;
    pos_ = end + terminator.size();
    return true;
  }

  bool Markup() {
    const std::string_view rest = x_.substr(pos_);
    if (rest.starts_with("<?")) return Skip("?>");
    if (rest.starts_with("<!--")) return Skip("-->");
    if (rest.starts_with("<![CDATA[")) {
      const size_t end = x_.find("]]>", pos_);
      if (end == std::string_view::npos) return Fail("unterminated CDATA"), false;
      if (capture_) text_.append(x_.substr(pos_ + 9, end - pos_ - 9));
      pos_ = end + 3;
      return true;
    }
    if (rest.starts_with("<!")) return Fail("DOCTYPE or other declarations are not allowed"), false;
    if (rest.starts_with("</")) return EndTag();
    return StartTag();
  }

  bool EndTag() {
    const size_t gt = x_.find('>', pos_);
    if (gt == std::string_view::npos) return Fail("unterminated end tag"), false;
    std::string_view name = x_.substr(pos_ + 2, gt - pos_ - 2);
    while (!name.empty() &&
           (name.back() == ' ' || name.back() == '\t' || name.back() == '\n' || name.back() == '\r')) {
      name.remove_suffix(1);
    }
    if (stack_.empty() || stack_.back() != name)
      return Fail("mismatched </" + std::string(name) + ">"), false;
    stack_.pop_back();
    pos_ = gt + 1;
    return Close(LocalName(name));
  }

  bool StartTag() {
    size_t p = pos_ + 1;
    const size_t name_start = p;
    while (p < x_.size() && !IsSpace(x_[p]) && x_[p] != '>' && x_[p] != '/') ++p;
    const std::string_view name = x_.substr(name_start, p - name_start);
    if (name.empty()) return Fail("empty tag name"), false;
    attrs_.clear();
    while (true) {
      while (p < x_.size() && IsSpace(x_[p])) ++p;
      if (p >= x_.size()) return Fail("unterminated tag <" + std::string(name) + ">"), false;
      if (x_[p] == '>' || (x_[p] == '/' && p + 1 < x_.size() && x_[p + 1] == '>')) break;
      const size_t eq = x_.find('=', p);
      if (eq == std::string_view::npos || eq + 1 >= x_.size()) return Fail("bad attribute"), false;
      std::string_view attr = x_.substr(p, eq - p);
      while (!attr.empty() && IsSpace(attr.back())) attr.remove_suffix(1);
      size_t q = eq + 1;
      while (q < x_.size() && IsSpace(x_[q])) ++q;
      if (q >= x_.size() || (x_[q] != '"' && x_[q] != '\'')) return Fail("unquoted attribute"), false;
      const size_t close = x_.find(x_[q], q + 1);
      if (close == std::string_view::npos) return Fail("unterminated attribute"), false;
      attrs_.emplace_back(LocalName(attr), x_.substr(q + 1, close - q - 1));
      p = close + 1;
    }
    const bool self_closing = x_[p] == '/';
    pos_ = p + (self_closing ? 2 : 1);
    if (!Open(LocalName(name))) return false;
    if (self_closing) return Close(LocalName(name));
    stack_.push_back(name);
    return true;
  }

  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  std::string_view Attr(std::string_view local) const {
    for (const auto& [k, v] : attrs_) {
      if (k == local) return v;
    }
    return {};
  }

  bool Open(std::string_view name) {
    if (stack_.empty()) {
      if (name != "worksheet") return Fail("the root element is not <worksheet>"), false;
      seen_root_ = true;
    }
    if (name == "row") return OpenRow();
    if (name == "c") return OpenCell();
    if (!in_cell_) return true;
    if (name == "v" || (name == "t" && in_inline_ && !in_phonetic_)) capture_ = true;
    else if (name == "is") in_inline_ = true;
    else if (name == "rPh") in_phonetic_ = true;
    return true;
  }

  bool Close(std::string_view name) {
    if (name == "v" || name == "t") capture_ = false;
    else if (name == "rPh") in_phonetic_ = false;
    else if (name == "c") return CloseCell();
    return true;
  }

  bool OpenRow() {
    size_t index = rows_.size();
    if (const auto r = Attr("r"); !r.empty()) {
      const long n = std::atol(std::string(r).c_str());
      if (n < 1 || static_cast<size_t>(n) > kMaxRows) return BadValue("row number " + std::string(r)), false;
      index = static_cast<size_t>(n) - 1;
    }
    if (index >= rows_.size()) rows_.resize(index + 1);
    row_ = index;
    next_col_ = rows_[row_].size();
    return true;
  }

  bool OpenCell() {
    if (rows_.empty()) rows_.resize(1);  // a cell outside any row: be lenient, row 1
    col_ = next_col_;
    if (const auto ref = Attr("r"); !ref.empty()) {
      const auto parsed = ColumnOf(ref);
      if (!parsed || *parsed >= kMaxColumns) return BadValue("cell reference " + std::string(ref)), false;
      col_ = *parsed;
    }
    type_ = Attr("t");
    in_cell_ = true;
    in_inline_ = in_phonetic_ = false;
    text_.clear();
    return true;
  }

  bool CloseCell() {
    in_cell_ = capture_ = false;
    auto& row = rows_[row_];
    if (col_ >= row.size()) row.resize(col_ + 1);
    if (type_ == "s") {
      char* end = nullptr;
      const unsigned long idx = std::strtoul(text_.c_str(), &end, 10);
      if (text_.empty() || *end != '\0' || idx >= shared_.size()) {
        return BadValue("shared string index '" + text_ + "'"), false;
      }
      row[col_] = shared_[idx];
    } else {
      row[col_] = text_;  // numbers as stored, booleans 1/0, inline and formula strings
    }
    width_ = std::max(width_, row.size());
    next_col_ = col_ + 1;
    return true;
  }

  std::string_view x_;
  const std::vector<std::string>& shared_;
  const std::string& part_;
  size_t pos_ = 0;
  std::vector<std::string_view> stack_;
  std::vector<std::pair<std::string_view, std::string_view>> attrs_;
  Rows rows_;
  size_t width_ = 0, row_ = 0, col_ = 0, next_col_ = 0;
  std::string_view type_;
  std::string text_;
  bool capture_ = false, in_cell_ = false, in_inline_ = false, in_phonetic_ = false, seen_root_ = false;
  Error error_;
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
  Archive zip(bytes, limits);
  if (!zip.ok()) return Error::Invalid("xlsx: not a zip archive (is it an .xlsx file?)");
  auto sheets = ListSheets(zip);
  if (!sheets) return sheets.error();
  std::vector<std::string> names;
  for (const auto& s : *sheets) names.push_back(s.name);
  return names;
}

Result<Rows> ReadXlsxRows(std::string_view bytes, const std::string& sheet, XlsxLimits limits) {
  Archive zip(bytes, limits);
  if (!zip.ok()) return Error::Invalid("xlsx: not a zip archive (is it an .xlsx file?)");
  auto sheets = ListSheets(zip);
  if (!sheets) return sheets.error();
  const SheetRef* ref = Pick(*sheets, sheet);
  if (!ref) return Error::Invalid("xlsx: the workbook has no sheet named '" + sheet + "'");
  // The sheet inflates on a second reader of the same bytes while the shared strings are read and
  // parsed here (the two largest parts). Each reader keeps its own budget; their sum is checked after.
  auto sheet_part = std::async(std::launch::async,
                               [bytes, limits, part = ref->part]() -> Result<std::optional<std::string>> {
                                 Archive second(bytes, limits);
                                 if (!second.ok())
                                   return Error::Invalid("xlsx: not a zip archive (is it an .xlsx file?)");
                                 return second.Read(part);
                               });
  auto shared = ReadSharedStrings(zip);
  auto text = sheet_part.get();
  if (!shared) return shared.error();
  if (!text) return text.error();
  if (*text && zip.used() + (*text)->size() > limits.max_uncompressed_bytes) {
    return Error::Invalid("xlsx: the workbook would inflate beyond the limit of " +
                          std::to_string(limits.max_uncompressed_bytes) + " bytes (zip bomb?)");
  }
  if (!*text)
    return Error::Invalid("xlsx: the part " + ref->part + " of sheet '" + ref->name + "' is missing");
  return SheetScanner(**text, *shared, ref->part).Read();
}

Result<Rows> ReadXlsxFile(const std::string& path, const std::string& sheet, XlsxLimits limits) {
  auto file = MappedFile::Open(path);
  if (!file) return file.error();
  return ReadXlsxRows(file->data(), sheet, limits);
}

}  // namespace gj::io
