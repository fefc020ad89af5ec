// plausible.photo_reused through the progress service, on both engines: the hash kept at upload,
// photos from before migration 0022 hashed at the next upload, the warning on both reports.
#include <gtest/gtest.h>

#include "common/base64.h"
#include "ledger_fixture.h"
#include "service/supervision/progress_service.h"
#include "store/progress_store.h"

namespace gj::testing {
namespace {

class PhotoReuseServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    sup_ = std::make_unique<service::ProgressService>(tdb_->db(), *ledger_);
    for (const char* code : {"DE-1", "DE-2"}) {
      auto p = ledger_->Create(As("coordinator", "371524"), NewProject(code));
      ASSERT_TRUE(p) << p.error().message;
    }
    tdb_->db().RefuseNestedLeases(true);
  }

  // The reports of 2026-W25, one per project, by project code.
  std::map<std::string, service::ReportView> Reports() {
    auto ctx = As("coordinator", "371524");
    EXPECT_TRUE(sup_->GenerateTasks(ctx, {{"region", "371524"}, {"period", "2026-W25"}}));
    std::map<std::string, service::ReportView> out;
    auto list = sup_->ListReports(ctx, "371524", "2026-W25", "");  // kept: the loop reads into it
    for (auto& v : list.value().items) out[v.project.code] = v;
    return out;
  }

  static std::vector<ledger::Breach> Reused(const service::ReportView& v) {
    std::vector<ledger::Breach> out;
    for (const auto& w : v.warnings)
      if (w.rule == ledger::kRulePhotoReused) out.push_back(w);
    return out;
  }

  std::unique_ptr<service::ProgressService> sup_;
};

TEST_P(PhotoReuseServiceTest, AnOlderUnhashedPhotoIsHashedAtTheNextUploadAndBothReportsWarn) {
  auto reports = Reports();
  const int64_t a = reports.at("DE-1").report.id, b = reports.at("DE-2").report.id;
  auto ctx = As("coordinator", "371524");
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "the same site";
  {
    // A photo stored before migration 0022: no hash yet, so it compares with nothing.
    auto c = tdb_->db().Acquire();
    store::InsertPhoto(*c,
                       {0, b, "old.png", "image/png", static_cast<int64_t>(png.size()), Base64Encode(png),
                        "2026-06-16T01:00:00Z"},
                       std::nullopt);
    EXPECT_TRUE(store::PhotoHashesOf(*c, b).empty());
  }
  EXPECT_TRUE(Reused(sup_->GetReport(ctx, b).value()).empty());
  auto up = sup_->AddPhoto(ctx, a, "new.png", png);
  ASSERT_TRUE(up) << up.error().message;
  {
    auto c = tdb_->db().Acquire();
    const auto old = store::PhotoHashesOf(*c, b), fresh = store::PhotoHashesOf(*c, a);
    ASSERT_EQ(old.size(), 1u);
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(old[0].sha256.size(), 64u);
    EXPECT_EQ(old[0].sha256, fresh[0].sha256);
  }
  auto wa = Reused(sup_->GetReport(ctx, a).value());
  ASSERT_EQ(wa.size(), 1u);
  EXPECT_EQ(wa[0].photo, "new.png");
  EXPECT_EQ(wa[0].other_period, "2026-W25");
  EXPECT_EQ(wa[0].other_project, reports.at("DE-2").project.name);
  auto wb = Reused(sup_->GetReport(ctx, b).value());
  ASSERT_EQ(wb.size(), 1u);
  EXPECT_EQ(wb[0].photo, "old.png");
  // Another photo: nothing.
  ASSERT_TRUE(sup_->AddPhoto(ctx, a, "other.png", png + "!"));
  EXPECT_EQ(Reused(sup_->GetReport(ctx, a).value()).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, PhotoReuseServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
