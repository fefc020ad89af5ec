// The roster import through OrgService on both engines: a real import journals each write,
// export → import is a no-op, a dry run and a refused import write nothing.
#include "service/org/roster_service.h"

#include <gtest/gtest.h>

#include "domain/org/roster_sheet.h"
#include "io/roster_export.h"
#include "ledger_fixture.h"

namespace gj::testing {
namespace {

class RosterServiceTest : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    org_ = std::make_unique<service::OrgService>(tdb_->db(), *ledger_);
    roster_ = std::make_unique<service::RosterService>(tdb_->db(), *ledger_, *org_);
  }
  std::string Book(std::vector<std::vector<std::string>> units,
                   std::vector<std::vector<std::string>> people) {
    io::RosterWorkbook b;
    b.units = std::move(units);
    b.people = std::move(people);
    return io::RosterXlsx(b);
  }
  std::unique_ptr<service::OrgService> org_;
  std::unique_ptr<service::RosterService> roster_;
};

TEST_P(RosterServiceTest, ImportAddsAndUpdatesByKeyEachWriteJournaled) {
  const auto admin = As("admin", "371524");
  // 工业和信息化局 exists (an update of its region), 发改局 is new; 张明远 (no unit) becomes a
  // 县级领导 with a phone; 李华 of the new unit is new.
  const auto bytes = Book({{"工业和信息化局", "县直部门", "铜城街道"}, {"发改局", "县直部门", ""}},
                          {{"张明远", "县委书记", "县级领导", "", "13800000000", "", ""},
                           {"李华", "科员", "联络员", "", "", "发改局", ""}});
  const auto journal = JournalCount();
  auto dry = roster_->Import(admin, "371524", bytes, true);
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_TRUE(dry->problems.empty()) << dry->problems.details()[0].reason;
  EXPECT_EQ(dry->rows, 4);
  EXPECT_EQ(dry->created, 2);
  EXPECT_EQ(dry->updated, 2);
  EXPECT_EQ(JournalCount(), journal);                    // the dry run rolled back
  auto real = roster_->Import(admin, "", bytes, false);  // "": the caller's one county
  ASSERT_TRUE(real) << real.error().message;
  EXPECT_EQ(real->created, 2);
  EXPECT_EQ(real->updated, 2);
  EXPECT_EQ(JournalCount(), journal + 4);
  auto c = tdb_->db().Acquire();
  EXPECT_EQ(store::LoadUnit(*c, access::ReadScope::System(), unit_a_)->region_code, "371524001");
  EXPECT_EQ(store::LoadUnit(*c, access::ReadScope::System(), unit_a_)->version, 2);
  EXPECT_EQ(store::LoadPerson(*c, access::ReadScope::System(), leader_)->phone, "13800000000");
  const auto li = store::FindPersonId(*c, access::ReadScope::System(), "371524", "李华");
  ASSERT_TRUE(li);
  EXPECT_EQ(store::LoadPerson(*c, access::ReadScope::System(), *li)->unit_id,
            store::FindUnitId(*c, access::ReadScope::System(), "371524", "发改局"));
}

TEST_P(RosterServiceTest, ExportThenImportIsANoOp) {
  const auto admin = As("admin", "371500");
  auto file = roster_->Export(admin, "371524");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->filename, "组织架构与责任人-东阿县-2026-06-15.xlsx");
  const auto journal = JournalCount();
  auto r = roster_->Import(admin, "371524", file->bytes, false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->problems.empty());
  EXPECT_EQ(r->rows, 3);  // two units, one person
  EXPECT_EQ(r->unchanged, 3);
  EXPECT_EQ(r->created + r->updated, 0);
  EXPECT_EQ(JournalCount(), journal);
}

TEST_P(RosterServiceTest, AProblemRefusesEverythingAndScopeIsChecked) {
  const auto admin = As("admin", "371524");
  const auto bytes = Book({{"新局", "县直部门", ""}}, {{"王强", "", "联络员", "县级", "", "", ""}});
  const auto journal = JournalCount();
  auto r = roster_->Import(admin, "371524", bytes, false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].field, "【人员】层级");  // OrgService's rule: only a helper has a tier
  EXPECT_EQ(r.error().details[0].row, 2);
  EXPECT_EQ(JournalCount(), journal);
  auto c = tdb_->db().Acquire();
  EXPECT_FALSE(store::FindUnitId(*c, access::ReadScope::System(), "371524", "新局"));
  EXPECT_EQ(roster_->Import(As("admin", "371525"), "371524", bytes, true).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(roster_->Import(As("coordinator", "371524"), "371524", bytes, true).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(roster_->Template(As("admin", "371500"), "").error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(roster_->Template(As("admin", "371500"), "371500").error().code, ErrorCode::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Engines, RosterServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
