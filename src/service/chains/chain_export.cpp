#include "service/chains/chain_export.h"

#include "io/list_exports.h"

namespace gj::service {

namespace {

using io::ListCell;

std::vector<ListCell> Row(const ChainSummary& s) {
  const auto& v = s.view;
  const auto& f = s.figures;
  return {ListCell::Text(v.chain.name),
          ListCell::Text(v.region_name),
          ListCell::Text(v.chief_leader_name),
          ListCell::Text(v.leader_name),
          ListCell::Text(v.head_name),
          ListCell::Number(std::optional<int64_t>(f.projects)),
          ListCell::Money(f.total_investment),
          ListCell::Percent(f.start_rate.value()),
          ListCell::Number(std::optional<int64_t>(f.problems_open)),
          ListCell::Number(std::optional<int64_t>(f.problems_overdue)),
          ListCell::Percent(f.reports.rate),
          ListCell::Number(std::optional<int64_t>(f.visits)),
          f.leads_signed ? ListCell::Number(f.leads_signed) : ListCell::Text("暂无")};
}

}  // namespace

Result<NamedFile> ExportChains(ChainService& svc, const Ctx& ctx, const std::string& region,
                               const Date& as_of) {
  auto list = svc.List(ctx, region, as_of);
  if (!list) return list.error();
  io::ListSheet sheet{"链长制",
                      {{"产业链", 16},
                       {"县（市、区）", 12},
                       {"总链长", 10},
                       {"链长", 10},
                       {"班长", 10},
                       {"项目数", 8},
                       {"总投资(万元)", 14},
                       {"开工率", 9},
                       {"未销号问题", 10},
                       {"逾期问题", 9},
                       {"周报按时率", 10},
                       {"巡链诊链(次)", 12},
                       {"签约线索", 9}},
                      {},
                      true};
  for (const auto& s : *list) sheet.rows.push_back(Row(s));
  return NamedFile{io::ListXlsx({sheet}), "链长制-" + as_of.ToString() + ".xlsx"};
}

}  // namespace gj::service
