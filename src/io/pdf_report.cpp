#include "io/pdf_report.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace gj::io {

namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;  // A4 in points
constexpr double kMargin = 48;
constexpr double kTextW = kPageW - 2 * kMargin;
constexpr const char* kFont = "Noto Sans CJK SC";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void SetRgb(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

}  // namespace

struct PdfReport::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  double y = kMargin;
  int pages = 1;
  bool finished = false;

  Impl() {
    surface = cairo_pdf_surface_create_for_stream(Append, &bytes, kPageW, kPageH);
    cr = cairo_create(surface);
  }
  ~Impl() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  PangoLayout* Layout(const std::string& text, double size, bool bold, double width) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* fd = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
  }

  static double Height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void Draw(PangoLayout* l, double x, double at_y, unsigned color = 0x222222) {
    SetRgb(cr, color);
    cairo_move_to(cr, x, at_y);
    pango_cairo_show_layout(cr, l);
  }

  // Starts a new page when `needed` points do not fit.
  bool Ensure(double needed) {
    if (y + needed <= kPageH - kMargin) return false;
    NewPage();
    return true;
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr);
    ++pages;
    y = kMargin;
  }

  void Footer() {
    PangoLayout* l = Layout("— " + std::to_string(pages) + " —", 8, false, kTextW);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    Draw(l, kMargin, kPageH - kMargin + 16, 0x888888);
    g_object_unref(l);
  }
};

PdfReport::PdfReport() : impl_(std::make_unique<Impl>()) {}
PdfReport::~PdfReport() = default;

int PdfReport::pages() const { return impl_->pages; }

void PdfReport::Title(const std::string& title, const std::string& subtitle) {
  auto& m = *impl_;
  PangoLayout* l = m.Layout(title, 20, true, kTextW);
  pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
  m.Ensure(m.Height(l) + 30);
  m.Draw(l, kMargin, m.y, 0xB22222);
  m.y += m.Height(l) + 6;
  g_object_unref(l);
  if (!subtitle.empty()) {
    PangoLayout* s = m.Layout(subtitle, 10, false, kTextW);
    pango_layout_set_alignment(s, PANGO_ALIGN_CENTER);
    m.Draw(s, kMargin, m.y, 0x555555);
    m.y += m.Height(s) + 4;
    g_object_unref(s);
  }
  SetRgb(m.cr, 0xB22222);
  cairo_set_line_width(m.cr, 1.5);
  cairo_move_to(m.cr, kMargin, m.y + 2);
  cairo_line_to(m.cr, kMargin + kTextW, m.y + 2);
  cairo_stroke(m.cr);
  m.y += 12;
}

void PdfReport::Heading(const std::string& text) {
  auto& m = *impl_;
  PangoLayout* l = m.Layout(text, 13, true, kTextW);
  m.Ensure(m.Height(l) + 40);  // keep a heading with what follows
  m.y += 6;
  m.Draw(l, kMargin, m.y, 0x1F3864);
  m.y += m.Height(l) + 6;
  g_object_unref(l);
}

void PdfReport::Paragraph(const std::string& text, double size) {
  auto& m = *impl_;
  PangoLayout* l = m.Layout(text, size, false, kTextW);
  pango_layout_set_spacing(l, static_cast<int>(2 * PANGO_SCALE));
  const double h = m.Height(l);
  if (h > kPageH - 2 * kMargin) throw std::runtime_error("a paragraph longer than a page");
  m.Ensure(h);
  m.Draw(l, kMargin, m.y);
  m.y += h + 6;
  g_object_unref(l);
}

void PdfReport::Space(double points) { impl_->y += points; }

