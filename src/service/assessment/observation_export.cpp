// The results of an observation event as a workbook: what GET …/results shows the caller, as
// sheets (io/observation_export.h).
#include "io/observation_export.h"

#include "service/assessment/observation_service.h"
#include "store/account_store.h"

namespace gj::service {

// The judges' sheets for the organisers (by judge as listed, then nomination), in points.
void ObservationService::AddSheets(const Ctx& ctx, int64_t id, const ObservationView& ev,
                                   io::ObservationExportData& d) {
  auto c = db_.Acquire();
  auto l = Load(*c, ctx, id);
  if (!l) return;
  for (const auto& cr : ev.setup.criteria) {
    std::string w = std::to_string(cr.weight);
    w.erase(w.find_last_not_of('0') + 1);
    if (w.back() == '.') w.pop_back();
    d.criteria.push_back(cr.name + "（" + w + "分）");
  }
  for (const auto& judge : ev.setup.judges) {
    const auto account = store::LoadAccountByLogin(*c, judge);
    for (const auto& n : ev.setup.nominations) {
      const std::string pid = std::to_string(n.project_id);
      for (const auto& s : l->event.submissions) {
        if (s.entry.judge != judge || s.entry.project != pid) continue;
        io::ObservationSheetRow row{
            account ? account->name : judge, n.group, n.county_name, n.project_name, {}, 0};
        for (const auto& cr : ev.setup.criteria) {
          const auto it = s.points.find(cr.name);
          row.points.push_back(it == s.points.end() ? 0.0 : it->second);
        }
        row.total = s.entry.score;
        d.sheets.push_back(std::move(row));
      }
    }
  }
}

Result<ObservationWorkbook> ObservationService::ExportResults(const Ctx& ctx, int64_t id) {
  auto res = Results(ctx, id);  // the caller's view: 404 unseen, 409 before close, scores withheld
  if (!res) return res.error();
  auto ev = Get(ctx, id);
  if (!ev) return ev.error();
  const ObservationResults& r = res.value();
  io::ObservationExportData d;
  d.title = r.name + " 评比结果";
  std::string state = r.state == "published" ? (r.publication == std::optional<std::string>("rank_only")
                                                    ? "已发布（只公布名次）"
                                                    : "已发布（公布名次和得分）")
                                             : "评议已结束，结果未发布";
  d.subtitle = ev->region_name + " · " + ev->record.start_date + " 至 " + ev->record.end_date + " · " + state;
  d.with_scores = r.with_scores;
  for (const auto& g : r.groups) {
    for (const auto& p : g.items) d.places.push_back({g.group, p.rank, p.county, p.score});
  }
  for (const auto& p : r.projects)
    d.projects.push_back({p.group, p.county, p.project_name, p.judges, p.score});
  if (ev->can_manage && ev->setup.mode == "sheet") AddSheets(ctx, id, ev.value(), d);
  ObservationWorkbook out;
  out.bytes = io::ObservationResultsXlsx(d);
  out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  out.filename = r.name + "-评比结果.xlsx";
  return out;
}

}  // namespace gj::service
