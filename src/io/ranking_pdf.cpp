// The PDF bulletin, drawn with pango/cairo (Noto Sans CJK). A minimal builder of its own: the shared
// PDF report builder (src/io/pdf_report.h) was not on main when this was written.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdio>

#include "io/ranking_bulletin.h"

namespace gj::io {

namespace {

std::string Fixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void Text(cairo_t* cr, double x, double y, const std::string& s, const char* font, double r = 0, double g = 0, double b = 0,
          double width = 0) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_text(layout, s.c_str(), -1);
  cairo_set_source_rgb(cr, r, g, b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(desc);
  g_object_unref(layout);
}

}  // namespace

std::string BulletinPdf(const BulletinData& d) {
  constexpr double kWidth = 595, kHeight = 842, kMargin = 40, kRowHeight = 18;
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &out, kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  std::vector<std::string> cols = {"名次", "对象", "得分"};
  for (const auto& m : d.metric_labels) cols.push_back(m);
  cols.insert(cols.end(), {"完成度", "升降", "预警"});
  // The subject column takes what the numeric columns leave.
  const double numeric = (kWidth - 2 * kMargin - 110) / static_cast<double>(cols.size() - 1);
  auto col_x = [&](size_t i) { return kMargin + (i == 0 ? 0 : i == 1 ? numeric : 110 + numeric * static_cast<double>(i - 1)); };
  double y = kMargin;
  auto header = [&] {
    cairo_set_source_rgb(cr, 0.87, 0.92, 0.97);
    cairo_rectangle(cr, kMargin, y - 2, kWidth - 2 * kMargin, 2 * kRowHeight);
    cairo_fill(cr);
    // Long metric names wrap onto a second line instead of running into the next column.
    for (size_t i = 0; i < cols.size(); ++i) {
      Text(cr, col_x(i) + 2, y, cols[i], "Noto Sans CJK SC Bold 8", 0, 0, 0, (i == 1 ? 110 : numeric) - 4);
    }
    y += 2 * kRowHeight;
  };
  Text(cr, kMargin, y, d.title, "Noto Sans CJK SC Bold 15");
  y += 28;
  Text(cr, kMargin, y, d.subtitle, "Noto Sans CJK SC 9", 0.3, 0.3, 0.3);
  y += 24;
  header();
  for (const auto& row : d.rows) {
    if (y > kHeight - kMargin - kRowHeight) {
      cairo_show_page(cr);
      y = kMargin;
      header();
    }
    std::vector<std::string> cells = {std::to_string(row.rank), row.subject, Fixed2(row.score)};
    for (double v : row.metric_scores) cells.push_back(Fixed2(v));
    cells.push_back(Fixed2(row.completion * 100) + "%");
    cells.push_back(row.movement);
    cells.push_back(row.light);
    for (size_t i = 0; i < cells.size(); ++i) {
      const bool red = i + 1 == cells.size() && row.light == "红牌";
      const bool yellow = i + 1 == cells.size() && row.light == "黄牌";
      Text(cr, col_x(i) + 2, y, cells[i], "Noto Sans CJK SC 8", red ? 0.8 : yellow ? 0.7 : 0, 0, yellow ? 0 : 0);
    }
    cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
    cairo_move_to(cr, kMargin, y + kRowHeight - 3);
    cairo_line_to(cr, kWidth - kMargin, y + kRowHeight - 3);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    y += kRowHeight;
  }
  y += 12;
  if (y > kHeight - kMargin - 60) {
    cairo_show_page(cr);
    y = kMargin;
  }
  Text(cr, kMargin, y, "红黄榜", "Noto Sans CJK SC Bold 11");
  y += 20;
  std::string list;
  for (const auto& row : d.rows) {
    if (row.light.empty()) continue;
    list += row.light + "：" + row.subject + "（完成度 " + Fixed2(row.completion * 100) + "%）\n";
  }
  Text(cr, kMargin, y, list.empty() ? "无" : list, "Noto Sans CJK SC 9");
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace gj::io
