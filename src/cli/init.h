// `gongjian init`: a region's first start from an empty database (service/org/setup_service.h).
#pragma once

#include <string>

namespace gj::cli {

struct InitOptions {
  std::string db_url;
  std::string region;  // a province, city or county code
  std::string admin;   // the first admin's login; the password comes from standard input
  bool password_stdin = false;
};
int RunInit(const InitOptions& o);

}  // namespace gj::cli
