// The half-monthly 调度 sheet: its half months (15th / 16th, month ends, leap February), and its
// figures as of a day over stored steps on both engines — the summary's, a step dated after the day
// not counted, the half month's steps only; both renderings are produced (xlsx zip, PDF).
#include "service/attraction/attraction_dispatch.h"

#include <gtest/gtest.h>

#include "ledger_fixture.h"

namespace gj::testing {
namespace {

TEST(HalfMonth, FirstAndSecondHalvesWithTheirEnds) {
  auto a = service::HalfMonthOf({2026, 11, 15});
  EXPECT_EQ(a.from.ToString(), "2026-11-01");
  EXPECT_EQ(a.to.ToString(), "2026-11-15");
  EXPECT_EQ(a.label, "2026年11月上半月");
  auto b = service::HalfMonthOf({2026, 11, 16});
  EXPECT_EQ(b.from.ToString(), "2026-11-16");
  EXPECT_EQ(b.to.ToString(), "2026-11-30");
  EXPECT_EQ(b.label, "2026年11月下半月");
  EXPECT_EQ(service::HalfMonthOf({2028, 2, 20}).to.ToString(), "2028-02-29");
  EXPECT_EQ(service::HalfMonthOf({2026, 12, 31}).to.ToString(), "2026-12-31");
  EXPECT_EQ(service::HalfMonthOf({2026, 1, 1}).label, "2026年1月上半月");
}

class AttractionDispatchTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    leads_ = std::make_unique<service::AttractionService>(tdb_->db(), *ledger_);
    sheet_ = std::make_unique<service::AttractionDispatch>(tdb_->db(), *ledger_);
  }

  int64_t Walk(const service::Ctx& ctx, const char* title, int64_t amount,
               const std::vector<std::pair<const char*, const char*>>& steps) {
    auto r = leads_->CreateLead(ctx, {{"title", title},
                                      {"region_code", "371524"},
                                      {"investor_name", "宁波精工钢球有限公司"},
                                      {"expected_investment", amount},
                                      {"leader_id", leader_},
                                      {"created_on", "2026-01-10"}});
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    int64_t version = r->lead.version;
    for (auto [step, on] : steps) {
      nlohmann::json body = {{"version", version}, {"step", step}, {"dated_on", on}};
      if (std::string(step) == "signed") body["contract_no"] = "HT-1";
      auto s = leads_->AddStep(ctx, r->lead.id, body);
      EXPECT_TRUE(s) << (s ? "" : s.error().message);
      version = s->lead.version;
    }
    return r->lead.id;
  }

  std::unique_ptr<service::AttractionService> leads_;
  std::unique_ptr<service::AttractionDispatch> sheet_;
};

TEST_P(AttractionDispatchTest, FiguresAsOfTheDayAndTheHalfMonthsSteps) {
  const auto office = As("coordinator", "371524");
  Walk(office, "甲", 200'000'000, {{"negotiating", "2026-05-20"}, {"signed", "2026-06-03"}});
  Walk(office, "乙", 50'000'000,
       {{"negotiating", "2026-05-02"}, {"signed", "2026-05-10"}, {"registered", "2026-06-10"}});

  // As of May 31 (the second half of May): 甲's 签约 of June 3 does not count.
  auto may = sheet_->Build(office, "371524", {2026, 5, 31});
  ASSERT_TRUE(may) << may.error().message;
  EXPECT_EQ(may->period.label, "2026年5月下半月");
  EXPECT_EQ(may->summary.figures.signed_count, 1);
  EXPECT_EQ(may->summary.figures.signed_amount, 50'000'000);
  EXPECT_EQ(may->summary.figures.signed_100m_count, 0);
  EXPECT_EQ(may->summary.figures.leads_by_step.at("negotiating"), 1);
  ASSERT_EQ(may->steps.size(), 1u);  // 甲's 洽谈 of May 20
  EXPECT_EQ(may->steps[0].lead_title, "甲");
  EXPECT_EQ(may->steps[0].step, "negotiating");
  ASSERT_EQ(may->leads.size(), 2u);
  for (const auto& v : may->leads) EXPECT_EQ(v.step, v.lead.title == "甲" ? "negotiating" : "signed");
  ASSERT_EQ(may->leaders.size(), 1u);
  EXPECT_EQ(may->leaders[0].leads, 2);
  EXPECT_EQ(may->leaders[0].signed_count, 1);

  // As of June 15: both signed, the half month holds 甲's 签约 and 乙's 落地.
  auto june = sheet_->Build(office, "371524", {2026, 6, 15});
  ASSERT_TRUE(june) << june.error().message;
  EXPECT_EQ(june->period.label, "2026年6月上半月");
  EXPECT_EQ(june->summary.figures.signed_count, 2);
  EXPECT_EQ(june->summary.figures.signed_100m_count, 1);
  ASSERT_EQ(june->steps.size(), 2u);
  EXPECT_EQ(june->steps[0].step, "signed");
  EXPECT_EQ(june->steps[1].step, "registered");
  EXPECT_EQ(june->new_leads, 0);
  auto summary = leads_->Summary(office, "371524", {2026, 6, 15}, std::nullopt);
  ASSERT_TRUE(summary);
  EXPECT_EQ(june->summary.figures.leads_by_step, summary->figures.leads_by_step);

  const std::string xlsx = service::DispatchXlsx(*june);
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
  const std::string pdf = service::DispatchPdf(*june);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");

  // Another county's office reads nothing of it.
  auto other = sheet_->Build(As("coordinator", "371525"), "371524", {2026, 6, 15});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, AttractionDispatchTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
