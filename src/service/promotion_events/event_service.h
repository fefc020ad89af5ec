// Promotion events (招商活动, issue 15 item 3): a county leader's trips with their 专班, the
// monthly rule "each county leader at least one event a month" (a region_settings row
// event_rule, inherited down the region tree like the visit rule) and its compliance, and the
// figures "events per leader per month".
//
// Who: a leader records their own events (event.write); the county office records anyone's of
// its county and sets the rule (event.manage); attraction.read reads (viewers, units, admin). Reads
// take the caller's attraction.read scope narrowed to ?region= (unknown or outside: nothing).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/promotion_events/event.h"
#include "service/context.h"
#include "service/item_list.h"
#include "service/ledger/ledger_service.h"
#include "service/supervision/supervision_settings.h"
#include "store/db.h"
#include "store/event_store.h"

namespace gj::service {

// GET /promotion-events: ?region=&leader=&kind=&from=&to=&archived=
struct PromotionEventQuery {
  std::string region;
  std::optional<int64_t> leader_id;
  std::optional<std::string> kind;
  Date from, to;
  bool include_archived = false;
};

// The rule in force for a region and where it comes from (SettingSource: own, inherited, default).
struct EventRuleView {
  std::string region;
  promotion::EventRule rule;
  SettingSource source;
  bool editable = false;  // the caller may set or clear the region's own rule
};

struct LeaderEventComplianceView {
  promotion::LeaderEventCompliance compliance;
  std::string name, title, region_code;
};

struct EventComplianceReport {
  std::string region;
  Date from, to, as_of;
  promotion::EventRule rule;
  std::vector<promotion::Month> months;
  std::vector<LeaderEventComplianceView> items;
};

// Events per leader per month of a region, the year of as_of up to as_of (held by then).
struct LeaderEventCounts {
  int64_t leader_id = 0;
  std::string name;
  int events = 0;
  std::vector<int> by_month;  // one per month of EventFigures::months
};
struct EventFigures {
  std::string region;
  Date as_of;
  std::vector<promotion::Month> months;
  int total = 0;
  std::map<std::string, int> by_kind;  // every kind, 0 when none
  std::vector<int> by_month;
  std::vector<LeaderEventCounts> leaders;
};

class EventService {
 public:
  EventService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  Result<ItemList<store::PromotionEventRow>> List(const Ctx& ctx, const PromotionEventQuery& q);
  Result<store::PromotionEventRow> Get(const Ctx& ctx, int64_t id);
  // {held_on, leader_id? (default: the caller's own person), team_id?, destination_city, kind,
  //  companies_met: [{name, credit_code?}], note?, lead_ids: [..]}
  Result<store::PromotionEventRow> Create(const Ctx& ctx, const nlohmann::json& body);
  // {version, any of Create's fields}
  Result<store::PromotionEventRow> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {version}: the event no longer counts (kept, journaled).
  Result<store::PromotionEventRow> Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body);

  Result<EventComplianceReport> Compliance(const Ctx& ctx, const std::string& region, const Date& from,
                                           const Date& to, const Date& as_of);
  Result<EventFigures> Figures(const Ctx& ctx, const std::string& region, const Date& as_of);

  // ?region= (empty: the caller's own, its first grant's).
  Result<EventRuleView> Rule(const Ctx& ctx, const std::string& region);
  // {min_events: N} sets the region's own rule, {min_events: null} clears it (inherits again).
  Result<EventRuleView> PutRule(const Ctx& ctx, const std::string& region, const nlohmann::json& body);

  // The rule in force for `region` (its own, else the nearest region above, else the default).
  static promotion::EventRule RuleOf(store::Connection& c, const std::string& region);

 private:
  // The request's attraction.read scope within `region` ("" = all of it; unknown or outside: empty).
  access::ReadScope Scope(const Ctx& ctx, const std::string& region);
  // Reads the body's fields onto `e` (those sent; all required ones when `creating`).
  void ReadBody(store::Connection& c, const Ctx& ctx, const nlohmann::json& body, bool creating,
                store::PromotionEventRow& e, Problems& pr);
  // Whether the caller may record events of `leader_id`: the county office of the leader's region,
  // or the leader themselves (Forbidden otherwise; NotFound for a person the caller does not see).
  Status MayRecordFor(store::Connection& c, const Ctx& ctx, int64_t leader_id);
  Result<store::PromotionEventRow> Write(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                         bool archive);

  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service
