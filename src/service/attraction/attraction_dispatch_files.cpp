// The 调度 sheet as an xlsx workbook (io/workbook: the shared header and number formats) and as an
// A4 PDF (io/pdf_report, the dispatch bulletin's builder). Amounts in 万元, Chinese headers.
#include <map>

#include "common/money.h"
#include "domain/supervision/bulletin.h"
#include "io/pdf_report.h"
#include "io/workbook.h"
#include "service/attraction/attraction_dispatch.h"

namespace gj::service {

const std::string& StepLabel(const std::string& step) {
  static const std::map<std::string, std::string> kLabels = {
      {"lead", "线索"},       {"negotiating", "洽谈"}, {"signed", "签约"},
      {"registered", "落地"}, {"started", "开工"},     {"operating", "投产"},
      {"paused", "暂停"},     {"resumed", "恢复"},     {"ended", "终止"}};
  static const std::string kNone;
  auto it = kLabels.find(step);
  return it == kLabels.end() ? kNone : it->second;
}

namespace {

using supervision::Percent;
using supervision::Wan;

// The summary block: (label, figure as text, figure as a number for the sheet, is money).
struct Figure {
  std::string label;
  std::string text;
  double number = 0;
  const char* pattern = nullptr;  // nullptr: a count
};

std::vector<Figure> Figures(const DispatchSheet& s) {
  const auto& f = s.summary.figures;
  std::vector<Figure> out;
  const auto count = [&out](const std::string& label, int64_t n) {
    out.push_back({label, std::to_string(n), static_cast<double>(n), nullptr});
  };
  const auto money = [&out](const std::string& label, int64_t yuan) {
    out.push_back({label, Wan(yuan), YuanToWan(yuan), io::kMoneyPattern});
  };
  const auto rate = [&out](const std::string& label, std::optional<double> r) {
    out.push_back({label, r ? Percent(r) : "不适用", r.value_or(0), r ? io::kPercentPattern : nullptr});
  };
  for (const auto& step : attraction::kPipelineSteps)
    count("线索环节：" + StepLabel(step), f.leads_by_step.at(step));
  count("线索环节：终止", f.leads_by_step.at(attraction::kEnded));
  count("本半月新增线索（个）", s.new_leads);
  count("签约项目（个）", f.signed_count);
  money("签约金额（万元）", f.signed_amount);
  count("亿元以上签约项目（个）", f.signed_100m_count);
  money("亿元以上签约金额（万元）", f.signed_100m_amount);
  count("开工项目（个）", f.started_count);
  rate("履约率（签约→开工）", f.performance_rate);
  money("到位资金（万元）", f.funds_in_place);
  money("到位外资（万美元）", f.funds_in_place_usd);
  rate("资金到位率", s.summary.funds_rate);
  return out;
}

std::vector<std::string> StepHead() {
  return {"日期", "线索名称", "所属区域", "环节", "合同编号", "预计投资（万元）"};
}
std::vector<std::string> LeaderHead() {
  return {"县级领导", "本月招商活动（次）", "本年累计（次）", "每月要求（次）",
          "本月达标", "分管线索（个）",     "签约（个）",     "签约金额（万元）"};
}
std::vector<std::string> ChainHead() {
  return {"产业链",     "线索（个）",      "签约（个）", "签约金额（万元）", "亿元以上签约（个）",
          "开工（个）", "到位资金（万元）"};
}
std::vector<std::string> LeadHead() {
  return {"序号",     "线索名称", "所属区域",     "投资方",          "产业", "预计投资（万元）",
          "所处环节", "环节日期", "分管县级领导", "到位资金（万元）"};
}

// 达标, 未达标 once the month is over, 进行中 while it runs and is not yet met.
std::string Met(const DispatchLeader& l) {
  if (l.month_status == "met") return "是";
  return l.month_status == "missed" ? "否" : "进行中";
}

std::string LeadStepText(const LeadView& v) {
  if (v.ended) return "终止";
  return StepLabel(v.step) + (v.paused ? "（暂停）" : "");
}

std::string Title(const DispatchSheet& s) {
  return s.region_name + "双招双引工作调度表（" + s.period.label + "）";
}
std::string Subtitle(const DispatchSheet& s) {
  return "调度期间 " + s.period.from.ToString() + " 至 " + s.period.to.ToString() + "，数据截至 " +
         s.as_of.ToString();
}

}  // namespace

std::string DispatchXlsx(const DispatchSheet& s) {
  return io::WorkbookBytes("the dispatch sheet", [&](lxw_workbook* wb) {
    lxw_format* header = io::HeaderFormat(wb);
    lxw_format* money = io::NumberFormat(wb, io::kMoneyPattern);
    lxw_format* percent = io::NumberFormat(wb, io::kPercentPattern);
    lxw_format* date = io::NumberFormat(wb, "@");
    const auto head = [&](lxw_worksheet* ws, const std::vector<std::string>& cols, lxw_row_t row) {
      for (size_t i = 0; i < cols.size(); ++i) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i),
                             cols[i] == "线索名称" || cols[i] == "指标" ? 30 : 14, nullptr);
        io::WriteText(ws, row, static_cast<lxw_col_t>(i), cols[i], header);
      }
      worksheet_freeze_panes(ws, row + 1, 0);
    };
    const auto num = [](lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
      worksheet_write_number(ws, r, c, v, f);
    };

