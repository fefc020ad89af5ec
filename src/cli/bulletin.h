// `gongjian bulletin`: the dispatch bulletin of a region and period as PDF or xlsx.
#pragma once

#include <string>

namespace gj::cli {

struct BulletinOptions {
  std::string db_url;
  std::string region;
  std::string period;  // 2026-W23 or 2026-06
  std::string output;  // FILE.pdf or FILE.xlsx
};
int RunBulletin(const BulletinOptions& o);

}  // namespace gj::cli
