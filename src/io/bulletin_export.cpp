#include "io/bulletin_export.h"

#include <cstdio>
#include <map>

#include "io/pdf_report.h"
#include "io/workbook.h"

namespace gj::io {

namespace {

using supervision::Percent;
using supervision::Wan;

std::string StageLabel(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"planned", "谋划"},   {"reserve", "储备"},
                                                       {"signed", "签约"},    {"started", "开工"},
                                                       {"completed", "竣工"}, {"operating", "投产"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

std::vector<std::vector<std::string>> TargetRows(const supervision::Bulletin& b) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [t, s] : b.targets) {
    rows.push_back({t.name, TargetGoalText(t), t.deadline.ToString(), TargetValueText(t, s.value),
                    t.metric == "investment_rate"
                        ? Wan(s.numerator) + " / " + Wan(s.denominator) + " 万元"
                        : std::to_string(s.numerator) + " / " + std::to_string(s.denominator),
                    TargetValueText(t, s.projected), TargetStatusText(s.status)});
  }
  return rows;
}

// A rate of a ranked group: "不适用" when nothing was due (no new project, no annual plan).
std::string RateText(std::optional<double> rate) { return rate ? Percent(rate) : "不适用"; }

std::vector<std::vector<std::string>> RankRows(const std::vector<supervision::RankRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) {
    char score[32] = "不适用";
    if (r.score) std::snprintf(score, sizeof score, "%.2f", *r.score);
    out.push_back({r.rank > 0 ? std::to_string(r.rank) : "—", r.name, std::to_string(r.projects),
                   std::to_string(r.new_started) + " / " + std::to_string(r.new_total),
                   RateText(r.start_rate()), Wan(r.completed) + " / " + Wan(r.annual_plan),
                   RateText(r.investment_rate()), score});
  }
  return out;
}

std::vector<std::vector<std::string>> LightRows(const std::vector<supervision::LightLine>& lines) {
  std::vector<std::vector<std::string>> out;
  int i = 0;
  for (const auto& l : lines)
    out.push_back({std::to_string(++i), l.code, l.name, l.place, l.unit, l.reasons});
  return out;
}

const std::vector<std::string> kTargetHeader = {"目标",      "要求",       "期限", "当前值",
                                                "分子/分母", "预计到期值", "状态"};
// 得分: 开工率 50 + 投资完成率 50 (domain/supervision/bulletin.h); a rate 不适用 gives its weight to the
// other.
const std::vector<std::string> kRankHeader = {
    "名次", "名称", "项目数", "新开工/应开工", "开工率", "完成投资/年度计划（万元）", "投资完成率", "得分"};
const std::vector<std::string> kLightHeader = {"序号", "项目编号", "项目名称", "属地", "责任单位", "原因"};
const std::vector<std::string> kBlockedHeader = {"项目编号", "项目名称", "责任单位", "计划开工",
                                                 "未办结的前期手续"};
// Owed and met count projects × rule windows (weeks under the default rule).
const std::vector<std::string> kVisitHeader = {"包保领导", "包保项目数", "应现场办公（项目·期）", "已完成",
                                               "完成率"};

std::vector<std::vector<std::string>> BlockedRows(const supervision::Bulletin& b) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : b.blocked) rows.push_back({l.code, l.name, l.unit, l.planned_start, l.procedures});
  return rows;
}

}  // namespace

std::string TargetGoalText(const targets::Target& t) {
  std::string what;
  if (t.metric == "start_rate") what = "开工率";
  else if (t.metric == "investment_rate") what = "投资完成率";
  else if (t.metric == "count_stage") what = StageLabel(t.stage) + "项目数";
  else if (t.metric == "funds_in_place") what = "到位资金";
  else if (t.metric == "funds_in_place_usd") what = "到位外资";
  else if (t.metric == "composite") what = "达标分项数";
  else
    what = t.amount == "total_investment" ? "总投资"
           : t.amount == "annual_plan"    ? "年度计划投资"
                                          : "完成投资";
  const std::string cmp = t.comparator == ">=" ? "≥" : t.comparator == "<=" ? "≤" : t.comparator;
  return what + " " + cmp + " " + TargetValueText(t, t.threshold);
}

std::string TargetValueText(const targets::Target& t, double v) {
  if (t.metric == "start_rate" || t.metric == "investment_rate") return Percent(v);
  if (t.metric == "sum_amount" || t.metric == "funds_in_place") return Wan(static_cast<int64_t>(v)) + "万元";
  if (t.metric == "funds_in_place_usd") return Wan(static_cast<int64_t>(v)) + "万美元";
  return Num(v);
}

