#include "io/xlsx_writer.h"

#include <zlib.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "io/formula_guard.h"
#include "io/xlsx_archive.h"

namespace gj::io {

namespace {

constexpr size_t kFlushBytes = 256u << 10;  // XML handed to the deflating thread this much at a time
constexpr int kLevel = 1;                   // zlib's fastest: 3× faster than the default, ~15 % larger

// A part deflated (raw deflate, as zip stores it) as its bytes come, with its CRC-32 and size.
class Deflater {
 public:
  Deflater() {
    if (deflateInit2(&z_, kLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("xlsx export: deflateInit2 failed");
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  void Add(std::string_view in, bool last) {
    if (!in.empty())  // crc32_z of a null buffer is the initial value, not the running one
      crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(in.data()), in.size());
    size_ += in.size();
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    const int flush = last ? Z_FINISH : Z_NO_FLUSH;
    while (true) {
      const size_t room = deflateBound(&z_, z_.avail_in) + 64;
      const size_t at = out_.size();
      out_.resize(at + room);
      z_.next_out = reinterpret_cast<Bytef*>(out_.data() + at);
      z_.avail_out = static_cast<uInt>(room);
      const int rc = deflate(&z_, flush);
      out_.resize(at + room - z_.avail_out);
      if (rc == Z_STREAM_ERROR) throw std::runtime_error("xlsx export: deflate failed");
      if (last ? rc == Z_STREAM_END : z_.avail_in == 0) break;
    }
  }
  std::string& out() { return out_; }
  uint32_t crc() const { return static_cast<uint32_t>(crc_); }
  uint64_t size() const { return size_; }

 private:
  z_stream z_{};
  std::string out_;
  uLong crc_ = crc32_z(0, nullptr, 0);
  uint64_t size_ = 0;
};

// A zip archive assembled in memory from deflated parts (no zip64: parts and file < 4 GiB).
class ZipOut {
 public:
  void Add(const std::string& name, Deflater& d) {
    if (d.out().size() >= 0xFFFFFFFFull || d.size() >= 0xFFFFFFFFull || out_.size() >= 0xFFFFFFFFull)
      throw std::runtime_error("xlsx export: the workbook is larger than 4 GiB");
    entries_.push_back({name, d.crc(), static_cast<uint32_t>(d.out().size()), static_cast<uint32_t>(d.size()),
                        static_cast<uint32_t>(out_.size())});
    Header(0x04034b50, entries_.back(), false);
    out_ += d.out();
  }
  void Add(const std::string& name, std::string_view text) {
    Deflater d;
    d.Add(text, true);
    Add(name, d);
  }
  std::string Finish() {
    const uint32_t cd = static_cast<uint32_t>(out_.size());
    for (const auto& e : entries_) Header(0x02014b50, e, true);
    const uint32_t cd_size = static_cast<uint32_t>(out_.size()) - cd;
    U32(0x06054b50), U16(0), U16(0), U16(entries_.size()), U16(entries_.size()), U32(cd_size), U32(cd),
        U16(0);
    return std::move(out_);
  }

 private:
  struct Entry {
    std::string name;
    uint32_t crc, csize, usize, offset;
  };
  void U16(size_t v) { out_ += static_cast<char>(v & 0xFF), out_ += static_cast<char>(v >> 8 & 0xFF); }
  void U32(uint32_t v) { U16(v & 0xFFFF), U16(v >> 16); }
  void Header(uint32_t sig, const Entry& e, bool central) {
    U32(sig);
    if (central) U16(20);                        // made by
    U16(20), U16(0), U16(8), U16(0), U16(0x21);  // needed, flags, deflate, 00:00, 1980-01-01
    U32(e.crc), U32(e.csize), U32(e.usize), U16(e.name.size()), U16(0);
    if (central) U16(0), U16(0), U16(0), U32(0), U32(e.offset);  // comment, disk, attributes, offset
    out_ += e.name;
  }
  std::vector<Entry> entries_;
  std::string out_;
};

// XML text: & < > escaped, and the control characters XML 1.0 cannot hold written as Excel does
// (_x0001_), which spreadsheets show as the character.
void AppendEscaped(std::string& out, std::string_view s) {
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '&' && c != '<' && c != '>') continue;
    if (c == '\t' || c == '\n') continue;
    out.append(s.data() + from, i - from);
    from = i + 1;
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "_x%04X_", c);
      out += buf;
    }
  }
  out.append(s.data() + from, s.size() - from);
}

