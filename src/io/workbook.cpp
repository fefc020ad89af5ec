#include "io/workbook.h"

#include <stdexcept>

#include "io/file_store.h"
#include "io/formula_guard.h"

namespace gj::io {

std::string WorkbookBytes(const std::string& what, const std::function<void(lxw_workbook*)>& fill,
                          bool constant_memory) {
  auto bytes = BytesWrittenTo(".xlsx", [&](const std::string& path) -> Status {
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) return Error{ErrorCode::kInternal, "cannot create the workbook", {}, {}};
    fill(wb);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) return Error{ErrorCode::kInternal, lxw_strerror(err), {}, {}};
    return Ok{};
  });
  if (!bytes) throw std::runtime_error(what + " failed: " + bytes.error().message);
  return std::move(bytes.value());
}

lxw_error WriteText(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text,
                    lxw_format* format) {
  return worksheet_write_string(ws, row, col, GuardFormula(text).c_str(), format);
}

lxw_format* HeaderFormat(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bold(f);
  format_set_bg_color(f, 0xDDEBF7);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  return f;
}

lxw_format* NumberFormat(lxw_workbook* wb, const char* pattern) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, pattern);
  return f;
}

}  // namespace gj::io
