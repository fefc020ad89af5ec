// SQL of promotion events (招商活动): the events with the leads they created. Every read takes
// an access::ReadScope (an event is readable where its region is: ReadScope::regions(); an empty
// scope reads nothing, ReadScope::All() everything).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/promotion_events/event.h"
#include "store/db.h"

namespace gj::store {

struct PromotionEventRow {
  int64_t id = 0;
  std::string region_code;  // the leader's region when created
  Date held_on;
  int64_t leader_id = 0;
  std::optional<int64_t> team_id;
  std::string destination_city;
  std::string kind;           // promotion::EventKinds()
  std::string companies_met;  // JSON text: [{"name", "credit_code"}]
  std::string note;
  bool archived = false;
  std::optional<int64_t> created_by;  // users.id
  std::string created_at, updated_at;
  int64_t version = 1;
  // Read beside the record: the leads it created (promotion_event_leads), names joined.
  std::vector<int64_t> lead_ids;
  std::vector<std::string> lead_titles;  // one per lead_ids ("" for a lead no longer there)
  std::string leader_name, team_name;
};

struct PromotionEventFilter {
  access::ReadScope scope = access::ReadScope::None();
  std::optional<int64_t> leader_id;
  std::optional<std::string> kind;
  std::optional<Date> from, to;    // held_on within, both included
  std::optional<int64_t> lead_id;  // the events that created this lead
  bool include_archived = false;
};

// Newest first (held_on, then id), with lead ids and names.
std::vector<PromotionEventRow> ListPromotionEvents(Connection& c, const PromotionEventFilter& f);
// The event if the scope reads its region (archived too).
std::optional<PromotionEventRow> LoadPromotionEvent(Connection& c, const access::ReadScope& scope,
                                                    int64_t id);
// The leads an event may name: id → region_code of each of `ids` that exists (archived too).
std::map<int64_t, std::string> LeadRegions(Connection& c, const std::vector<int64_t>& ids);
// Inserts the event and its leads; returns its id.
int64_t InsertPromotionEvent(Connection& c, const PromotionEventRow& e);
// Writes the event's fields at `expected` version (else the 409), then replaces its leads.
Status UpdatePromotionEvent(Connection& c, const PromotionEventRow& e, int64_t expected);
// The journal's changes between two states (lead_ids included) and of a created event.
nlohmann::json PromotionEventChanges(const PromotionEventRow& before, const PromotionEventRow& after);
nlohmann::json PromotionEventCreated(const PromotionEventRow& e);

// The facts compliance reads: (leader, held_on) of the events not archived held in [from, to].
std::vector<promotion::EventFact> ListPromotionEventFacts(Connection& c, const access::ReadScope& scope,
                                                          const Date& from, const Date& to);

}  // namespace gj::store