std::string TargetStatusText(const std::string& s) {
  if (s == "met") return "已完成";
  if (s == "on_track") return "按计划推进";
  if (s == "at_risk") return "有风险";
  if (s == "missed") return "未完成";
  return s;
}

std::string BulletinPdf(const supervision::Bulletin& b) {
  PdfReport doc;
  doc.Title(b.title, b.period + "（" + b.period_start.ToString() + " 至 " + b.period_end.ToString() +
                         "），数据截至 " + b.as_of.ToString());
  doc.Heading("一、总体情况");
  const auto sr = b.start_rate(), ir = b.investment_rate();
  doc.Paragraph("全" + b.region_name + "共有重点项目" + std::to_string(b.projects) + "个，总投资" +
                Wan(b.total_investment) + "万元，年度计划投资" + Wan(b.annual_plan) + "万元，已完成投资" +
                Wan(b.completed) + "万元，投资完成率" + Percent(ir) + "。新开工项目" +
                std::to_string(b.new_total) + "个，已开工" + std::to_string(b.new_started) + "个，开工率" +
                Percent(sr) + "。红灯项目" + std::to_string(b.lights[2]) + "个，黄灯项目" +
                std::to_string(b.lights[1]) + "个，绿灯项目" + std::to_string(b.lights[0]) + "个。");
  doc.BarChart("项目预警分布",
               {{"绿灯", static_cast<double>(b.lights[0]), std::to_string(b.lights[0]) + "个", 0x2E9E4F},
                {"黄灯", static_cast<double>(b.lights[1]), std::to_string(b.lights[1]) + "个", 0xE6A700},
                {"红灯", static_cast<double>(b.lights[2]), std::to_string(b.lights[2]) + "个", 0xD0312D}});
  doc.Heading("二、目标任务完成情况");
  if (b.targets.empty()) doc.Paragraph("本区域未设定目标。");
  else doc.Table(kTargetHeader, TargetRows(b), {{2.6, 1.8, 1.3, 1.1, 1.2, 1.2, 1.1}, {}, 8.5});
  doc.Heading("三、乡镇（街道、园区）排名");
  std::vector<Bar> bars;
  for (const auto& r : b.towns)
    bars.push_back({r.name, r.start_rate().value_or(0), RateText(r.start_rate()), 0x3A7BD5});
  doc.BarChart("开工率", bars, 1.0);
  doc.Table(kRankHeader, RankRows(b.towns), {{0.7, 2, 0.8, 1.3, 1, 2.4, 1, 0.9}, {}, 8.5});
  doc.Heading("四、责任单位排名");
  doc.Table(kRankHeader, RankRows(b.units), {{0.7, 2, 0.8, 1.3, 1, 2.4, 1, 0.9}, {}, 8.5});
  doc.Paragraph(
      "排名得分 = 开工率 50% + 投资完成率 50%（各按 100 × min(完成率, 1) 计分）；无新开工项目或无年度计划的，"
      "该项为“不适用”，其权重计入另一项。",
      8);
  doc.Heading("五、红灯项目（" + std::to_string(b.red.size()) + "个）");
  if (b.red.empty()) doc.Paragraph("无。");
  else
    doc.Table(kLightHeader, LightRows(b.red),
              {{0.6, 1.4, 2.6, 1.2, 1.5, 3.6}, std::vector<unsigned>(b.red.size(), 0xFBE3E2), 8});
  doc.Heading("六、黄灯项目（" + std::to_string(b.yellow.size()) + "个）");
  if (b.yellow.empty()) doc.Paragraph("无。");
  else
    doc.Table(kLightHeader, LightRows(b.yellow),
              {{0.6, 1.4, 2.6, 1.2, 1.5, 3.6}, std::vector<unsigned>(b.yellow.size(), 0xFFF4D6), 8});
  doc.Heading("七、前期手续制约开工的项目（" + std::to_string(b.blocked.size()) + "个）");
  if (b.blocked.empty()) doc.Paragraph("无。");
  else doc.Table(kBlockedHeader, BlockedRows(b), {{1.2, 2.4, 1.5, 1.1, 3.3}, {}, 8});
  doc.Heading("八、停工项目");
  if (b.stopped.empty()) doc.Paragraph("无。");
  else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : b.stopped) rows.push_back({s.code, s.name, s.reason});
    doc.Table({"项目编号", "项目名称", "停工原因"}, rows, {{1.2, 2.6, 4}, {}, 8.5});
  }
  doc.Heading("九、逾期问题（按责任单位）");
  if (!b.has_problems) doc.Paragraph("问题清单数据尚未接入本通报。");
  else if (b.overdue_problems_by_unit.empty()) doc.Paragraph("无逾期问题。");
  else doc.Table({"责任单位", "逾期问题数", "未销号问题数", "最长逾期天数"}, b.overdue_problems_by_unit);
  doc.Heading("十、未按期报送进度的项目（" + std::to_string(b.missing.size()) + "个次）");
  if (b.missing.empty()) doc.Paragraph("无。");
  else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : b.missing) rows.push_back({m.unit, m.code, m.name, m.period, m.due});
    doc.Table({"责任单位", "项目编号", "项目名称", "报告期", "应报日期"}, rows,
              {{1.6, 1.3, 3, 1, 1.1}, {}, 8});
  }
  doc.Heading("十一、包保领导现场办公情况" +
              (b.visit_rule.empty() ? std::string() : "（" + b.visit_rule + "）"));
  if (!b.has_visits) doc.Paragraph("现场办公记录尚未接入本通报。");
  else if (b.visit_compliance.empty()) doc.Paragraph("本期无包保任务。");
  else doc.Table(kVisitHeader, b.visit_compliance);
  doc.Space(10);
  doc.Paragraph("生成时间：" + b.generated_at, 8);
  return doc.Finish();
}

