// The fixture of the assessment services' tests (observation events, periodic rankings): a
// third county and a town, three judges, the two services; event and scheme bodies.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ledger_fixture.h"
#include "service/assessment/observation_service.h"
#include "service/assessment/ranking_service.h"

namespace gj::testing {

using json = nlohmann::json;

// A stale version's 409: the service names the version it found (the route adds the record as
// GET shows it).
template <class T>
inline void ExpectStale(const Result<T>& r, int found) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().extra.value("current_version", -1), found);
}

class AssessmentFixture : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    auto c = tdb_->db().Acquire();
    store::InsertRegion(*c, {"371526", "高唐县", "county", "371500"}, 4);
    store::InsertRegion(*c, {"371524101", "刘集镇", "town", "371524"}, 5);
    for (const char* login : {"judge1", "judge2", "judge3"}) {
      const int64_t id = store::AsInt(
          c->Query(
               "INSERT INTO users (login, name, password_hash, created_at) VALUES (?, ?, 'x', 'now') RETURNING id",
               {std::string(login), std::string(login)})
              .rows[0][0]);
      c->Exec("INSERT INTO role_grants (user_id, role, region_code) VALUES (?, 'judge', '371500')", {id});
    }
    observations_ = std::make_unique<service::ObservationService>(tdb_->db(), *ledger_);
    rankings_ = std::make_unique<service::RankingService>(tdb_->db(), *ledger_);
  }

  // The body of a scheme of 东阿 (371524) over `metrics`; `subject_kind` only when given.
  static json Scheme(const std::string& name, json metrics, const std::string& subject_kind = "") {
    json s = {{"name", name}, {"region_code", "371524"}, {"metrics", std::move(metrics)}};
    if (!subject_kind.empty()) s["subject_kind"] = subject_kind;
    return s;
  }
  // One manual metric "review" of weight 1 and target 100.
  static json ManualReview() {
    return {{{"id", "review"}, {"kind", "manual"}, {"weight", 1}, {"target", 100}}};
  }

  service::Ctx Judge(const std::string& login) {
    return Edited(As("judge", "371500"), [&](access::Caller& c) { c.login = login; });
  }

  int64_t Project(const std::string& code, const std::string& county) {
    json p = NewProject(code);
    p["county_code"] = county;
    if (county != "371524") {
      p.erase("town_code");
      p.erase("unit_id");
      p.erase("leader_id");
    }
    auto r = ledger_->Create(As("coordinator", "371500"), p);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r->project.id;
  }

  json NewEvent(const std::string& mode, const json& nominations) {
    return {{"name", "2026年聊城市重点项目观摩评议"},
            {"region_code", "371500"},
            {"level", "city"},
            {"start_date", "2026-06-10"},
            {"end_date", "2026-06-12"},
            {"groups", {"县市区组"}},
            {"mode", mode},
            {"judges", {"judge1", "judge2", "judge3"}},
            {"nominations", nominations}};
  }

  // Every criterion rated the same: the weighted total equals the rating.
  static json Flat(double v) {
    return {{"投资规模", v}, {"建设进度", v}, {"产业层次与科技含量", v}, {"综合效益", v}};
  }

  std::unique_ptr<service::ObservationService> observations_;
  std::unique_ptr<service::RankingService> rankings_;
};

}  // namespace gj::testing
