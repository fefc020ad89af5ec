// 链长制 (issue 15 item 6): chains, their map (图谱), the chain page's lists and figures, weekly
// chain reports and 巡链诊链 visits. Every read is scoped by region (chain.read); a chain outside
// the caller's scope is a 404.
#include "api/json/chains_json.h"
#include "api/routes.h"
#include "io/list_exports.h"
#include "service/chains/chain_export.h"
#include "service/chains/chain_service.h"

namespace gj::api {

void ChainRoutes(Services& s, std::vector<Route>& r) {
  auto* chains = &s.chains;  // a member of Services: it outlives the routes (server.cpp)
  auto get = [chains](Call& c) { return chains->Get(c.ctx, c.PathId()); };

  r.push_back(
      {"GET", "/api/v1/chains",
       "Chains (链长制) of a region (?region=&as_of=) with their 链长 and figures from Jan 1 to as_of", true,
       [chains](Call& c) {
         QueryParams q(c);
         const auto region = q.Text("region");
         const Date as_of = q.AsOf();
         return q.Then([&] { return chains->List(c.ctx, region, as_of); });
       }});
  r.push_back(
      {"GET", "/api/v1/chains/export",
       "链长制 in Excel (链长制-<as_of>.xlsx): the chains GET /chains lists for the same ?region=&as_of=",
       true, [chains](Call& c) -> Result<Reply> {
         QueryParams q(c);
         const auto region = q.Text("region");
         const Date as_of = q.AsOf();
         if (auto st = q.Check(); !st) return st.error();
         auto file = service::ExportChains(*chains, c.ctx, region, as_of);
         if (!file) return file.error();
         return Reply::File(std::move(file->bytes), io::kXlsxContentType, file->filename);
       }});
  r.push_back(
      {"POST", "/api/v1/chains",
       "Add a chain (chain.write): {region_code (a county), name, chief_leader_id?, leader_id?, head_id?, "
       "note?, sort?, members?: [{group: task_force|support, unit_id | person_id, role?}], links?: "
       "[{stage: upstream|midstream|downstream, name, gaps?: [text], enterprises?: [{credit_code, name?, "
       "anchor?}]}]}",
       true, MethodHandler(*chains, &service::ChainService::Create, 201)});
  r.push_back({"GET", "/api/v1/chains/{id}",
               "One chain with its leaders, members (专班, 保障组) and map (图谱)", true, ReadHandler(get)});
  r.push_back(
      {"PATCH", "/api/v1/chains/{id}",
       "Change or archive a chain (chain.write): {version, name?, chief_leader_id?, leader_id?, head_id?, "
       "note?, sort?, archived?, members?, links?}; members and links, when sent, replace the chain's",
       true, VersionedMethodHandler(*chains, &service::ChainService::Update, get)});
  r.push_back(
      {"GET", "/api/v1/chains/{id}/lists",
       "The chain page's lists (N 张清单): its projects, enterprises (链主 and key enterprises of its links), "
       "problems of its projects (overdue as of ?as_of=)",
       true, [chains](Call& c) {
         QueryParams q(c);
         const Date as_of = q.AsOf();
         return q.Then([&] { return chains->Lists(c.ctx, c.PathId(), as_of); });
       }});
  r.push_back(
      {"GET", "/api/v1/chains/{id}/figures",
       "A chain's figures as of a date (?as_of=&from=, from default Jan 1 or the chain's creation): "
       "projects, total investment, start rate, problems open and overdue, weekly report punctuality, "
       "visits, leads signed (签约 step dated by as_of) and their amount (yuan)",
       true, [chains](Call& c) {
         QueryParams q(c);
         const Date as_of = q.AsOf();
         const auto from = q.DateParam("from");
         return q.Then([&] { return chains->Figures(c.ctx, c.PathId(), from, as_of); });
       }});
  r.push_back({"GET", "/api/v1/chains/{id}/reports",
               "A chain's weekly reports and their punctuality week by week (?as_of=&from=): on_time, late, "
               "missing, pending",
               true, [chains](Call& c) {
                 QueryParams q(c);
                 const Date as_of = q.AsOf();
                 const auto from = q.DateParam("from");
                 return q.Then([&] { return chains->Reports(c.ctx, c.PathId(), from, as_of); });
               }});
  r.push_back(
      {"POST", "/api/v1/chains/{id}/reports",
       "File the chain's weekly report (chain.report, the chain's own leaders or the office): "
       "{week?: 2026-W23 (default: this week), progress, problems?, next_steps?}; a week is filed once (409)",
       true, MethodHandler(*chains, &service::ChainService::FileReport, 201)});
  r.push_back({"GET", "/api/v1/chains/{id}/visits", "A chain's 巡链诊链 visits, newest first", true,
               ReadHandler([chains](Call& c) { return chains->Visits(c.ctx, c.PathId()); })});
  r.push_back({"POST", "/api/v1/chains/{id}/visits",
               "Log a 巡链诊链 visit (chain.report): {visited_on, leader_id? (default: the caller's person), "
               "credit_code?, enterprise_name?, project_id?, findings}",
               true, MethodHandler(*chains, &service::ChainService::AddVisit, 201)});
}

}  // namespace gj::api
