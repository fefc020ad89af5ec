// Promotion events (招商活动, issue 15 item 3): the events, the monthly rule and its compliance, and
// the figures "events per leader per month". Handlers only translate HTTP ↔ service calls.
#include "api/json/events_json.h"
#include "api/json/results_json.h"
#include "api/routes.h"
#include "io/list_exports.h"
#include "service/promotion_events/event_export.h"

namespace gj::api {

namespace {

using nlohmann::json;

// ?from=&to= (default: the year of as_of, January to December), bounded like every range.
std::pair<Date, Date> YearRangeFrom(QueryParams& q, const Date& as_of) {
  return q.DateRange("from", Date{as_of.year, 1, 1}, "to", Date{as_of.year, 12, 31});
}

// The list's filters, shared by the list and its export.
service::PromotionEventQuery EventQueryFrom(QueryParams& q) {
  service::PromotionEventQuery query;
  const Date as_of = q.AsOf();
  std::tie(query.from, query.to) = YearRangeFrom(q, as_of);
  query.region = q.Text("region");
  query.leader_id = q.Id("leader");
  query.kind = q.OneOf("kind", promotion::EventKinds());
  query.include_archived = q.Flag("archived");
  return query;
}

}  // namespace

void EventRoutes(Services& s, std::vector<Route>& r) {
  auto& events = s.events;  // a member of Services: it outlives the routes (server.cpp)
  auto* ev = &events;
  r.push_back(
      {"GET", "/api/v1/promotion-events",
       "Promotion events (招商活动) of ?region= held ?from=&to= (default: as_of's year), ?leader=&kind=&archived=true",
       true, [ev](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const auto query = EventQueryFrom(q);
         return q.Then([&] { return ev->List(c.ctx, query); });
       }});
  r.push_back(
      {"GET", "/api/v1/promotion-events/export",
       "招商活动 in Excel (招商活动-<from>至<to>.xlsx): the events GET /promotion-events lists for the "
       "same ?region=&from=&to=&leader=&kind=&archived=",
       true, [ev](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const auto query = EventQueryFrom(q);
         if (auto st = q.Check(); !st) return st.error();
         auto file = service::ExportEvents(*ev, c.ctx, query);
         if (!file) return file.error();
         return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
       }});
  r.push_back({"GET", "/api/v1/promotion-events/compliance",
               "The monthly event rule's compliance per leader of ?region= over the months of ?from=&to= "
               "(default: as_of's year) as of ?as_of=: events, met, missed, in progress",
               true, AsOfHandler(YearRangeFrom, [ev](Call& c, const Date& as_of, const auto& range) {
                 return ev->Compliance(c.ctx, c.Query("region"), range.first, range.second, as_of);
               })});
  r.push_back(
      {"GET", "/api/v1/promotion-events/figures",
       "Events per leader per month of ?region= in as_of's year, held by ?as_of=, with totals by kind", true,
       AsOfHandler(
           [](QueryParams&, const Date&) { return 0; },
           [ev](Call& c, const Date& as_of, int) { return ev->Figures(c.ctx, c.Query("region"), as_of); })});
  r.push_back({"GET", "/api/v1/promotion-events/rule",
               "The monthly event rule in force for ?region= (own, inherited or default)", true,
               [ev](Call& c) { return JsonReply(ev->Rule(c.ctx, c.Query("region"))); }});
  r.push_back(
      {"PUT", "/api/v1/promotion-events/rule",
       "Set ?region='s own monthly event rule {min_events} ({min_events: null} inherits again)", true,
       BodyHandler([ev](Call& c, const json& b) { return ev->PutRule(c.ctx, c.Query("region"), b); })});
  using service::EventService;
  auto event_now = VersionedRecordRoutes(
      r, events,
      {"/api/v1/promotion-events/{id}",
       "Record a promotion event {held_on, leader_id?, team_id?, destination_city, kind, companies_met, note?, lead_ids? (leads of its region)}",
       "One promotion event with its companies met and leads", "Change a promotion event {version, …}"},
      &EventService::Create, &EventService::Get, &EventService::Update);
  r.push_back({"POST", "/api/v1/promotion-events/{id}/archive",
               "Archive a promotion event {version}: it no longer counts (kept, journaled)", true,
               VersionedMethodHandler(events, &EventService::Archive, event_now)});
}

}  // namespace gj::api
