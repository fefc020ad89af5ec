// Promotion events (招商活动): who records whose events, versions and the journal, the monthly
// rule inherited down the tree, and compliance over the stored events (hand-computed).
#include "service/promotion_events/event_service.h"

#include <gtest/gtest.h>

#include "ledger_fixture.h"
#include "store/attraction_store.h"
#include "store/journal.h"

namespace gj::testing {
namespace {

using nlohmann::json;

class EventServiceTest : public LedgerFixture {
 protected:
  void Prepare(store::Connection& c) override {
    LedgerFixture::Prepare(c);
    other_leader_ = store::InsertPerson(c, {0, "李卫东", "县长", "leader", "371524", std::nullopt});
    guan_leader_ = store::InsertPerson(c, {0, "刘伟", "县长", "leader", "371525", std::nullopt});
    leader_user_ =
        store::AsInt(c.Query("INSERT INTO users (login, name, password_hash, created_at, person_id) "
                             "VALUES ('l', '张明远', 'x', 'now', ?) RETURNING id",
                             {leader_})
                         .rows[0][0]);
    // Leads the events name (promotion_event_leads must name leads of the event's region).
    const auto lead = [&c](const char* region) {
      store::Lead l;
      l.region_code = region;
      l.title = std::string("线索 ") + region;
      l.investor_name = "某公司";
      l.created_on = Date{2026, 1, 5};
      return store::InsertLead(c, l, "now");
    };
    lead_a_ = lead("371524");
    lead_b_ = lead("371524");
    guan_lead_ = lead("371525");
  }
  service::EventService Events() { return service::EventService(tdb_->db(), *ledger_); }
  service::Ctx AsLeader() {
    return Edited(As("leader", "371524"), [&](access::Caller& c) { c.user_id = leader_user_; });
  }
  json Event(const std::string& held_on, std::optional<int64_t> leader = std::nullopt) const {
    // 东阿县's events name two of its leads (one twice); 冠县's none.
    const json leads = leader == guan_leader_ ? json::array() : json::array({lead_b_, lead_a_, lead_b_});
    json b = {{"held_on", held_on},
              {"destination_city", "深圳市"},
              {"kind", "industry_topic"},
              {"companies_met", json::array({{{"name", "深圳华康生物科技有限公司"}}})},
              {"lead_ids", leads}};
    if (leader) b["leader_id"] = *leader;
    return b;
  }
  int64_t Journal(const std::string& entity) {
    auto c = tdb_->db().Acquire();
    return store::AsInt(c->Query("SELECT COUNT(*) FROM journal WHERE entity = ?", {entity}).rows[0][0]);
  }
  int64_t other_leader_ = 0, guan_leader_ = 0, leader_user_ = 0;
  int64_t lead_a_ = 0, lead_b_ = 0, guan_lead_ = 0;
};

TEST_P(EventServiceTest, ALeaderRecordsOwnEventsTheCountyOfficeAnyonesOfItsCounty) {
  auto ev = Events();
  auto own = ev.Create(AsLeader(), Event("2026-03-10"));
  ASSERT_TRUE(own) << own.error().message;
  EXPECT_EQ(own->leader_id, leader_);
  EXPECT_EQ(own->leader_name, "张明远");
  EXPECT_EQ(own->region_code, "371524");
  EXPECT_EQ(own->lead_ids, (std::vector<int64_t>{lead_a_, lead_b_}));  // deduplicated, in order
  EXPECT_EQ(own->lead_titles, (std::vector<std::string>{"线索 371524", "线索 371524"}));
  EXPECT_EQ(Journal("promotion_event"), 1);
  // Not another leader's; the county office may; 冠县's office does not see 东阿's leader; a viewer nothing.
  EXPECT_EQ(ev.Create(AsLeader(), Event("2026-03-10", other_leader_)).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(ev.Create(As("coordinator", "371524"), Event("2026-03-11", other_leader_)));
  EXPECT_EQ(ev.Create(As("coordinator", "371525"), Event("2026-03-11", other_leader_)).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(ev.Create(As("viewer", "371524"), Event("2026-03-11", other_leader_)).error().code,
            ErrorCode::kForbidden);
  // Reads: the viewer of 东阿 lists both, 冠县's office none, and cannot get one.
  service::PromotionEventQuery q{"", std::nullopt, std::nullopt, {2026, 1, 1}, {2026, 12, 31}, false};
  EXPECT_EQ(ev.List(As("viewer", "371524"), q)->items.size(), 2u);
  EXPECT_TRUE(ev.List(As("coordinator", "371525"), q)->items.empty());
  EXPECT_EQ(ev.Get(As("coordinator", "371525"), own->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ev.Get(As("judge", "371524"), own->id).error().code, ErrorCode::kNotFound);
}

TEST_P(EventServiceTest, ValidationListsEveryProblemAndRefusesAFutureDate) {
  auto ev = Events();
  auto r = ev.Create(AsLeader(), {{"held_on", "2026-06-16"},
                                  {"kind", "dinner"},
                                  {"destination_city", ""},
                                  {"companies_met", json::array({{{"credit_code", "x"}}})},
                                  {"colour", "red"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  std::set<std::string> fields;
  for (const auto& d : r.error().details) fields.insert(d.field);
  EXPECT_EQ(fields, (std::set<std::string>{"held_on", "kind", "destination_city", "companies_met[0].name",
                                           "colour"}));
  EXPECT_EQ(Journal("promotion_event"), 0);
}

// promotion_event_leads has no foreign key: the service names each lead that is missing or of
// another region (lead_ids[i]) and writes nothing; an update checks only the leads it adds.
TEST_P(EventServiceTest, AnEventNamesLeadsOfItsOwnRegion) {
  auto ev = Events();
  json body = Event("2026-03-10");
  body["lead_ids"] = json::array({lead_a_, guan_lead_, 999999});
  auto r = ev.Create(AsLeader(), body);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(r.error().details.size(), 2u);
  EXPECT_EQ(r.error().details[0].field, "lead_ids[1]");
  EXPECT_EQ(r.error().details[0].value, std::to_string(guan_lead_));
  EXPECT_EQ(r.error().details[1].field, "lead_ids[2]");
  EXPECT_EQ(Journal("promotion_event"), 0);
  auto e = ev.Create(AsLeader(), Event("2026-03-10"));
  ASSERT_TRUE(e) << e.error().message;
  auto up = ev.Update(AsLeader(), e->id, {{"version", 1}, {"lead_ids", json::array({lead_a_, guan_lead_})}});
  ASSERT_FALSE(up);
  EXPECT_EQ(up.error().details.at(0).field, "lead_ids[1]");
}

TEST_P(EventServiceTest, UpdateIsVersionedAndJournaledArchiveStopsCounting) {
  auto ev = Events();
  auto e = ev.Create(AsLeader(), Event("2026-03-10"));
  ASSERT_TRUE(e);
  auto stale = ev.Update(AsLeader(), e->id, {{"version", 9}, {"kind", "expo"}});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto up = ev.Update(AsLeader(), e->id, {{"version", 1}, {"kind", "expo"}, {"lead_ids", json::array()}});
  ASSERT_TRUE(up) << up.error().message;
  EXPECT_EQ(up->version, 2);
  EXPECT_EQ(up->kind, "expo");
  EXPECT_TRUE(up->lead_ids.empty());
  {
    auto c = tdb_->db().Acquire();
    auto rows = store::ReadJournal(*c, "promotion_event", e->id);
    ASSERT_EQ(rows.rows.size(), 2u);
    const auto changes = json::parse(store::AsText(rows.rows[0][5]));
    ASSERT_EQ(changes.size(), 2u);  // kind and lead_ids
    EXPECT_EQ(changes[0]["field"], "kind");
    EXPECT_EQ(changes[1]["field"], "lead_ids");
  }
  const Date as_of{2026, 6, 15};
  auto before = ev.Compliance(As("viewer", "371524"), "371524", {2026, 1, 1}, {2026, 12, 31}, as_of);
  ASSERT_TRUE(before);
  auto archived = ev.Archive(AsLeader(), e->id, {{"version", 2}});
  ASSERT_TRUE(archived) << archived.error().message;
  EXPECT_TRUE(archived->archived);
  auto after = ev.Compliance(As("viewer", "371524"), "371524", {2026, 1, 1}, {2026, 12, 31}, as_of);
  EXPECT_EQ(before->items[0].compliance.months_met, 1);  // March
  EXPECT_EQ(after->items[0].compliance.months_met, 0);
  EXPECT_EQ(ev.Update(AsLeader(), e->id, {{"version", 3}, {"note", "x"}}).error().code, ErrorCode::kConflict);
}

TEST_P(EventServiceTest, ComplianceOverStoredEventsHandComputed) {
  auto ev = Events();
  const auto office = As("coordinator", "371524");
  // 张明远: Jan 31, Feb 1, Jun 15 (today); 李卫东: none; 冠县's leader: one in March (another county).
  for (const char* d : {"2026-01-31", "2026-02-01", "2026-06-15"})
    ASSERT_TRUE(ev.Create(office, Event(d, leader_)));
  ASSERT_TRUE(ev.Create(As("coordinator", "371525"), Event("2026-03-05", guan_leader_)));
  auto r = ev.Compliance(office, "371524", {2026, 1, 1}, {2026, 12, 31}, {2026, 6, 15});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->months.size(), 12u);
  EXPECT_EQ(r->rule.min_events, 1);
  ASSERT_EQ(r->items.size(), 2u);  // 东阿's two leaders, not 冠县's
  const auto& a = r->items[0].compliance;
  EXPECT_EQ(a.leader_id, leader_);
  EXPECT_EQ(a.events, 3);
  EXPECT_EQ(a.months_owed, 5);
  EXPECT_EQ(a.months_met, 2);
  const auto& b = r->items[1].compliance;
  EXPECT_EQ(b.leader_id, other_leader_);
  EXPECT_EQ(b.months_met, 0);
  EXPECT_EQ(b.missed.size(), 5u);
  EXPECT_EQ(b.months[5].status, promotion::MonthStatus::kInProgress);
  // An empty scope reads nothing at all; the figures count the same events.
  auto none =
      ev.Compliance(As("coordinator", "371525"), "371524", {2026, 1, 1}, {2026, 12, 31}, {2026, 6, 15});
  EXPECT_TRUE(none->items.empty());
  EXPECT_TRUE(none->months.empty());
  auto fig = ev.Figures(office, "371524", {2026, 6, 15});
  ASSERT_TRUE(fig);
  EXPECT_EQ(fig->months.size(), 6u);
  EXPECT_EQ(fig->total, 3);
  EXPECT_EQ(fig->by_kind.at("industry_topic"), 3);
  EXPECT_EQ(fig->by_month, (std::vector<int>{1, 1, 0, 0, 0, 1}));
  EXPECT_EQ(fig->leaders[0].by_month, (std::vector<int>{1, 1, 0, 0, 0, 1}));
}

TEST_P(EventServiceTest, TheRuleIsARegionRowInheritedDownTheTree) {
  auto ev = Events();
  auto county = ev.Rule(As("viewer", "371524"), "371524");
  ASSERT_TRUE(county);
  EXPECT_EQ(county->rule.min_events, 1);
  EXPECT_EQ(county->source.source, "default");
  EXPECT_FALSE(county->editable);
  // The city office sets 2 for its counties; 东阿's office sets its own 3, then clears it.
  ASSERT_TRUE(ev.PutRule(As("coordinator", "371500"), "371500", {{"min_events", 2}}));
  county = ev.Rule(As("coordinator", "371524"), "371524");
  EXPECT_EQ(county->rule.min_events, 2);
  EXPECT_EQ(county->source.source, "inherited");
  EXPECT_EQ(county->source.region, "371500");
  EXPECT_TRUE(county->editable);
  auto own = ev.PutRule(As("coordinator", "371524"), "371524", {{"min_events", 3}});
  ASSERT_TRUE(own);
  EXPECT_EQ(own->rule.min_events, 3);
  EXPECT_EQ(own->source.source, "own");
  EXPECT_EQ(ev.PutRule(As("coordinator", "371525"), "371524", {{"min_events", 1}}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(ev.PutRule(As("leader", "371524"), "371524", {{"min_events", 1}}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(ev.PutRule(As("coordinator", "371524"), "371524", {{"min_events", 0}}).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(ev.PutRule(As("coordinator", "371524"), "371524", {{"min_events", nullptr}})->rule.min_events, 2);
  EXPECT_EQ(Journal("promotion_event_rule"), 3);
  // Compliance reads the rule of its region: two a month now.
  ASSERT_TRUE(ev.Create(AsLeader(), Event("2026-05-10")));
  auto r = ev.Compliance(AsLeader(), "371524", {2026, 5, 1}, {2026, 5, 31}, {2026, 6, 15});
  EXPECT_EQ(r->rule.min_events, 2);
  EXPECT_EQ(r->items[0].compliance.months[0].status, promotion::MonthStatus::kMissed);
}

INSTANTIATE_TEST_SUITE_P(Engines, EventServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
