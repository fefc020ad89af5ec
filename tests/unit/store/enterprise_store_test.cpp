// Migration 100 on both engines: land efficiency's le_enterprises becomes the registry's
// enterprises with its rows, ids and le_data references intact; the registry's reads and writes.
#include "store/enterprise_store.h"

#include <gtest/gtest.h>

#include "store/land_efficiency_store.h"
#include "store/org_store.h"
#include "store/row.h"
#include "test_db.h"

namespace gj::testing {
namespace {

class EnterpriseStoreTest : public DbTest {
 protected:
  void Prepare(store::Connection& c) override {
    store::InsertRegion(c, {"371500", "聊城市", "city", ""}, 0);
    store::InsertRegion(c, {"371524", "东阿县", "county", "371500"}, 1);
    store::InsertRegion(c, {"371525", "冠县", "county", "371500"}, 2);
  }
};

TEST_P(EnterpriseStoreTest, MigrationKeepsLandEnterprisesAndTheirData) {
  // A database as it was before the registry (every migration but 100 and 101), with the land
  // data of one enterprise.
  TestDb before(GetParam(), /*migrate=*/false);
  auto& db = before.db();
  store::Migrate(db, {100, 101});
  {
    auto c = db.Acquire();
    store::InsertRegion(*c, {"371524", "东阿县", "county", ""}, 1);
    c->Exec(
        "INSERT INTO le_enterprises (credit_code, name, county_code, town, industry_code, above_scale, updated_at) "
        "VALUES ('91371524163000123Y', '东阿阿胶股份有限公司', '371524', '铜城街道', '2740', 1, 'x')");
    c->Exec(
        "INSERT INTO le_data (enterprise_id, year, land_mu, tax, revenue, updated_at) "
        "SELECT id, 2025, 100, 3000, 60000, 'x' FROM le_enterprises");
  }
  EXPECT_EQ(store::Migrate(db), store::Migrate(tdb_->db()));
  auto c = db.Acquire();
  auto e = store::GetEnterprise(*c, access::ReadScope::All(), "91371524163000123Y");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->name, "东阿阿胶股份有限公司");
  EXPECT_EQ(e->tags, "");
  EXPECT_FALSE(e->chain_id);
  // Land efficiency reads its data through the renamed table, by the same id.
  auto rows = store::ListLandData(*c, access::ReadScope::All(), "371524", 2025);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].enterprise_id, e->id);
  EXPECT_EQ(rows[0].e.name, "东阿阿胶股份有限公司");
  // le_data's reference names the registry now (PostgreSQL keeps references by table, whatever its
  // name; SQLite rewrites the text of the referencing table).
  if (GetParam() == "sqlite") {
    auto sql = c->Query("SELECT sql FROM sqlite_master WHERE name = 'le_data'");
    const std::string text = store::AsText(sql.rows[0][0]);
    EXPECT_EQ(text.find("le_enterprises"), std::string::npos) << text;
    EXPECT_NE(text.find("enterprises"), std::string::npos) << text;
  }
  EXPECT_THROW(c->Exec("INSERT INTO le_data (enterprise_id, year, land_mu, tax, revenue, updated_at) "
                       "VALUES (?, 2025, 1, 1, 1, 'x')",
                       {e->id}),
               store::DbError);  // (enterprise, year) is still unique
}

TEST_P(EnterpriseStoreTest, ListSearchTagAndScope) {
  auto c = tdb_->db().Acquire();
  auto add = [&](const char* code, const char* name, const char* county, const char* tags) {
    store::EnterpriseRecord e;
    e.credit_code = code;
    e.name = name;
    e.county_code = county;
    e.tags = tags;
    e.updated_at = "now";
    return store::InsertEnterprise(*c, e);
  };
  add("91371524163000123Y", "东阿阿胶股份有限公司", "371524", "backbone,hi_tech");
  add("91371524MA3C1234XD", "东阿钢球集团有限公司", "371524", "hi_tech");
  add("91371525MA3D00007Y", "冠县钢板有限公司", "371525", "backbone");
  store::EnterpriseFilter f{access::ReadScope::All(), "", "", std::nullopt, 0, 50};
  EXPECT_EQ(store::ListEnterprises(*c, f).total_count, 3);
  f.tag = "backbone";
  EXPECT_EQ(store::ListEnterprises(*c, f).total_count, 2);
  f.tag = "back";  // a tag is matched whole
  EXPECT_EQ(store::ListEnterprises(*c, f).total_count, 0);
  f.tag = "";
  f.q = "钢";
  EXPECT_EQ(store::ListEnterprises(*c, f).total_count, 2);
  f.q = "ma3c";  // a code's part, in any case
  auto page = store::ListEnterprises(*c, f);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].name, "东阿钢球集团有限公司");
  f.q = "%";  // LIKE's wildcards are text
  EXPECT_EQ(store::ListEnterprises(*c, f).total_count, 0);
  f.q = "";
  f.scope = access::ReadScope::None();
  EXPECT_EQ(store::ListEnterprises(*c, f).total_count, 0);
  f.scope = access::ReadScope::All();
  f.limit = 2;
  page = store::ListEnterprises(*c, f);
  EXPECT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.total_count, 3);

  auto e = store::GetEnterprise(*c, access::ReadScope::All(), "91371524MA3C1234XD");
  ASSERT_TRUE(e);
  auto next = *e;
  next.contact = "张经理";
  ASSERT_TRUE(store::UpdateEnterprise(*c, next, e->version));
  auto stale = store::UpdateEnterprise(*c, next, e->version);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store::GetEnterprise(*c, access::ReadScope::All(), next.credit_code)->version, e->version + 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, EnterpriseStoreTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
