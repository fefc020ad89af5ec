#include "cli/commands.h"

#include <cstdio>
#include <iostream>

#include "service/access/auth_service.h"
#include "service/demo/demo.h"
#include "store/db.h"

namespace gj::cli {

void PrintError(const Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message.c_str());
  for (const auto& d : e.details) {
    std::fprintf(stderr, "  %s '%s': %s\n", d.field.c_str(), d.value.c_str(), d.reason.c_str());
  }
}

int ExitStatus(const Error& e) {
  return e.code == ErrorCode::kInvalid || e.code == ErrorCode::kBadRequest || e.code == ErrorCode::kConflict ? 2 : 1;
}

int RunDemo(const std::string& db_url) {
  auto db = store::Database::Open(db_url);
  auto r = service::BuildDemo(*db, TodayChina(), NowUtcIso());
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::printf("demo data written to %s: %d regions, %d units, %d people, %d projects, %d users (password demo1234)\n",
              db_url.c_str(), r->regions, r->units, r->people, r->projects, r->users);
  return 0;
}

int RunUserAdd(const UserAddOptions& o) {
  std::string password;
  if (o.password_stdin) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  } else {
    std::fprintf(stderr, "error: give the password on standard input with --password-stdin\n");
    return 2;
  }
  auto db = store::Database::Open(o.db_url);
  store::Migrate(*db);
  service::AuthService auth(*db);
  auto r = auth.AddUser({o.login, o.name, password, o.role, o.region, o.unit_id, std::nullopt}, NowUtcIso());
  if (!r) {
    PrintError(r.error());
    return ExitStatus(r.error());
  }
  std::printf("user %s created (id %lld, role %s, region %s)\n", o.login.c_str(), static_cast<long long>(r.value()),
              o.role.c_str(), o.region.c_str());
  return 0;
}

int RunMigrate(const std::string& db_url) {
  auto db = store::Database::Open(db_url);
  std::printf("schema version %d\n", store::Migrate(*db));
  return 0;
}

}  // namespace gj::cli
