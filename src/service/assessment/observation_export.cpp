// The results of an observation event as a workbook: what GET …/results shows the caller, as
// sheets (io/observation_export.h).
#include "io/observation_export.h"

#include "service/assessment/observation_service.h"

namespace gj::service {

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
  ObservationWorkbook out;
  out.bytes = io::ObservationResultsXlsx(d);
  out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  out.filename = r.name + "-评比结果.xlsx";
  return out;
}

}  // namespace gj::service
