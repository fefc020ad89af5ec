// The PDF bulletin of a ranking run, on the shared A4 report builder (pango/cairo, Noto Sans CJK):
// the ranking table (red and yellow cards tinted), the scores as bars, then the red/yellow list.
#include <cstdio>

#include "io/pdf_report.h"
#include "io/ranking_bulletin.h"

namespace gj::io {

namespace {

std::string Fixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

constexpr unsigned kRedTint = 0xF8D7DA, kYellowTint = 0xFFF3CD;

}  // namespace

std::string BulletinPdf(const BulletinData& d) {
  PdfReport doc;
  doc.Title(d.title, d.subtitle);
  std::vector<std::string> header = {"名次", "对象", "得分"};
  header.insert(header.end(), d.metric_labels.begin(), d.metric_labels.end());
  header.insert(header.end(), {"完成度", "升降", "预警"});
  TableStyle style;
  style.widths.assign(header.size(), 1.0);
  style.widths[1] = 2.2;  // the subject's name takes what the figures leave
  std::vector<std::vector<std::string>> rows;
  std::vector<Bar> bars;
  for (const auto& row : d.rows) {
    const bool ranked = row.rank > 0;
    std::vector<std::string> cells = {ranked ? std::to_string(row.rank) : "—", row.subject,
                                      ranked ? Fixed2(row.score) : kUnranked};
    for (const auto& v : row.metric_scores) cells.push_back(v ? Fixed2(*v) : kNotApplicable);
    cells.insert(cells.end(), {ranked ? Fixed2(row.completion * 100) + "%" : "—", row.movement, row.light});
    rows.push_back(std::move(cells));
    if (!ranked) {
      style.row_colors.push_back(0);
      continue;  // no bar for a subject that is not ranked
    }
    style.row_colors.push_back(row.light == "红牌" ? kRedTint : row.light == "黄牌" ? kYellowTint : 0);
    bars.push_back({row.subject, row.score, Fixed2(row.score),
                    row.light == "红牌"   ? 0xC0392Bu
                    : row.light == "黄牌" ? 0xD4A017u
                                          : 0x3A7BD5u});
  }
  doc.Table(header, rows, style);
  doc.BarChart("得分", bars);
  doc.Heading("红黄榜");
  std::string list;
  for (const auto& row : d.rows) {
    if (row.light.empty()) continue;
    list += row.light + "：" + row.subject + "（完成度 " + Fixed2(row.completion * 100) + "%）\n";
  }
  doc.Paragraph(list.empty() ? "无" : list);
  return doc.Finish();
}

}  // namespace gj::io
