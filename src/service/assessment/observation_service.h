// Use cases of observation events (观摩评议): set up an event, open it, judges submit ballots or
// score sheets, close (frozen from then on), publish rank only or with scores. The rules live in
// domain/assessment/observation.h; this layer loads the event, checks who may act, applies one
// domain transition and stores it with its journal entry in one transaction.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/assessment/observation.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/assessment_store.h"
#include "store/db.h"

namespace gj::service {

class ObservationService {
 public:
  ObservationService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  Result<nlohmann::json> List(const Ctx& ctx);
  Result<nlohmann::json> Create(const Ctx& ctx, const nlohmann::json& body);
  // Edits a draft: body {"version", …the fields of Create to change}; 409 on a stale version or
  // once the event has opened (rule observation.draft_only). The region stays.
  Result<nlohmann::json> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Get(const Ctx& ctx, int64_t id);
  // action: open, close, publish (body {"version", "publication": "rank_only|with_scores"}).
  Result<nlohmann::json> Transition(const Ctx& ctx, int64_t id, const std::string& action, const nlohmann::json& body);
  // body {"group", "places": [{"county", "rank"}]}
  Result<nlohmann::json> SubmitBallot(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // body {"project_id", "ratings": {"投资规模": 85, …}}
  Result<nlohmann::json> SubmitSheet(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Results(const Ctx& ctx, int64_t id);
  // Users with the judge role, for an organiser naming an event's judges.
  Result<nlohmann::json> Judges(const Ctx& ctx);

 private:
  struct Loaded {
    store::EventRecord record;
    nlohmann::json setup;
    assessment::Event event;
  };
  // The event if the caller may see it (its region, an ancestor or a descendant of a grant).
  Result<Loaded> Load(store::Connection& c, const Ctx& ctx, int64_t id);
  bool Manages(const Ctx& ctx, const std::string& region);
  // An event's fields from a Create-shaped body (setup as JSON text); every problem into `pr`.
  store::EventRecord ReadEvent(store::Connection& c, const Ctx& ctx, const nlohmann::json& body, Problems& pr);
  bool Sees(const Ctx& ctx, const std::string& region);
  nlohmann::json View(const Ctx& ctx, const Loaded& l, store::Connection& c);
  // Applies the domain submission (which also refuses a closed event or a non-judge), then stores
  // the payload the callback filled, journaled.
  Result<nlohmann::json> Submit(const Ctx& ctx, int64_t id, const std::string& item, nlohmann::json payload,
                                const std::function<Status(assessment::Event&, nlohmann::json&)>& apply);

  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service