// <t> keeps leading and trailing spaces only with xml:space="preserve".
void AppendT(std::string& out, std::string_view s) {
  const bool keep = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' ||
                                   s.back() == '\t' || s.front() == '\n' || s.back() == '\n');
  out += keep ? "<t xml:space=\"preserve\">" : "<t>";
  AppendEscaped(out, s);
  out += "</t>";
}

void AppendColumnName(std::string& out, uint32_t col) {
  char b[4];
  int n = 0;
  for (uint32_t c = col + 1; c > 0; c = (c - 1) / 26) b[n++] = static_cast<char>('A' + (c - 1) % 26);
  while (n) out += b[--n];
}

template <class T>
void AppendNumber(std::string& out, T v) {
  char b[32];
  const auto r = std::to_chars(b, b + sizeof b, v);
  out.append(b, r.ptr);
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string Styles() {
  std::string s = kXmlDecl;
  s += "<styleSheet xmlns=\"";
  s += kMain;
  s +=
      "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
      "<fonts count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/>"
      "<scheme val=\"minor\"/></font><font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/>"
      "<family val=\"2\"/><scheme val=\"minor\"/></font></fonts>"
      "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill "
      "patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/>"
      "<bgColor indexed=\"64\"/></patternFill></fill></fills>"
      "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>"
      "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
      "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom>"
      "<diagonal/></border></borders>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" "
      "applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"
      "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" "
      "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>\n";
  return s;
}

// The theme the styles' fonts refer to (color theme="1", scheme minor): Office's, reduced to what
// the spreadsheets read.
std::string Theme() {
  std::string s = kXmlDecl;
  s +=
      "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\">"
      "<a:themeElements><a:clrScheme name=\"Office\"><a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/>"
      "</a:dk1><a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"1F497D\"/>"
      "</a:dk2><a:lt2><a:srgbClr val=\"EEECE1\"/></a:lt2><a:accent1><a:srgbClr val=\"4F81BD\"/></a:accent1>"
      "<a:accent2><a:srgbClr val=\"C0504D\"/></a:accent2><a:accent3><a:srgbClr val=\"9BBB59\"/></a:accent3>"
      "<a:accent4><a:srgbClr val=\"8064A2\"/></a:accent4><a:accent5><a:srgbClr val=\"4BACC6\"/></a:accent5>"
      "<a:accent6><a:srgbClr val=\"F79646\"/></a:accent6><a:hlink><a:srgbClr val=\"0000FF\"/></a:hlink>"
      "<a:folHlink><a:srgbClr val=\"800080\"/></a:folHlink></a:clrScheme><a:fontScheme name=\"Office\">"
      "<a:majorFont><a:latin typeface=\"Cambria\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
      "<a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>"
      "</a:fontScheme><a:fmtScheme name=\"Office\"><a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/>"
      "</a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr "
      "val=\"phClr\"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w=\"9525\"><a:solidFill><a:schemeClr "
      "val=\"phClr\"/></a:solidFill></a:ln><a:ln w=\"25400\"><a:solidFill><a:schemeClr val=\"phClr\"/>"
      "</a:solidFill></a:ln><a:ln w=\"38100\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
      "</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle>"
      "<a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"
      "<a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr "
      "val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:bgFillStyleLst>"
      "</a:fmtScheme></a:themeElements></a:theme>\n";
  return s;
}

}  // namespace

struct XlsxSheetWriter::Impl {
  std::string sheet_name;
  std::vector<Column> columns;
  std::string xml;  // the sheet XML not yet handed to the deflating thread
  uint32_t row = 0;
  bool in_row = false, started = false;
  // Shared strings: each text's index, and the <si> elements in index order.
  std::unordered_map<std::string, uint32_t> index;
  std::string sst;
  uint64_t sst_refs = 0;
  // The sheet is deflated on a second thread, chunk by chunk as the rows fill them.
  xlsx::ChunkQueue queue{8};
  Deflater sheet;
  std::exception_ptr failed;
  std::thread deflating;