    lxw_worksheet* ws = workbook_add_worksheet(wb, "调度汇总");
    io::WriteText(ws, 0, 0, Title(s), nullptr);
    io::WriteText(ws, 1, 0, Subtitle(s), nullptr);
    head(ws, {"指标", "数值"}, 2);
    lxw_row_t row = 3;
    for (const auto& f : Figures(s)) {
      io::WriteText(ws, row, 0, f.label, nullptr);
      if (f.pattern == nullptr && f.text == "不适用") {
        io::WriteText(ws, row, 1, f.text, nullptr);
      } else {
        num(ws, row, 1, f.number,
            f.pattern == io::kMoneyPattern     ? money
            : f.pattern == io::kPercentPattern ? percent
                                               : nullptr);
      }
      ++row;
    }

    lxw_worksheet* st = workbook_add_worksheet(wb, "本期进展");
    head(st, StepHead(), 0);
    row = 1;
    for (const auto& x : s.steps) {
      io::WriteText(st, row, 0, x.dated_on.ToString(), date);
      io::WriteText(st, row, 1, x.lead_title, nullptr);
      io::WriteText(st, row, 2, x.region_name, nullptr);
      io::WriteText(st, row, 3, StepLabel(x.step), nullptr);
      io::WriteText(st, row, 4, x.contract_no, nullptr);
      num(st, row, 5, YuanToWan(x.expected_investment), money);
      ++row;
    }

    lxw_worksheet* ls = workbook_add_worksheet(wb, "领导招商活动");
    head(ls, LeaderHead(), 0);
    row = 1;
    for (const auto& l : s.leaders) {
      io::WriteText(ls, row, 0, l.name, nullptr);
      num(ls, row, 1, l.events_month, nullptr);
      num(ls, row, 2, l.events_year, nullptr);
      num(ls, row, 3, l.min_events, nullptr);
      io::WriteText(ls, row, 4, Met(l), nullptr);
      num(ls, row, 5, static_cast<double>(l.leads), nullptr);
      num(ls, row, 6, static_cast<double>(l.signed_count), nullptr);
      num(ls, row, 7, YuanToWan(l.signed_amount), money);
      ++row;
    }

    lxw_worksheet* cs = workbook_add_worksheet(wb, "产业链");
    head(cs, ChainHead(), 0);
    row = 1;
    for (const auto& ch : s.chains) {
      io::WriteText(cs, row, 0, ch.name, nullptr);
      num(cs, row, 1, static_cast<double>(ch.leads), nullptr);
      num(cs, row, 2, static_cast<double>(ch.figures.signed_count), nullptr);
      num(cs, row, 3, YuanToWan(ch.figures.signed_amount), money);
      num(cs, row, 4, static_cast<double>(ch.figures.signed_100m_count), nullptr);
      num(cs, row, 5, static_cast<double>(ch.figures.started_count), nullptr);
      num(cs, row, 6, YuanToWan(ch.figures.funds_in_place), money);
      ++row;
    }

