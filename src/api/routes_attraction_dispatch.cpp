// The half-monthly 双招双引 调度 sheet (xlsx, PDF) and the evidence files of lead steps
// (service/attraction/attraction_dispatch.h, lead_step_files.h). Their service objects are made
// here from Services (db, ledger, the supervision's file keeper) and live as long as the process.
#include <memory>

#include <nlohmann/json.hpp>

#include "api/routes.h"
#include "service/attraction/attraction_dispatch.h"
#include "service/attraction/lead_step_files.h"

namespace gj::api {

namespace {

nlohmann::json FileJson(const store::AttachmentRow& a) {
  return {{"id", a.id},
          {"step_id", a.owner_id},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"created_at", a.created_at},
          {"url", "/api/v1/lead-attachments/" + std::to_string(a.id)}};
}

}  // namespace

void AttractionDispatchRoutes(Services& s, std::vector<Route>& r) {
  auto& dispatch = s.dispatch;  // members of Services: they outlive the routes (server.cpp)
  auto& files = s.lead_files;
  r.push_back(
      {"GET", "/api/v1/attraction/dispatch",
       "双招双引调度表 of the half month holding as_of (1–15 上半月, 16–end 下半月), figures as of as_of "
       "(?region=&as_of=&format=xlsx|pdf): summary, new leads and steps of the half month, leaders' events of "
       "the month, chains, the leads with their furthest step",
       true, DownloadHandler({"xlsx", "pdf"}, [&dispatch](Call& c, const std::string& format) {
         QueryParams q(c);
         const Date as_of = q.AsOf();
         if (auto st = q.Check(); !st) return Result<service::DispatchFile>(st.error());
         return dispatch.Render(c.ctx, c.Query("region"), as_of, format);
       })});
  r.push_back({"POST", "/api/v1/lead-steps/{id}/attachments",
               "Upload evidence of a lead step (PDF, PNG, JPEG ≤ 10 MB; body = the file, ?name=)", true,
               [&files](Call& c) -> Result<Reply> {
                 const service::Upload up{c.req.body, c.Query("name").empty()
                                                          ? c.req.get_header_value("X-File-Name")
                                                          : c.Query("name")};
                 auto a = files.Attach(c.ctx, c.PathId(), up);
                 if (!a) return a.error();
                 return Reply::Json(FileJson(*a), 201);
               },
               kUploadBody});
  r.push_back(
      {"GET", "/api/v1/leads/{id}/attachments",
       "The evidence files of a lead's steps ({items: [{id, step_id, file_name, content_type, size, url}]})",
       true, [&files](Call& c) -> Result<Reply> {
         auto list = files.List(c.ctx, c.PathId());
         if (!list) return list.error();
         nlohmann::json items = nlohmann::json::array();
         for (const auto& a : *list) items.push_back(FileJson(a));
         return Reply::Json({{"items", items}});
       }});
  r.push_back({"GET", "/api/v1/lead-attachments/{id}", "Download a lead step's evidence file", true,
               [&files](Call& c) -> Result<Reply> {
                 auto d = files.Get(c.ctx, c.PathId());
                 if (!d) return d.error();
                 return Reply::File(std::move(d->bytes), d->content_type, d->file_name);
               }});
}

}  // namespace gj::api
