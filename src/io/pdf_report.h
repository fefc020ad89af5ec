// A small document builder for A4 PDF reports with Chinese text (pango + cairo, Noto CJK fonts):
// title, headings, paragraphs, tables whose cells wrap and whose header repeats on each page, and
// horizontal bar charts drawn with cairo. Used by the dispatch bulletin and the assessment
// rankings. Content flows top to bottom; pages break by themselves.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace gj::io {

struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;     // printed after the bar (e.g. "62.5%")
  unsigned color = 0x3A7BD5;  // 0xRRGGBB
};

struct TableStyle {
  std::vector<double> widths;        // column shares of the text width (normalised); empty: equal
  std::vector<unsigned> row_colors;  // optional background per row (0: none)
  double font_size = 8.5;
};

class PdfReport {
 public:
  PdfReport();
  ~PdfReport();
  PdfReport(const PdfReport&) = delete;
  PdfReport& operator=(const PdfReport&) = delete;

  void Title(const std::string& title, const std::string& subtitle = "");
  void Heading(const std::string& text);
  void Paragraph(const std::string& text, double font_size = 10);
  void Table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
             const TableStyle& style = {});
  // Horizontal bars scaled to `max` (≤ 0: the largest value).
  void BarChart(const std::string& caption, const std::vector<Bar>& bars, double max = 0);
  void Space(double points);
  // Closes the document and returns the PDF bytes.
  std::string Finish();
  int pages() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gj::io
