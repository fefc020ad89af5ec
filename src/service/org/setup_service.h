// A region's first start (gongjian init) and the demo's organisation: real regions, named and coded
// as in the national division codes (domain/access/divisions.h), and the region's first admin.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/access/access.h"
#include "store/db.h"

namespace gj::service {

struct InitRequest {
  std::string region_code;  // a province, city or county of the division codes
  std::string admin_login;
  std::string admin_password;
};

struct InitSummary {
  access::Region region;
  std::vector<access::Region> created;  // parent chain first, then the region and what lies below it
  int counties = 0, towns = 0;          // of the region's own tree
  int64_t admin_id = 0;
};

class SetupService {
 public:
  explicit SetupService(store::Database& db) : db_(db) {}

  // gongjian init: creates the region (with the parents the database lacks) and every division
  // below it down to the towns (a county: its towns and streets; a city: its counties and their
  // towns; a province: its cities, counties and towns), and its first admin (role admin on the
  // region), in one transaction. Checked before anything is written: an unknown code, a town code,
  // a weak password or a bad login is Invalid; a region already in the database (a second init,
  // or a parent of a region set up before) or a login already taken is a Conflict.
  Result<InitSummary> Init(const InitRequest& r, const std::string& now_iso);
  // Init's checks of the request alone (code, login, password), without a database: the CLI runs
  // them before it opens (or creates) the database file.
  static Status CheckRequest(const InitRequest& r);

  // Within the caller's transaction on `c`: the division `code` with its missing parent chain and
  // everything below it, each journaled; returns what it created, in that order. Unknown code:
  // Invalid; a region already there: Conflict (nothing written either way).
  static Result<std::vector<access::Region>> AddDivision(store::Connection& c, const std::string& code,
                                                         const std::string& now_iso);

  // Within the caller's transaction: an area that is not in the division codes (经济开发区, 园区:
  // level zone) under an existing region, journaled. Its code must be new.
  static Status AddCustomRegion(store::Connection& c, const access::Region& r, const std::string& now_iso);

 private:
  store::Database& db_;
};

}  // namespace gj::service
