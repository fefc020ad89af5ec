// The dispatch bulletin (调度通报) as an A4 PDF (io/pdf_report) and as an xlsx workbook.
#pragma once

#include <string>

#include "domain/supervision/bulletin.h"

namespace gj::io {

std::string BulletinPdf(const supervision::Bulletin& b);
std::string BulletinXlsx(const supervision::Bulletin& b);

// "开工率 ≥ 60.0%", "开工项目数 ≥ 20" …, and the status in Chinese.
std::string TargetGoalText(const targets::Target& t);
std::string TargetValueText(const targets::Target& t, double v);
std::string TargetStatusText(const std::string& status);

}  // namespace gj::io
