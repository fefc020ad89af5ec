#include "service/supervision/list_exports.h"

#include <map>

#include "domain/supervision/problem.h"
#include "io/bulletin_export.h"
#include "io/list_exports.h"

namespace gj::service {

namespace {

using io::ListCell;
using io::ListColumn;
using io::ListSheet;

// The Chinese of a code from a fixed table (the web app's labels); the code itself when unknown.
std::string From(const std::map<std::string, std::string>& labels, const std::string& code) {
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

const std::map<std::string, std::string> kReportStatus = {{"pending", "待填报"},
                                                          {"draft", "草稿"},
                                                          {"submitted", "已提交"},
                                                          {"returned", "已退回"},
                                                          {"approved", "已审核"}};
const std::map<std::string, std::string> kLight = {{"red", "红灯"}, {"yellow", "黄灯"}, {"green", "绿灯"}};
const std::map<std::string, std::string> kRule = {{"start", "开工"},     {"investment", "投资"},
                                                  {"problem", "问题"},   {"report", "报送"},
                                                  {"procedure", "手续"}, {"stopped", "停工"}};

std::string DictLabel(const ledger::Dictionaries& dicts, const char* kind, const std::string& code) {
  auto it = dicts.find(kind);
  const ledger::DictEntry* e = it == dicts.end() ? nullptr : ledger::FindByCode(it->second, code);
  return e ? e->label_zh : code;
}

NamedFile File(const std::string& list, const std::string& stamp, const std::vector<ListSheet>& sheets) {
  return {io::ListXlsx(sheets), list + "-" + stamp + ".xlsx"};
}

}  // namespace

std::string TargetStatusLabel(const targets::Target& t, const targets::TargetStatus& s, const Date& as_of) {
  if (s.status == "missed" || (as_of >= t.deadline && s.status != "met")) return "已到期未完成";
  return io::TargetStatusText(s.status);
}

Result<NamedFile> ExportProblems(SupervisionService& sv, const Ctx& ctx, store::ProblemFilter f,
                                 const std::string& region, const Date& as_of) {
  auto page = sv.ListProblems(ctx, std::move(f), region, as_of);
  if (!page) return page.error();
  ListSheet sheet{"问题清单",
                  {{"编号", 8},
                   {"问题类别", 10},
                   {"问题描述", 40},
                   {"项目编号", 14},
                   {"项目名称", 30},
                   {"状态", 10},
                   {"责任单位", 20},
                   {"协调领导", 10},
                   {"提出日期", 12},
                   {"办结时限", 12},
                   {"逾期天数", 10},
                   {"督办升级", 12},
                   {"销号日期", 12},
                   {"暂缓原因", 24}},
                  {}};
  for (const auto& v : page->items) {
    const auto& p = v.row;
    sheet.rows.push_back({ListCell::Number(static_cast<double>(p.fact.id)),
                          ListCell::Text(supervision::ProblemCategoryLabel(p.fact.category)),
                          ListCell::Text(p.description), ListCell::Text(p.project_code),
                          ListCell::Text(p.project_name),
                          ListCell::Text(supervision::ProblemStatusLabel(p.fact.status)),
                          ListCell::Text(p.unit_name), ListCell::Text(p.coordinator_name),
                          ListCell::DateOf(p.fact.raised_on), ListCell::DateOf(p.fact.deadline),
                          v.overdue ? ListCell::Number(static_cast<double>(v.days_overdue)) : ListCell{},
                          ListCell::Text(v.escalation ? v.escalation->label_zh : ""),
                          ListCell::DateOf(p.fact.closed_on), ListCell::Text(p.defer_reason)});
  }
  return File("问题清单", as_of.ToString(), {sheet});
}

Result<NamedFile> ExportReports(ProgressService& pg, const Ctx& ctx, const std::string& region,
                                const std::string& period, const std::string& status, bool mine) {
  auto list = pg.ListReports(ctx, region, period, status, mine);
  if (!list) return list.error();
  ListSheet sheet{"一张表",
                  {{"项目编号", 14},
                   {"项目名称", 30},
                   {"镇街", 12},
                   {"责任单位", 20},
                   {"报告期", 12},
                   {"应报日期", 12},
                   {"年度计划投资(万元)", 16},
                   {"本期完成投资(万元)", 16},
                   {"本年累计完成投资(万元)", 18},
                   {"形象进度", 40},
                   {"存在问题", 30},
                   {"用工人数", 10},
                   {"状态", 10},
                   {"报送情况", 12}},
                  {}};
  for (const auto& v : list->items) {
    const auto& r = v.report;
    const bool filed = r.status == "submitted" || r.status == "approved";
    // As the missing-report count has it (ProgressService::MissingReportsOf): past due, not filed.
    const std::string timeliness = !filed && ctx.today > r.due ? "逾期未报" : r.late ? "逾期补报" : "";
    const bool has_figures = r.status != "pending";
    sheet.rows.push_back(
        {ListCell::Text(v.project.code), ListCell::Text(v.project.name), ListCell::Text(v.project.town_name),
         ListCell::Text(v.project.unit_name), ListCell::Text(r.period), ListCell::DateOf(r.due),
         ListCell::Money(v.project.annual_plan),
         has_figures ? ListCell::Money(r.content.investment_period) : ListCell{},
         has_figures ? ListCell::Money(r.content.investment_year) : ListCell{},
         ListCell::Text(r.content.visual_progress), ListCell::Text(r.content.problems_raised),
         has_figures ? ListCell::Number(static_cast<double>(r.content.workers)) : ListCell{},
         ListCell::Text(From(kReportStatus, r.status)), ListCell::Text(timeliness)});
  }
  return File("一张表", list->period, {sheet});
}

Result<NamedFile> ExportLights(ProgressService& pg, LedgerService& ledger, const Ctx& ctx,
                               const std::string& region, const Date& as_of, const std::string& light) {
  auto page = pg.Lights(ctx, region, as_of, light, 0, 0);
  if (!page) return page.error();
  const auto dicts = ledger.Dictionaries();
  ListSheet sheet{"红黄绿灯",
                  {{"灯色", 8},
                   {"项目编号", 14},
                   {"项目名称", 30},
                   {"县区", 10},
                   {"镇街", 12},
                   {"责任单位", 20},
                   {"项目阶段", 10},
                   {"年度计划投资(万元)", 16},
                   {"本年完成投资(万元)", 16},
                   {"序时进度", 10},
                   {"投资完成率", 10},
                   {"亮灯规则", 14},
                   {"原因", 60}},
                  {}};
  for (const auto& e : page->items) {
    const auto& p = e->row.project;
    std::string rules, reasons;
    for (const auto& r : e->light.reasons) {
      const std::string rule = From(kRule, r.rule);
      if (rules.find(rule) == std::string::npos) rules += (rules.empty() ? "" : "、") + rule;
      reasons += (reasons.empty() ? "" : "；") + r.text;
    }
    auto share = [](const std::optional<double>& pct) {
      return pct ? std::optional<double>(*pct / 100.0) : std::nullopt;
    };
    sheet.rows.push_back({ListCell::Text(From(kLight, supervision::LightName(e->light.light))),
                          ListCell::Text(p.code), ListCell::Text(p.name), ListCell::Text(e->row.county_name),
                          ListCell::Text(e->row.town_name), ListCell::Text(e->row.unit_name),
                          ListCell::Text(DictLabel(dicts, "stage", p.stage)), ListCell::Money(p.annual_plan),
                          ListCell::Money(e->completed), ListCell::Percent(share(e->light.schedule_percent)),
                          ListCell::Percent(share(e->light.completion_percent)), ListCell::Text(rules),
                          ListCell::Text(reasons)});
  }
  return File("红黄绿灯", as_of.ToString(), {sheet});
}

Result<NamedFile> ExportTargets(TargetService& tg, LedgerService& ledger, const Ctx& ctx,
                                const std::string& region, const Date& as_of) {
  auto list = tg.List(ctx, region, as_of);
  if (!list) return list.error();
  const auto dicts = ledger.Dictionaries();
  ListSheet sheet{"目标",
                  {{"目标名称", 28},
                   {"考核要求", 24},
                   {"适用项目", 20},
                   {"期限", 12},
                   {"单位", 8},
                   {"当前值", 12},
                   {"分子", 12},
                   {"分母", 12},
                   {"预计到期值", 12},
                   {"状态", 14}},
                  {}};
  for (const auto& v : list->items) {
    const auto& t = v.target;
    const auto& s = v.status;
    std::string scope;
    for (const auto& c : t.categories) scope += (scope.empty() ? "" : "、") + DictLabel(dicts, "category", c);
    for (const auto& [kind, code] : std::vector<std::pair<const char*, std::string>>{
             {"track", t.track}, {"kind", t.kind}, {"level", t.level}})
      if (!code.empty()) scope += (scope.empty() ? "" : "、") + DictLabel(dicts, kind, code);
    const bool rate = t.metric == "start_rate" || t.metric == "investment_rate";
    const bool usd = t.metric == "funds_in_place_usd";  // in 万美元 as the money is in 万元
    const bool money = t.metric == "sum_amount" || t.metric == "funds_in_place" || usd;
    auto value = [&](double x) {
      if (rate) return ListCell::Percent(x);
      if (money) return ListCell::Money(static_cast<int64_t>(x));
      return ListCell::Number(x);
    };
    // Amounts of investment_rate are yuan; the counts of the other metrics are projects.
    auto part = [&](int64_t x) {
      return t.metric == "investment_rate" ? ListCell::Money(x) : ListCell::Number(static_cast<double>(x));
    };
    const bool due = as_of >= t.deadline;  // the value is the deadline's: nothing left to forecast
    sheet.rows.push_back({ListCell::Text(t.name), ListCell::Text(io::TargetGoalText(t)),
                          ListCell::Text(scope.empty() ? "不限" : scope), ListCell::DateOf(t.deadline),
                          ListCell::Text(rate    ? "%"
                                         : usd   ? "万美元"
                                         : money ? "万元"
                                                 : "个"),
                          value(s.value), money ? ListCell{} : part(s.numerator),
                          money ? ListCell{} : part(s.denominator), due ? ListCell{} : value(s.projected),
                          ListCell::Text(TargetStatusLabel(t, s, as_of))});
  }
  return File("目标", as_of.ToString(), {sheet});
}

}  // namespace gj::service
