// The one way io writes a whole workbook with libxlsxwriter, which writes only to a path: on a
// scratch file (io/file_store.h BytesWrittenTo) that is removed whatever happens.
#pragma once

#include <xlsxwriter.h>

#include <functional>
#include <string>

namespace gj::io {

// The bytes of the workbook `fill` builds (sheets, formats, cells). `constant_memory`: rows go to
// disk as written, so they must come in order (flat memory for a long sheet).
// Throws std::runtime_error("<what> failed: <reason>") when it cannot be written.
std::string WorkbookBytes(const std::string& what, const std::function<void(lxw_workbook*)>& fill,
                          bool constant_memory = false);

}  // namespace gj::io