void PdfReport::Table(const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows, const TableStyle& style) {
  auto& m = *impl_;
  const size_t n = header.size();
  if (n == 0) return;
  std::vector<double> w = style.widths;
  if (w.size() != n) w.assign(n, 1.0);
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  for (double& x : w) x = x / sum * kTextW;
  constexpr double kPad = 3;
  auto row_layouts = [&](const std::vector<std::string>& cells, bool bold, double& height) {
    std::vector<PangoLayout*> ls;
    height = 0;
    for (size_t i = 0; i < n; ++i) {
      ls.push_back(m.Layout(i < cells.size() ? cells[i] : "", style.font_size, bold, w[i] - 2 * kPad));
      height = std::max(height, m.Height(ls.back()) + 2 * kPad);
    }
    return ls;
  };
  auto draw_row = [&](std::vector<PangoLayout*>& ls, double height, unsigned bg) {
    double x = kMargin;
    if (bg) {
      SetRgb(m.cr, bg);
      cairo_rectangle(m.cr, kMargin, m.y, kTextW, height);
      cairo_fill(m.cr);
    }
    for (size_t i = 0; i < n; ++i) {
      m.Draw(ls[i], x + kPad, m.y + kPad);
      SetRgb(m.cr, 0x999999);
      cairo_set_line_width(m.cr, 0.5);
      cairo_rectangle(m.cr, x, m.y, w[i], height);
      cairo_stroke(m.cr);
      x += w[i];
      g_object_unref(ls[i]);
    }
    m.y += height;
  };
  auto draw_header = [&]() {
    double h = 0;
    auto ls = row_layouts(header, true, h);
    draw_row(ls, h, 0xDDEBF7);
  };
  double hh = 0;
  for (auto* l : row_layouts(header, true, hh)) g_object_unref(l);
  m.Ensure(hh + 20);
  draw_header();
  for (size_t r = 0; r < rows.size(); ++r) {
    double h = 0;
    auto ls = row_layouts(rows[r], false, h);
    if (m.Ensure(h)) draw_header();
    draw_row(ls, h, r < style.row_colors.size() ? style.row_colors[r] : 0);
  }
  m.y += 8;
}

void PdfReport::BarChart(const std::string& caption, const std::vector<Bar>& bars, double max) {
  auto& m = *impl_;
  if (max <= 0) {
    for (const auto& b : bars) max = std::max(max, b.value);
  }
  if (max <= 0) max = 1;
  constexpr double kBarH = 12, kGap = 4, kLabelW = 110, kValueW = 60;
  const double chart_w = kTextW - kLabelW - kValueW;
  PangoLayout* cap = m.Layout(caption, 10, true, kTextW);
  m.Ensure(m.Height(cap) + 3 * (kBarH + kGap));
  m.Draw(cap, kMargin, m.y, 0x333333);
  m.y += m.Height(cap) + 4;
  g_object_unref(cap);
  for (const auto& b : bars) {
    m.Ensure(kBarH + kGap);
    PangoLayout* l = m.Layout(b.label, 8.5, false, kLabelW - 6);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    m.Draw(l, kMargin, m.y);
    g_object_unref(l);
    const double bw = std::clamp(b.value / max, 0.0, 1.0) * chart_w;
    SetRgb(m.cr, b.color);
    cairo_rectangle(m.cr, kMargin + kLabelW, m.y + 1, std::max(bw, 0.5), kBarH - 2);
    cairo_fill(m.cr);
    PangoLayout* v = m.Layout(b.value_text, 8.5, false, kValueW);
    m.Draw(v, kMargin + kLabelW + bw + 4, m.y);
    g_object_unref(v);
    m.y += kBarH + kGap;
  }
  // The axis.
  SetRgb(m.cr, 0x666666);
  cairo_set_line_width(m.cr, 0.6);
  cairo_move_to(m.cr, kMargin + kLabelW, m.y - static_cast<double>(bars.size()) * (kBarH + kGap) - 2);
  cairo_line_to(m.cr, kMargin + kLabelW, m.y);
  cairo_stroke(m.cr);
  m.y += 8;
}

std::string PdfReport::Finish() {
  auto& m = *impl_;
  if (!m.finished) {
    m.Footer();
    cairo_show_page(m.cr);
    cairo_destroy(m.cr);
    m.cr = nullptr;
    cairo_surface_finish(m.surface);
    cairo_surface_destroy(m.surface);
    m.surface = nullptr;
    m.finished = true;
  }
  return m.bytes;
}

}  // namespace gj::io
