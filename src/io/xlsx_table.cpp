#include "io/xlsx_table.h"

#include <xlsxwriter.h>

#include "io/file_store.h"
#include "io/workbook.h"

namespace gj::io {

struct XlsxTable::Impl {
  std::string path;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* money = nullptr;
};

XlsxTable::XlsxTable(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

XlsxTable::~XlsxTable() {
  if (impl_ && impl_->wb) workbook_close(impl_->wb);
}

Result<std::unique_ptr<XlsxTable>> XlsxTable::Create(const std::string& path, const std::string& sheet) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  impl->wb = workbook_new_opt(path.c_str(), &options);
  if (!impl->wb) return Error{ErrorCode::kInternal, "cannot create " + path, {}, {}};
  impl->ws = workbook_add_worksheet(impl->wb, sheet.c_str());
  impl->bold = workbook_add_format(impl->wb);
  format_set_bold(impl->bold);
  impl->money = workbook_add_format(impl->wb);
  format_set_num_format(impl->money, "0.00");
  return std::unique_ptr<XlsxTable>(new XlsxTable(std::move(impl)));
}

void XlsxTable::Header(const std::vector<std::string>& columns) {
  for (size_t c = 0; c < columns.size(); ++c) {
    WriteText(impl_->ws, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), impl_->bold);
  }
  worksheet_freeze_panes(impl_->ws, 1, 0);
}

void XlsxTable::Text(uint32_t row, uint16_t col, std::string_view s) {
  if (!s.empty()) WriteText(impl_->ws, row, col, s, nullptr);
}

void XlsxTable::Number(uint32_t row, uint16_t col, double v) {
  worksheet_write_number(impl_->ws, row, col, v, nullptr);
}

void XlsxTable::Money(uint32_t row, uint16_t col, double v) {
  worksheet_write_number(impl_->ws, row, col, v, impl_->money);
}

Status XlsxTable::Close() {
  const lxw_error err = workbook_close(impl_->wb);
  impl_->wb = nullptr;
  if (err != LXW_NO_ERROR)
    return Error{ErrorCode::kInternal, "cannot write " + impl_->path + ": " + lxw_strerror(err), {}, {}};
  return Ok{};
}

Result<std::string> XlsxTableBytes(const std::string& sheet, const std::function<Status(XlsxTable&)>& fill) {
  return BytesWrittenTo(".xlsx", [&](const std::string& path) -> Status {
    auto table = XlsxTable::Create(path, sheet);
    if (!table) return table.error();
    if (auto st = fill(**table); !st) return st;
    return (*table)->Close();
  });
}

}  // namespace gj::io
