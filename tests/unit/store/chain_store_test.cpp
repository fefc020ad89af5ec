// 链长制 in the store: the migration that turns today's chain texts into chains, and the link a
// project write keeps between its chain text and its county's chain of that name.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/chain_store.h"
#include "store/project_store.h"
#include "store/row.h"
#include "test_db.h"

namespace gj::testing {
namespace {

std::optional<int64_t> ChainOf(store::Connection& c, const std::string& code) {
  return store::ReadOne(c, "SELECT chain_id FROM projects WHERE code = ?", {code},
                        [](store::RowReader& r) { return r.OptInt("chain_id"); })
      .value_or(std::nullopt);
}

// A database an older binary left (every migration but 0130) with chain texts: each distinct
// non-empty text of a county becomes one chain of that county, and its projects point at it.
TEST(ChainsMigration, EachDistinctTextOfACountyBecomesOneChain) {
  const auto path = std::filesystem::temp_directory_path() / "gj_chains_migration_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  {
    auto db = store::Database::Open(path.string(), 1);
    store::Migrate(*db, {130});
    std::string sql =
        "INSERT INTO regions (code, name, level, parent_code) VALUES ('371524', '东阿县', 'county', NULL);"
        "INSERT INTO regions (code, name, level, parent_code) VALUES ('371525', '冠县', 'county', NULL);";
    int n = 0;
    for (const auto& [county, chain] : std::vector<std::pair<std::string, std::string>>{{"371524", "阿胶"},
                                                                                        {"371524", " 阿胶 "},
                                                                                        {"371524", "钢球"},
                                                                                        {"371524", ""},
                                                                                        {"371525", "阿胶"}}) {
      sql +=
          "INSERT INTO projects (code, name, year, county_code, category, level, track, stage, chain, created_at, "
          "updated_at) VALUES ('P" +
          std::to_string(++n) + "', '项目', 2026, '" + county +
          "', 'industrial', 'county', 'implementation', 'planned', '" + chain + "', '', '');";
    }
    db->Acquire()->ExecScript(sql);
    store::Migrate(*db);
    auto c = db->Acquire();
    const auto all = store::ListChains(*c, access::ReadScope::All());
    ASSERT_EQ(all.size(), 3u);  // 东阿 阿胶, 东阿 钢球, 冠县 阿胶
    auto id_of = [&](const std::string& county, const std::string& name) {
      return store::FindChainId(*c, county, name);
    };
    ASSERT_TRUE(id_of("371524", "阿胶") && id_of("371524", "钢球") && id_of("371525", "阿胶"));
    EXPECT_EQ(ChainOf(*c, "P1"), id_of("371524", "阿胶"));
    EXPECT_EQ(ChainOf(*c, "P2"), id_of("371524", "阿胶"));  // the text trimmed
    EXPECT_EQ(ChainOf(*c, "P3"), id_of("371524", "钢球"));
    EXPECT_EQ(ChainOf(*c, "P4"), std::nullopt);
    EXPECT_EQ(ChainOf(*c, "P5"), id_of("371525", "阿胶"));  // same text, other county: its own chain
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

class ChainStoreTest : public DbTest {
 protected:
  void Prepare(store::Connection& c) override {
    c.ExecScript(
        "INSERT INTO regions (code, name, level, parent_code) VALUES ('371524', '东阿县', 'county', NULL);"
        "INSERT INTO regions (code, name, level, parent_code) VALUES ('371525', '冠县', 'county', NULL);");
  }
  ledger::Project Project(const std::string& code, const std::string& county, const std::string& chain) {
    ledger::Project p;
    p.code = code;
    p.name = "项目" + code;
    p.year = 2026;
    p.county_code = county;
    p.category = "industrial";
    p.level = "county";
    p.kind = "new";
    p.track = "implementation";
    p.stage = "planned";
    p.chain = chain;
    p.created_at = p.updated_at = "2026-06-01T00:00:00Z";
    return p;
  }
};

TEST_P(ChainStoreTest, AProjectWriteNamesItsCountysChainByNameAndARenameFollows) {
  auto c = tdb_->db().Acquire();
  const int64_t early = store::InsertProject(*c, Project("A1", "371524", "阿胶"));  // before the chain exists
  store::Chain ch;
  ch.region_code = "371524";
  ch.name = "阿胶";
  ch.created_at = ch.updated_at = "2026-06-01T00:00:00Z";
  ch.links = {{0, "midstream", "阿胶生产", {"缺口一", "缺口二"}, {{"91371524MA00000017", "链主企业", true}}}};
  ch.members = {{"support", std::nullopt, std::nullopt, "保障"}};
  ch.id = store::InsertChain(*c, ch);
  EXPECT_EQ(ChainOf(*c, "A1"), ch.id);  // creating the chain linked the county's project
  store::InsertProject(*c, Project("A2", "371524", "阿胶"));
  store::InsertProject(*c, Project("G1", "371525", "阿胶"));  // 冠县 has no 阿胶 chain
  store::InsertProject(*c, Project("A3", "371524", "其他"));
  EXPECT_EQ(ChainOf(*c, "A2"), ch.id);
  EXPECT_EQ(ChainOf(*c, "G1"), std::nullopt);
  EXPECT_EQ(ChainOf(*c, "A3"), std::nullopt);
  EXPECT_EQ(store::ChainProjectIds(*c, ch.id).size(), 2u);

  auto loaded = store::LoadChain(*c, ch.id).value();
  ASSERT_EQ(loaded.links.size(), 1u);
  EXPECT_EQ(loaded.links[0].gaps, (std::vector<std::string>{"缺口一", "缺口二"}));
  EXPECT_TRUE(loaded.links[0].enterprises[0].anchor);
  EXPECT_EQ(loaded.members[0].group, "support");

  // Renamed: its projects keep pointing at it and show the new name.
  loaded.name = "阿胶及中医药";
  ASSERT_TRUE(store::UpdateChain(*c, loaded, loaded.version, false, false, "阿胶"));
  EXPECT_EQ(store::LoadProject(*c, access::ReadScope::System(), early)->chain, "阿胶及中医药");
  EXPECT_EQ(ChainOf(*c, "A1"), ch.id);
  // A project whose text is changed to another name leaves the chain.
  auto p = store::LoadProject(*c, access::ReadScope::System(), early).value();
  p.chain = "其他";
  ASSERT_TRUE(store::UpdateProject(*c, p, p.version));
  EXPECT_EQ(ChainOf(*c, "A1"), std::nullopt);
  // A stale version is the one 409.
  EXPECT_FALSE(store::UpdateChain(*c, loaded, loaded.version, false, false, loaded.name));
}

TEST_P(ChainStoreTest, ListsOnlyTheScopesChains) {
  auto c = tdb_->db().Acquire();
  for (const char* county : {"371524", "371525"}) {
    store::Chain ch;
    ch.region_code = county;
    ch.name = "钢球";
    ch.created_at = ch.updated_at = "2026-06-01T00:00:00Z";
    store::InsertChain(*c, ch);
  }
  access::RegionTree tree({{"371524", "东阿县", "county", ""}, {"371525", "冠县", "county", ""}});
  access::Caller caller;
  caller.grants = {{"coordinator", "371525", std::nullopt}};
  const auto scope = access::ReadScope::Of(caller, access::kChainRead, tree);
  const auto listed = store::ListChains(*c, scope);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].region_code, "371525");
  EXPECT_TRUE(store::ListChains(*c, access::ReadScope::None()).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ChainStoreTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
