#include "io/ranking_bulletin.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace gj::io {

namespace {

std::string Slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Fixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string BulletinXlsx(const BulletinData& d) {
  char path[] = "/tmp/gongjian-bulletin-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the bulletin");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "通报");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* num = workbook_add_format(wb);
  format_set_num_format(num, "0.00");
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0.0%");
  lxw_format* red = workbook_add_format(wb);
  format_set_font_color(red, LXW_COLOR_RED);
  format_set_bold(red);
  lxw_format* yellow = workbook_add_format(wb);
  format_set_bg_color(yellow, 0xFFF2CC);
  worksheet_write_string(ws, 0, 0, d.title.c_str(), title);
  worksheet_write_string(ws, 1, 0, d.subtitle.c_str(), nullptr);
  std::vector<std::string> cols = {"名次", "对象", "得分"};
  for (const auto& m : d.metric_labels) cols.push_back(m);
  cols.insert(cols.end(), {"完成度", "升降", "预警"});
  for (size_t i = 0; i < cols.size(); ++i) {
    worksheet_write_string(ws, 3, static_cast<lxw_col_t>(i), cols[i].c_str(), header);
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), i == 1 ? 20 : 12, nullptr);
  }
  lxw_row_t r = 4;
  for (const auto& row : d.rows) {
    lxw_col_t c = 0;
    worksheet_write_number(ws, r, c++, row.rank, nullptr);
    worksheet_write_string(ws, r, c++, row.subject.c_str(), nullptr);
    worksheet_write_number(ws, r, c++, row.score, num);
    for (double v : row.metric_scores) worksheet_write_number(ws, r, c++, v, num);
    worksheet_write_number(ws, r, c++, row.completion, pct);
    worksheet_write_string(ws, r, c++, row.movement.c_str(), nullptr);
    if (!row.light.empty()) worksheet_write_string(ws, r, c, row.light.c_str(), row.light == "红牌" ? red : yellow);
    ++r;
  }
  // The red/yellow list below the table: what the bulletin criticises.
  r += 1;
  worksheet_write_string(ws, r++, 0, "红黄榜", title);
  bool any = false;
  for (const auto& row : d.rows) {
    if (row.light.empty()) continue;
    any = true;
    worksheet_write_string(ws, r, 0, row.light.c_str(), row.light == "红牌" ? red : yellow);
    worksheet_write_string(ws, r, 1, row.subject.c_str(), nullptr);
    worksheet_write_number(ws, r, 2, row.completion, pct);
    ++r;
  }
  if (!any) worksheet_write_string(ws, r, 0, "无", nullptr);
  const lxw_error err = workbook_close(wb);
  std::string bytes = err == LXW_NO_ERROR ? Slurp(path) : "";
  std::filesystem::remove(path);
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx bulletin failed: ") + lxw_strerror(err));
  return bytes;
}

namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void Text(cairo_t* cr, double x, double y, const std::string& s, const char* font, double r = 0, double g = 0, double b = 0) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
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
    cairo_rectangle(cr, kMargin, y - 2, kWidth - 2 * kMargin, kRowHeight);
    cairo_fill(cr);
    for (size_t i = 0; i < cols.size(); ++i) Text(cr, col_x(i) + 2, y, cols[i], "Noto Sans CJK SC Bold 8");
    y += kRowHeight;
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