  Impl() {
    deflating = std::thread([this] {
      try {
        while (auto chunk = queue.Pop()) sheet.Add(*chunk, false);
      } catch (...) {
        failed = std::current_exception();
        queue.Stop();
      }
    });
  }
  ~Impl() {
    queue.Stop();
    if (deflating.joinable()) deflating.join();
  }

  // The sheet's head, before the first row (once FreezeHeaderAndFilter may have been called).
  void Head(bool header_tools) {
    started = true;
    if (header_tools) {
      xml +=
          "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"1\" "
          "topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
          "</sheetView></sheetViews>";
    } else {
      xml += "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>";
    }
    xml += "<sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!columns.empty()) {
      xml += "<cols>";
      for (size_t i = 0; i < columns.size(); ++i) {
        xml += "<col min=\"";
        AppendNumber(xml, i + 1);
        xml += "\" max=\"";
        AppendNumber(xml, i + 1);
        xml += "\" width=\"";
        AppendNumber(xml, columns[i].width + 0.7109375);  // Excel's padding, as libxlsxwriter writes
        xml += "\" customWidth=\"1\"/>";
      }
      xml += "</cols>";
    }
    xml += "<sheetData>";
  }

  void Flush() {
    if (xml.size() < kFlushBytes) return;
    queue.Push(std::move(xml));
    xml.clear();
    xml.reserve(kFlushBytes + 4096);
  }

  void Cell(uint32_t col, Style style, const char* type) {
    xml += "<c";
    // Every cell names its position: the format lets it be implied, but simple readers need it.
    xml += " r=\"";
    AppendColumnName(xml, col);
    AppendNumber(xml, row);
    xml += '"';
    if (style != Style::kPlain) {
      xml += " s=\"";
      xml += static_cast<char>('0' + static_cast<int>(style));
      xml += '"';
    }
    xml += type;
  }

  uint32_t Shared(const std::string& text) {
    ++sst_refs;
    auto [it, fresh] = index.try_emplace(text, static_cast<uint32_t>(index.size()));
    if (fresh) {
      sst += "<si>";
      AppendT(sst, text);
      sst += "</si>";
    }
    return it->second;
  }
};

XlsxSheetWriter::XlsxSheetWriter(std::string sheet, std::vector<Column> columns)
    : impl_(std::make_unique<Impl>()) {
  impl_->sheet_name = std::move(sheet);
  impl_->columns = std::move(columns);
  auto& x = impl_->xml;
  x.reserve(kFlushBytes + 4096);
  x += kXmlDecl;
  x += "<worksheet xmlns=\"";
  x += kMain;
  x += "\" xmlns:r=\"";
  x += kRel;
  x += "\">";
}

XlsxSheetWriter::~XlsxSheetWriter() = default;

void XlsxSheetWriter::Row() {
  auto& m = *impl_;
  if (!m.started) m.Head(header_tools_);
  if (m.in_row) m.xml += "</row>";
  ++m.row;
  m.in_row = true;
  m.xml += "<row r=\"";
  AppendNumber(m.xml, m.row);
  m.xml += "\">";
  m.Flush();
}

void XlsxSheetWriter::Text(uint32_t col, std::string_view text, Style style) {
  if (text.empty()) return;
  auto& m = *impl_;
  const bool shared = col >= m.columns.size() || m.columns[col].shared;
  if (NeedsFormulaGuard(text)) {
    const std::string guarded = GuardFormula(text);
    if (shared) {
      m.Cell(col, style, " t=\"s\"><v>");
      AppendNumber(m.xml, m.Shared(guarded));
      m.xml += "</v></c>";
    } else {
      m.Cell(col, style, " t=\"inlineStr\"><is>");
      AppendT(m.xml, guarded);
      m.xml += "</is></c>";
    }
    return;
  }
  if (shared) {
    thread_local std::string key;
    key.assign(text);
    m.Cell(col, style, " t=\"s\"><v>");
    AppendNumber(m.xml, m.Shared(key));
    m.xml += "</v></c>";
  } else {
    m.Cell(col, style, " t=\"inlineStr\"><is>");
    AppendT(m.xml, text);
    m.xml += "</is></c>";
  }
}

