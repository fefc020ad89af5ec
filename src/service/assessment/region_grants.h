// Who may act on a region-wide object of the assessment (an observation event, a ranking scheme):
// one rule for both services, each naming its own pair of actions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/access/access.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"

namespace gj::service {

class RegionGrants {
 public:
  // `manage` and `read` are policy actions (access::kObservationManage, …); the region tree is
  // the ledger's current one at each call.
  RegionGrants(LedgerService& ledger, const char* manage, const char* read)
      : ledger_(ledger), manage_(manage), read_(read) {}

  // The caller holds the manage action on `region` itself (no town, no unit).
  bool Manages(const Ctx& ctx, const std::string& region) const;
  // The request's read scope for the read action holds `region`. The observation.read and
  // ranking.read policy rows reach up and down: a city's object concerns its counties (a county
  // grant sees it), and a city grant sees its counties' objects.
  bool Sees(const Ctx& ctx, const std::string& region) const;
  // The caller sees `region` only from below (a county grant reading its city's object): no grant's
  // subtree holds it. Such a reader sees a ranking's published runs only.
  bool SeesFromBelow(const Ctx& ctx, const std::string& region) const;
  // `row` when it exists and the caller sees its region_code; else 404 "no <what> <id>".
  template <class Row>
  Result<Row> Visible(const Ctx& ctx, std::optional<Row> row, const std::string& what, int64_t id) const {
    if (!row || !Sees(ctx, row->region_code)) return Error::NotFound("no " + what + " " + std::to_string(id));
    return std::move(*row);
  }
  // `row` (a Visible one) when the caller also manages its region_code; else 403 `forbidden`.
  template <class Row>
  Result<Row> Managed(const Ctx& ctx, Result<Row> row, const std::string& forbidden) const {
    if (row && !Manages(ctx, row->region_code)) return Error::Forbidden(forbidden);
    return row;
  }

 private:
  LedgerService& ledger_;
  const char* manage_;
  const char* read_;
};

}  // namespace gj::service
