#include "cli/init.h"

#include <cstdio>

#include "cli/commands.h"
#include "common/clock.h"
#include "service/org/setup_service.h"

namespace gj::cli {

int RunInit(const InitOptions& o) {
  if (!o.password_stdin) {
    std::fprintf(stderr, "error: give the admin's password on standard input with --password-stdin\n");
    return 2;
  }
  const service::InitRequest request{o.region, o.admin, ReadPasswordLine()};
  // A wrong code or a weak password leaves no database file behind.
  if (auto st = service::SetupService::CheckRequest(request); !st) {
    PrintError(st.error());
    return ExitStatus(st.error());
  }
  auto db = OpenMigrated(o.db_url);
  auto r = service::SetupService(*db).Init(request, NowUtcIso());
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::string chain;
  for (const auto& region : r->created) {
    if (region.code == r->region.code) break;
    chain += region.name + " ";
  }
  // A county's summary counts its towns; a city's or province's its counties too.
  const bool county = r->region.level == "county";
  const std::string zh = county ? "" : std::to_string(r->counties) + " 个县（市、区），";
  const std::string en = county ? "" : std::to_string(r->counties) + " counties, ";
  std::printf(
      "已初始化 %s%s（%s）：%s%d 个乡镇（街道），管理员 %s / initialised %s (%s): %s%d towns, admin %s\n",
      chain.c_str(), r->region.name.c_str(), r->region.code.c_str(), zh.c_str(), r->towns, o.admin.c_str(),
      r->region.name.c_str(), r->region.code.c_str(), en.c_str(), r->towns, o.admin.c_str());
  return 0;
}

}  // namespace gj::cli