void XlsxSheetWriter::Number(uint32_t col, double v, Style style) {
  if (!std::isfinite(v)) return;
  auto& m = *impl_;
  m.Cell(col, style, "><v>");
  AppendNumber(m.xml, v);
  m.xml += "</v></c>";
}

void XlsxSheetWriter::Integer(uint32_t col, int64_t v, Style style) {
  auto& m = *impl_;
  m.Cell(col, style, "><v>");
  AppendNumber(m.xml, v);
  m.xml += "</v></c>";
}

std::string XlsxSheetWriter::Finish() {
  auto& m = *impl_;
  if (!m.started) m.Head(header_tools_);
  if (m.in_row) m.xml += "</row>";
  m.xml += "</sheetData>";
  std::string filter;
  const uint32_t ncols = static_cast<uint32_t>(std::max<size_t>(m.columns.size(), 1));
  if (header_tools_ && m.row > 1) {
    std::string ref = "A1:";
    AppendColumnName(ref, ncols - 1);
    AppendNumber(ref, m.row);
    m.xml += "<autoFilter ref=\"" + ref + "\"/>";
    std::string abs = "$A$1:$";
    AppendColumnName(abs, ncols - 1);
    abs += "$";
    AppendNumber(abs, m.row);
    filter = "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'";
    std::string quoted;
    for (char c : m.sheet_name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    AppendEscaped(filter, quoted);
    filter += "'!" + abs + "</definedName></definedNames>";
  }
  m.xml +=
      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
      "footer=\"0.3\"/></worksheet>\n";
  m.queue.Push(std::move(m.xml));
  m.queue.Close();
  m.deflating.join();
  if (m.failed) std::rethrow_exception(m.failed);
  m.sheet.Add({}, true);

  const bool has_sst = !m.index.empty();
  ZipOut zip;
  std::string types = kXmlDecl;
  types +=
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      "<Override PartName=\"/xl/theme/theme1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
  if (has_sst)
    types +=
        "<Override PartName=\"/xl/sharedStrings.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
  types += "</Types>\n";
  zip.Add("[Content_Types].xml", types);
  zip.Add("_rels/.rels",
          std::string(kXmlDecl) +
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"" +
              kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>\n");
  std::string rels = std::string(kXmlDecl) +
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"" +
                     kRel +
                     "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
                     kRel + "/theme\" Target=\"theme/theme1.xml\"/><Relationship Id=\"rId3\" Type=\"" + kRel +
                     "/styles\" Target=\"styles.xml\"/>";
  if (has_sst)
    rels += std::string("<Relationship Id=\"rId4\" Type=\"") + kRel +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  rels += "</Relationships>\n";
  zip.Add("xl/_rels/workbook.xml.rels", rels);
  std::string wb = std::string(kXmlDecl) + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel +
                   "\"><bookViews><workbookView/></bookViews><sheets><sheet name=\"";
  AppendEscaped(wb, m.sheet_name);
  wb += "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>" + filter + "</workbook>\n";
  zip.Add("xl/workbook.xml", wb);
  zip.Add("xl/worksheets/sheet1.xml", m.sheet);
  zip.Add("xl/theme/theme1.xml", Theme());
  zip.Add("xl/styles.xml", Styles());
  if (has_sst) {
    std::string sst = std::string(kXmlDecl) + "<sst xmlns=\"" + kMain + "\" count=\"";
    AppendNumber(sst, m.sst_refs);
    sst += "\" uniqueCount=\"";
    AppendNumber(sst, m.index.size());
    sst += "\">";
    std::unordered_map<std::string, uint32_t>().swap(m.index);
    sst += m.sst;
    std::string().swap(m.sst);
    sst += "</sst>\n";
    zip.Add("xl/sharedStrings.xml", sst);
  }
  return zip.Finish();
}

}  // namespace gj::io
