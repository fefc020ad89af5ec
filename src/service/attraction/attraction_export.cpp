// 招商线索台账 (xlsx): the leads of a region with the date of each step, and their monthly funds.
#include <map>

#include "io/workbook.h"
#include "service/attraction/attraction_dispatch.h"
#include "service/attraction/attraction_service.h"

namespace gj::service {

namespace {

double Wan(int64_t yuan) { return static_cast<double>(yuan) / 10000.0; }

}  // namespace

Result<NamedFile> AttractionService::Export(const Ctx& ctx, const std::string& region, const Date& as_of) {
  LeadQuery q;
  q.region = region;
  q.as_of = as_of;
  auto list = ListLeads(ctx, q);
  if (!list) return list.error();
  auto c = db_.Acquire();
  for (auto& v : list->items) {
    v.steps = store::ListSteps(*c, v.lead.id);
    v.funds = store::ListFunds(*c, v.lead.id);
  }
  const auto& items = list->items;
  std::string bytes = io::WorkbookBytes("the leads ledger", [&](lxw_workbook* wb) {
    lxw_format* header = io::HeaderFormat(wb);
    lxw_format* money = io::NumberFormat(wb, io::kMoneyPattern);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "线索");
    const std::vector<std::string> head = {"序号",
                                           "线索名称",
                                           "所属区域",
                                           "投资方",
                                           "统一社会信用代码",
                                           "来源地",
                                           "产业",
                                           "预计投资（万元）",
                                           "外资（万美元）",
                                           "分管县级领导",
                                           "招商专员",
                                           "专班",
                                           "当前环节",
                                           "线索",
                                           "洽谈",
                                           "签约",
                                           "落地",
                                           "开工",
                                           "投产",
                                           "签约合同号",
                                           "关联项目编号",
                                           "到位资金（万元）"};
    for (size_t i = 0; i < head.size(); ++i) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), i == 1 ? 30 : 12,
                           nullptr);
      io::WriteText(ws, 0, static_cast<lxw_col_t>(i), head[i], header);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (const auto& v : items) {
      const auto& l = v.lead;
      lxw_col_t col = 0;
      worksheet_write_number(ws, row, col++, static_cast<double>(row), nullptr);
      for (const std::string& text :
           {l.title, v.region_name, l.investor_name, l.investor_credit_code, l.source_region, l.industry})
        io::WriteText(ws, row, col++, text, nullptr);
      worksheet_write_number(ws, row, col++, Wan(l.expected_investment), money);
      worksheet_write_number(ws, row, col++, Wan(l.expected_investment_usd), money);
      for (const std::string& text : {v.leader_name, v.officer_name, v.team_name})
        io::WriteText(ws, row, col++, text, nullptr);
      const std::string now = v.ended ? "ended" : v.paused ? "paused" : v.step;
      io::WriteText(ws, row, col++, StepLabel(now), nullptr);
      std::string contract;
      for (const auto& step : attraction::kPipelineSteps) {
        std::string on;
        for (const auto& s : v.steps) {
          if (s.step == step && s.dated_on <= as_of) on = s.dated_on.ToString();
          if (s.step == "signed" && s.dated_on <= as_of) contract = s.contract_no;
        }
        io::WriteText(ws, row, col++, on, nullptr);
      }
      io::WriteText(ws, row, col++, contract, nullptr);
      io::WriteText(ws, row, col++, v.project_code, nullptr);
      worksheet_write_number(ws, row, col++, Wan(v.funds_in_place), money);
      ++row;
    }
    lxw_worksheet* fs = workbook_add_worksheet(wb, "到位资金");
    const std::vector<std::string> fhead = {"线索名称",         "月份",         "固定资产投资（万元）",
                                            "流动资金（万元）", "合计（万元）", "资金来源地",
                                            "外资（万美元）",   "佐证材料"};
    for (size_t i = 0; i < fhead.size(); ++i) {
      worksheet_set_column(fs, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), i == 0 ? 30 : 14,
                           nullptr);
      io::WriteText(fs, 0, static_cast<lxw_col_t>(i), fhead[i], header);
    }
    worksheet_freeze_panes(fs, 1, 0);
    lxw_row_t frow = 1;
    const std::string last = attraction::MonthOf(as_of);
    for (const auto& v : items) {
      for (const auto& e : v.funds) {
        if (e.month > last) continue;
        io::WriteText(fs, frow, 0, v.lead.title, nullptr);
        io::WriteText(fs, frow, 1, e.month, nullptr);
        worksheet_write_number(fs, frow, 2, Wan(e.fixed_assets), money);
        worksheet_write_number(fs, frow, 3, Wan(e.working_capital), money);
        worksheet_write_number(fs, frow, 4, Wan(e.fixed_assets + e.working_capital), money);
        io::WriteText(fs, frow, 5, e.source_region, nullptr);
        worksheet_write_number(fs, frow, 6, Wan(e.foreign_usd), money);
        io::WriteText(fs, frow, 7, e.evidence, nullptr);
        ++frow;
      }
    }
  });
  return NamedFile{std::move(bytes), "招商线索台账-" + as_of.ToString() + ".xlsx"};
}

}  // namespace gj::service
