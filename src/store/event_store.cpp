#include "store/event_store.h"

#include <map>

#include "store/fields.h"
#include "store/journal.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

using Row = PromotionEventRow;

// An update writes held_on … archived and updated_at; where and by whom it was created never changes.
const Fields<Row> kEventFields =
    GJ_COLUMNS(Row, id, region_code, held_on, leader_id, team_id, destination_city, kind, companies_met, note,
               archived, created_by, created_at, updated_at, version)
        .ReadOnly({"id", "version"})
        .JournaledAsBool({"archived"})
        .Fixed({"created_by", "created_at"})
        .NotJournaled({"updated_at"});
// Joined names: read, never written.
const Fields<Row> kJoinedFields =
    FieldsOf({Col<&Row::leader_name>("leader_name"), Col<&Row::team_name>("team_name")})
        .ReadOnly({"leader_name", "team_name"});

const Table kEvents = TableOf("promotion_events", kEventFields);
const Table kEventLeads{"promotion_event_leads", {"event_id", "lead_id"}};

std::string SelectEvents() {
  return "SELECT " + kEvents.Select("e") +
         ", p.name AS leader_name, COALESCE(t.name, '') AS team_name FROM promotion_events e "
         "LEFT JOIN people p ON p.id = e.leader_id LEFT JOIN teams t ON t.id = e.team_id WHERE 1 = 1";
}

// An event's scope: its region is one the scope reads downward (all: no condition).
std::string EventScope(const access::ReadScope& scope, std::vector<Value>& params) {
  return scope.all() ? "" : " AND e.region_code IN (" + InList(scope.regions(), params) + ")";
}

void AttachLeads(Connection& c, std::vector<Row>& rows) {
  if (rows.empty()) return;
  std::vector<int64_t> ids;
  std::map<int64_t, Row*> by_id;
  for (auto& r : rows) {
    ids.push_back(r.id);
    by_id[r.id] = &r;
  }
  std::vector<Value> params;
  const std::string sql =
      "SELECT el.event_id, el.lead_id, COALESCE(l.title, '') AS title FROM promotion_event_leads el "
      "LEFT JOIN leads l ON l.id = el.lead_id WHERE el.event_id IN (" +
      InList(ids, params) + ") ORDER BY el.event_id, el.lead_id";
  ForEachRow(c, sql, params, [&](RowReader& r) {
    Row* row = by_id[r.Int("event_id")];
    row->lead_ids.push_back(r.Int("lead_id"));
    row->lead_titles.push_back(r.Text("title"));
  });
}

void WriteLeads(Connection& c, int64_t event_id, const std::vector<int64_t>& leads) {
  c.Exec("DELETE FROM promotion_event_leads WHERE event_id = ?", {event_id});
  for (int64_t lead : leads) {
    InsertRow(c, kEventLeads, {{"event_id", event_id}, {"lead_id", lead}}, " ON CONFLICT DO NOTHING");
  }
}

nlohmann::json LeadIds(const std::vector<int64_t>& ids) { return nlohmann::json(ids); }

}  // namespace

std::vector<Row> ListPromotionEvents(Connection& c, const PromotionEventFilter& f) {
  std::vector<Value> params;
  std::string sql = SelectEvents() + EventScope(f.scope, params);
  if (!f.include_archived) sql += " AND e.archived = 0";
  if (f.leader_id) {
    sql += " AND e.leader_id = ?";
    params.emplace_back(*f.leader_id);
  }
  if (f.kind) {
    sql += " AND e.kind = ?";
    params.emplace_back(*f.kind);
  }
  if (f.from) {
    sql += " AND e.held_on >= ?";
    params.emplace_back(f.from->ToString());
  }
  if (f.to) {
    sql += " AND e.held_on <= ?";
    params.emplace_back(f.to->ToString());
  }
  if (f.lead_id) {
    sql += " AND e.id IN (SELECT event_id FROM promotion_event_leads WHERE lead_id = ?)";
    params.emplace_back(*f.lead_id);
  }
  sql += " ORDER BY e.held_on DESC, e.id DESC";
  auto rows = ReadRows(c, sql, params, RecordOf(kEventFields, kJoinedFields));
  AttachLeads(c, rows);
  return rows;
}

std::optional<Row> LoadPromotionEvent(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string sql = SelectEvents() + " AND e.id = ?" + EventScope(scope, params);
  auto row = ReadOne(c, sql, params, RecordOf(kEventFields, kJoinedFields));
  if (!row) return std::nullopt;
  std::vector<Row> one{std::move(*row)};
  AttachLeads(c, one);
  return std::move(one.front());
}

std::map<int64_t, std::string> LeadRegions(Connection& c, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  std::vector<Value> params;
  ForEachRow(c, "SELECT id, region_code FROM leads WHERE id IN (" + InList(ids, params) + ")", params,
             [&](RowReader& r) { out[r.Int("id")] = r.Text("region_code"); });
  return out;
}

int64_t InsertPromotionEvent(Connection& c, const Row& e) {
  const int64_t id = InsertReturningId(c, kEvents, InsertValuesOf(kEventFields, e));
  WriteLeads(c, id, e.lead_ids);
  return id;
}

Status UpdatePromotionEvent(Connection& c, const Row& e, int64_t expected) {
  auto st = UpdateVersioned(c, kEvents, "promotion event", ValuesOf(kEventFields, e), e.id, expected);
  if (!st) return st;
  WriteLeads(c, e.id, e.lead_ids);
  return Ok{};
}

nlohmann::json PromotionEventChanges(const Row& before, const Row& after) {
  auto out = JournalDiff(kEventFields, before, after);
  if (before.lead_ids != after.lead_ids)
    out.push_back(
        {{"field", "lead_ids"}, {"old", LeadIds(before.lead_ids)}, {"new", LeadIds(after.lead_ids)}});
  return out;
}

nlohmann::json PromotionEventCreated(const Row& e) {
  auto out = JournalCreated(kEventFields, e,
                            {"region_code", "held_on", "leader_id", "team_id", "destination_city", "kind",
                             "companies_met", "note"});
  if (!e.lead_ids.empty())
    out.push_back({{"field", "lead_ids"}, {"old", nullptr}, {"new", LeadIds(e.lead_ids)}});
  return out;
}

std::vector<promotion::EventFact> ListPromotionEventFacts(Connection& c, const access::ReadScope& scope,
                                                          const Date& from, const Date& to) {
  std::vector<Value> params{from.ToString(), to.ToString()};
  const std::string sql =
      "SELECT e.leader_id, e.held_on FROM promotion_events e WHERE e.held_on >= ? AND e.held_on <= ? AND "
      "e.archived = 0" +
      EventScope(scope, params) + " ORDER BY e.held_on, e.id";
  return ReadRows(c, sql, params, [](RowReader& r) {
    return promotion::EventFact{r.Int("leader_id"), r.Date("held_on")};
  });
}

}  // namespace gj::store