namespace {

void Sheet(lxw_workbook* wb, const char* name, const std::vector<std::string>& header,
           const std::vector<std::vector<std::string>>& rows, lxw_format* head) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  for (size_t c = 0; c < header.size(); ++c) {
    WriteText(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), head);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         c == header.size() - 1 ? 40 : 16, nullptr);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      WriteText(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), rows[r][c].c_str(), nullptr);
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

std::string BulletinXlsx(const supervision::Bulletin& b) {
  return WorkbookBytes("bulletin xlsx", [&](lxw_workbook* wb) {
    lxw_format* head = HeaderFormat(wb);
    const auto sr = b.start_rate(), ir = b.investment_rate();
    Sheet(wb, "总体情况", {"指标", "数值"},
          {{"区域", b.region_name},
           {"报告期", b.period},
           {"数据截至", b.as_of.ToString()},
           {"重点项目数", std::to_string(b.projects)},
           {"总投资（万元）", Wan(b.total_investment)},
           {"年度计划投资（万元）", Wan(b.annual_plan)},
           {"已完成投资（万元）", Wan(b.completed)},
           {"投资完成率", Percent(ir)},
           {"新开工项目数", std::to_string(b.new_total)},
           {"已开工", std::to_string(b.new_started)},
           {"开工率", Percent(sr)},
           {"红灯", std::to_string(b.lights[2])},
           {"黄灯", std::to_string(b.lights[1])},
           {"绿灯", std::to_string(b.lights[0])}},
          head);
    Sheet(wb, "目标任务", kTargetHeader, TargetRows(b), head);
    Sheet(wb, "乡镇排名", kRankHeader, RankRows(b.towns), head);
    Sheet(wb, "单位排名", kRankHeader, RankRows(b.units), head);
    Sheet(wb, "红灯项目", kLightHeader, LightRows(b.red), head);
    Sheet(wb, "黄灯项目", kLightHeader, LightRows(b.yellow), head);
    std::vector<std::vector<std::string>> missing;
    for (const auto& m : b.missing) missing.push_back({m.unit, m.code, m.name, m.period, m.due});
    Sheet(wb, "未报送", {"责任单位", "项目编号", "项目名称", "报告期", "应报日期"}, missing, head);
    Sheet(wb, "前期手续", kBlockedHeader, BlockedRows(b), head);
    std::vector<std::vector<std::string>> stopped;
    for (const auto& s : b.stopped) stopped.push_back({s.code, s.name, s.reason});
    Sheet(wb, "停工项目", {"项目编号", "项目名称", "停工原因"}, stopped, head);
    if (b.has_problems)
      Sheet(wb, "逾期问题", {"责任单位", "逾期问题数", "未销号问题数", "最长逾期天数"},
            b.overdue_problems_by_unit, head);
    if (b.has_visits) Sheet(wb, "现场办公", kVisitHeader, b.visit_compliance, head);
  });
}

}  // namespace gj::io