    lxw_worksheet* ld = workbook_add_worksheet(wb, "线索清单");
    head(ld, LeadHead(), 0);
    row = 1;
    for (const auto& v : s.leads) {
      num(ld, row, 0, static_cast<double>(row), nullptr);
      io::WriteText(ld, row, 1, v.lead.title, nullptr);
      io::WriteText(ld, row, 2, v.region_name, nullptr);
      io::WriteText(ld, row, 3, v.lead.investor_name, nullptr);
      io::WriteText(ld, row, 4, v.lead.industry, nullptr);
      num(ld, row, 5, YuanToWan(v.lead.expected_investment), money);
      io::WriteText(ld, row, 6, LeadStepText(v), nullptr);
      io::WriteText(ld, row, 7, v.step_on ? v.step_on->ToString() : "", date);
      io::WriteText(ld, row, 8, v.leader_name, nullptr);
      num(ld, row, 9, YuanToWan(v.funds_in_place), money);
      ++row;
    }
  });
}

std::string DispatchPdf(const DispatchSheet& s) {
  io::PdfReport doc;
  doc.Title(Title(s), Subtitle(s));
  doc.Heading("一、总体情况");
  {
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : Figures(s)) rows.push_back({f.label, f.text});
    io::TableStyle style;
    style.widths = {2, 1};
    doc.Table({"指标", "数值"}, rows, style);
  }
  doc.Heading("二、本半月进展");
  {
    std::vector<std::vector<std::string>> rows;
    for (const auto& x : s.steps)
      rows.push_back({x.dated_on.ToString(), x.lead_title, x.region_name, StepLabel(x.step), x.contract_no,
                      Wan(x.expected_investment)});
    io::TableStyle style;
    style.widths = {1.1, 2.6, 1, 0.7, 1.4, 1.2};
    if (rows.empty()) doc.Paragraph("本半月无新增线索和环节推进。");
    else doc.Table(StepHead(), rows, style);
  }
  doc.Heading("三、县级领导招商活动");
  {
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : s.leaders)
      rows.push_back({l.name, std::to_string(l.events_month), std::to_string(l.events_year),
                      std::to_string(l.min_events), Met(l), std::to_string(l.leads),
                      std::to_string(l.signed_count), Wan(l.signed_amount)});
    if (rows.empty()) doc.Paragraph("无。");
    else doc.Table(LeaderHead(), rows);
  }
  doc.Heading("四、产业链招商");
  {
    std::vector<std::vector<std::string>> rows;
    for (const auto& ch : s.chains)
      rows.push_back({ch.name, std::to_string(ch.leads), std::to_string(ch.figures.signed_count),
                      Wan(ch.figures.signed_amount), std::to_string(ch.figures.signed_100m_count),
                      std::to_string(ch.figures.started_count), Wan(ch.figures.funds_in_place)});
    if (rows.empty()) doc.Paragraph("无。");
    else doc.Table(ChainHead(), rows);
  }
  doc.Heading("五、线索清单");
  {
    std::vector<std::vector<std::string>> rows;
    size_t i = 0;
    for (const auto& v : s.leads)
      rows.push_back({std::to_string(++i), v.lead.title, v.region_name, v.lead.investor_name, v.lead.industry,
                      Wan(v.lead.expected_investment), LeadStepText(v),
                      v.step_on ? v.step_on->ToString() : "", v.leader_name, Wan(v.funds_in_place)});
    io::TableStyle style;
    style.widths = {0.5, 2.4, 0.9, 2, 0.8, 1.1, 0.8, 1.1, 0.9, 1.1};
    style.font_size = 7.5;
    if (rows.empty()) doc.Paragraph("无。");
    else doc.Table(LeadHead(), rows, style);
  }
  return doc.Finish();
}

}  // namespace gj::service
