// The land data workbook (亩产效益企业数据): a first sheet 企业数据 whose header row is the importer's
// Chinese column labels (input.h InputColumns) and a 说明 sheet (what each column takes, a sample
// row). Without rows it is the import template; with a county's rows of a year it is the data
// list's export, which imports back unchanged.
#pragma once

#include <span>
#include <string>

#include "domain/land_efficiency/enterprise.h"

namespace gj::land {

inline constexpr const char* kDataSheet = "企业数据";
inline constexpr const char* kNoteSheet = "说明";

// The .xlsx bytes; `title` heads the 说明 sheet. Throws std::runtime_error when it cannot be
// written (io/workbook.h).
std::string LandDataXlsx(const std::string& title, std::span<const Enterprise> rows);

// A sample enterprise as the 说明 sheet shows it (valid: it imports).
Enterprise SampleEnterprise();

}  // namespace gj::land
