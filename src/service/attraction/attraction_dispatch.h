// The half-monthly 双招双引 调度 sheet (the county documents: "每半月调度一次"): for a region, as of a
// day, the half month holding it (1st–15th 上半月, 16th–month end 下半月) with the figures of the
// day (AttractionService::Summary: leads by step, 签约 count and amount, ≥ 1 亿元, 开工, 到位资金 and
// its rate), what moved in the half month (new leads, steps dated in it), each county leader's
// promotion events of the month, the figures per chain and the leads with their furthest step — as
// an xlsx workbook and an A4 PDF with Chinese headers. Every figure is counted from the steps dated
// by the day, by the attraction service's own figure functions (a step dated later does not count).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "service/attraction/attraction_service.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/promotion_events/event_service.h"
#include "store/db.h"

namespace gj::service {

// A half month: 1st–15th or 16th–the month's last day; label "2026年11月上半月" / "…下半月".
struct HalfMonth {
  Date from, to;
  std::string label;
};
HalfMonth HalfMonthOf(const Date& d);

// A step dated in the half month (by the sheet's day), new leads included (step "lead").
struct DispatchStep {
  int64_t lead_id = 0;
  std::string lead_title, region_name, step;
  Date dated_on;
  std::string contract_no;
  int64_t expected_investment = 0;  // yuan
};

// A county leader: promotion events of the sheet's month and year (held by the day), the rule's
// monthly minimum, and the leads in their charge as of the day.
struct DispatchLeader {
  int64_t leader_id = 0;
  std::string name;
  int events_month = 0, events_year = 0, min_events = 1;
  std::string month_status;  // the month's by the rule: met, missed, in_progress (not over, not yet met)
  int64_t leads = 0, signed_count = 0, signed_amount = 0;
};

// A chain's figures as of the day (AttractionService::Summary with the chain).
struct DispatchChain {
  int64_t chain_id = 0;
  std::string name;
  int64_t leads = 0;  // created by the day, whatever step
  attraction::Summary figures;
};

struct DispatchSheet {
  std::string region, region_name;
  Date as_of;
  HalfMonth period;
  AttractionSummary summary;
  int64_t new_leads = 0;  // created within the half month, by the day
  std::vector<DispatchStep> steps;
  std::vector<DispatchLeader> leaders;
  std::vector<DispatchChain> chains;
  std::vector<LeadView> leads;  // every lead created by the day, its furthest step as of it
};

struct DispatchFile {
  std::string bytes, content_type, filename;
};

class AttractionDispatch {
 public:
  AttractionDispatch(store::Database& db, LedgerService& ledger)
      : db_(db), ledger_(ledger), leads_(db, ledger), events_(db, ledger) {}

  // 404 for a region the caller cannot read (attraction.read), like the summary.
  Result<DispatchSheet> Build(const Ctx& ctx, const std::string& region, const Date& as_of);
  // format: xlsx or pdf; named 双招双引调度表-<region name>-2026年11月上半月.<format>.
  Result<DispatchFile> Render(const Ctx& ctx, const std::string& region, const Date& as_of,
                              const std::string& format);

 private:
  store::Database& db_;
  LedgerService& ledger_;
  AttractionService leads_;
  EventService events_;
};

// The two renderings of a sheet (attraction_dispatch_files.cpp).
std::string DispatchXlsx(const DispatchSheet& s);
std::string DispatchPdf(const DispatchSheet& s);
// "线索" … "投产", "暂停", "终止" of a step name.
const std::string& StepLabel(const std::string& step);

}  // namespace gj::service
