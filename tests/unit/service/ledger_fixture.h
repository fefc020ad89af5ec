// A small organisation (聊城市 → 东阿县 with one town, 冠县) on a fresh database of each engine.
#pragma once

#include "service/ledger/ledger_service.h"
#include "store/org_store.h"
#include "test_db.h"

namespace gj::testing {

class LedgerFixture : public DbTest {
 protected:
  void Prepare(store::Connection& c) override {
    store::InsertRegion(c, {"371500", "聊城市", "city", ""}, 0);
    store::InsertRegion(c, {"371524", "东阿县", "county", "371500"}, 1);
    store::InsertRegion(c, {"371524001", "铜城街道", "town", "371524"}, 2);
    store::InsertRegion(c, {"371525", "冠县", "county", "371500"}, 3);
    unit_a_ = store::InsertUnit(c, {0, "工业和信息化局", "department", "371524"});
    unit_b_ = store::InsertUnit(c, {0, "住房和城乡建设局", "department", "371524"});
    leader_ = store::InsertPerson(c, {0, "张明远", "县委书记", "leader", "371524", std::nullopt});
    user_id_ = store::AsInt(
        c.Query(
             "INSERT INTO users (login, name, password_hash, created_at) VALUES ('t', '测试', 'x', 'now') RETURNING id")
            .rows[0][0]);
    ledger_ = std::make_unique<service::LedgerService>(tdb_->db());
  }

  service::Ctx As(const std::string& role, const std::string& region,
                  std::optional<int64_t> unit = std::nullopt) {
    access::Caller c;
    c.user_id = user_id_;
    c.login = "t";
    c.grants.push_back({role, region, unit});
    return service::Ctx(std::move(c), Date{2026, 6, 15}, "2026-06-15T02:00:00Z");
  }

  // `ctx` with its caller changed by `edit`, at the same time: a Ctx's caller is fixed when it is
  // made, so another caller is another Ctx.
  template <class F>
  static service::Ctx Edited(const service::Ctx& ctx, F edit) {
    access::Caller c = ctx.caller;
    edit(c);
    return service::Ctx(std::move(c), ctx.today, ctx.now, ctx.now_unix);
  }

  nlohmann::json NewProject(const std::string& code) {
    return {{"code", code},
            {"name", "阿胶生物科技产业园项目"},
            {"county_code", "371524"},
            {"town_code", "371524001"},
            {"category", "industrial"},
            {"level", "county"},
            {"kind", "new"},
            {"track", "implementation"},
            {"stage", "signed"},
            {"builder", "東阿阿膠股份有限公司"},
            {"unit_id", unit_a_},
            {"leader_id", leader_},
            {"total_investment", 1200000000},
            {"planned_start", "2026-03-01"}};
  }

  int64_t JournalCount() {
    auto c = tdb_->db().Acquire();
    return store::AsInt(c->Query("SELECT COUNT(*) FROM journal").rows[0][0]);
  }

  std::unique_ptr<service::LedgerService> ledger_;
  int64_t unit_a_ = 0, unit_b_ = 0, leader_ = 0, user_id_ = 0;
};

}  // namespace gj::testing
