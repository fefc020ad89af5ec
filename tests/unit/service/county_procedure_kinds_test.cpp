// A county's own procedure kinds (issue 14: procedure kinds per region) reach its projects' lights
// and its dispatch bulletin's list of held-up starts, and nothing of another county.
#include <gtest/gtest.h>

#include "io/file_store.h"
#include "ledger_fixture.h"
#include "service/supervision/bulletin_service.h"
#include "service/supervision/progress_service.h"
#include "service/supervision/supervision_service.h"
#include "service/targets/target_service.h"

namespace gj::testing {
namespace {

using nlohmann::json;

class CountyProcedureKindsTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    sup_ = std::make_unique<service::ProgressService>(tdb_->db(), *ledger_);
    metrics_ = std::make_unique<service::MetricsService>(tdb_->db(), *ledger_);
    targets_ = std::make_unique<service::TargetService>(tdb_->db(), *ledger_, *metrics_);
    sv_ = std::make_unique<service::SupervisionService>(tdb_->db(), *ledger_, files_);
    ledger_->Regions();                   // loaded once, before nested leases are refused
    tdb_->db().RefuseNestedLeases(true);  // at most one connection per thread at a time
  }

  // A project of `county` planned to start on 07-01 (within the 30 days the procedures are
  // checked for as of 06-15), every procedure of the system's checklist approved.
  int64_t ReadyProject(const std::string& county, const std::string& code) {
    auto body = NewProject(code);
    body["planned_start"] = "2026-07-01";
    if (county != "371524") {
      body["county_code"] = county;
      body.erase("town_code");
      body.erase("unit_id");
      body.erase("leader_id");
    }
    const auto ctx = As("coordinator", county);
    auto p = ledger_->Create(ctx, body);
    EXPECT_TRUE(p) << p.error().message;
    const int64_t id = p->project.id;
    auto list = sv_->Procedures(ctx, id, Date{2026, 6, 15});
    EXPECT_TRUE(list) << list.error().message;
    for (const auto& item : list->items) {
      auto put = sv_->PutProcedure(ctx, id, item.kind.kind.code,
                                   {{"version", 0},
                                    {"status", "approved"},
                                    {"applied_on", "2026-05-01"},
                                    {"approved_on", "2026-05-20"},
                                    {"approval_no", "审批字〔2026〕1号"}});
      EXPECT_TRUE(put) << put.error().message;
    }
    EXPECT_EQ(sv_->Procedures(ctx, id, Date{2026, 6, 15})->blocking, 0);
    return id;
  }

  supervision::ProjectLight Light(const std::string& county, int64_t id) {
    auto v = sup_->ProjectLight(As("coordinator", county), id, Date{2026, 6, 15});
    EXPECT_TRUE(v) << v.error().message;
    return v->entry->light;
  }

  static const supervision::LightReason* ProcedureReason(const supervision::ProjectLight& l) {
    for (const auto& r : l.reasons) {
      if (r.rule == "procedure") return &r;
    }
    return nullptr;
  }

  io::MemoryFileStore files_;
  std::unique_ptr<service::ProgressService> sup_;
  std::unique_ptr<service::MetricsService> metrics_;
  std::unique_ptr<service::TargetService> targets_;
  std::unique_ptr<service::SupervisionService> sv_;
};

TEST_P(CountyProcedureKindsTest, ACountysBlockingKindReachesItsLightsAndBulletinOnly) {
  const int64_t dong = ReadyProject("371524", "DE-K");
  const int64_t guan = ReadyProject("371525", "GX-K");
  const auto dong_before = Light("371524", dong);
  const auto guan_before = Light("371525", guan);
  ASSERT_EQ(ProcedureReason(dong_before), nullptr);
  ASSERT_EQ(ProcedureReason(guan_before), nullptr);
  service::BulletinService bulletins(*ledger_, *sup_, *targets_);
  ASSERT_TRUE(bulletins.Build(As("coordinator", "371524"), "371524", "2026-W25")->blocked.empty());

  // 东阿县 adds its own kind, required before a start, and its project's application is pending.
  auto kind = sv_->PutProcedureKind(As("coordinator", "371524"), "fire_check",
                                    {{"label_zh", "消防设计审查"}, {"required_for_start", true}});
  ASSERT_TRUE(kind) << kind.error().message;
  auto applied = sv_->PutProcedure(As("coordinator", "371524"), dong, "fire_check",
                                   {{"version", 0}, {"status", "applied"}, {"applied_on", "2026-05-10"}});
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(applied->blocking, 1);

  // The county's project: its light (the cached board is rebuilt) names the county's kind.
  const auto dong_after = Light("371524", dong);
  const auto* reason = ProcedureReason(dong_after);
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(reason->text, "前期手续未办结（消防设计审查），影响计划开工");
  EXPECT_GE(dong_after.light, reason->light);
  EXPECT_GT(dong_after.reasons.size(), dong_before.reasons.size());
  if (dong_before.light < reason->light) EXPECT_EQ(dong_after.light, reason->light);
  // The city's board reads each project by its own county's checklist too.
  auto city = sup_->Lights(As("coordinator", "371500"), "371500", Date{2026, 6, 15}, "", 0, 50);
  ASSERT_TRUE(city) << city.error().message;
  for (const auto& item : city->items) {
    const bool has = ProcedureReason(item->light) != nullptr;
    EXPECT_EQ(has, item->row.project.id == dong) << item->row.project.code;
  }

  // Its bulletin lists the project as held up by that kind.
  auto b = bulletins.Build(As("coordinator", "371524"), "371524", "2026-W25");
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(b->blocked.size(), 1u);
  EXPECT_EQ(b->blocked[0].code, "DE-K");
  EXPECT_EQ(b->blocked[0].procedures, "消防设计审查");

  // 冠县: neither its light nor its bulletin knows 东阿县's kind.
  const auto guan_after = Light("371525", guan);
  EXPECT_EQ(ProcedureReason(guan_after), nullptr);
  EXPECT_EQ(guan_after.light, guan_before.light);
  auto gb = bulletins.Build(As("coordinator", "371525"), "371525", "2026-W25");
  ASSERT_TRUE(gb) << gb.error().message;
  EXPECT_TRUE(gb->blocked.empty());

  // Not required before a start (the county changes its kind): the light and the bulletin follow.
  ASSERT_TRUE(sv_->PutProcedureKind(As("coordinator", "371524"), "fire_check",
                                    {{"label_zh", "消防设计审查"}, {"required_for_start", false}}));
  EXPECT_EQ(ProcedureReason(Light("371524", dong)), nullptr);
  EXPECT_TRUE(bulletins.Build(As("coordinator", "371524"), "371524", "2026-W25")->blocked.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, CountyProcedureKindsTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
