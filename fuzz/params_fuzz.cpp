// Query parameters (api/params: QueryParams and the project filter every list, export and Gantt
// route reads) and the JSON body reading (ParseJsonBody, Call::Body) below every route. The routes
// themselves, with their own parameters, are fuzzed by routes_fuzz.
//
// Input: the query string, a line break, then the body.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "api/params.h"
#include "fuzz_util.h"
#include "request_adapter.h"

using namespace gj;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = fuzz::View(data, size);
  const size_t eol = input.find('\n');
  fuzz::FakeRequest req;
  req.SetQuery(input.substr(0, eol));
  req.SetBody(eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1));
  service::Ctx ctx = service::MakeCtx({});
  ctx.today = Date{2026, 6, 15};
  const api::Call call = req.MakeCall(ctx, "", 4096);

  api::QueryParams q(call);
  (void)q.AsOf();
  (void)q.Int("n", {-5, 5});
  (void)q.Int("big", {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()});
  (void)q.Int("need", {}, Need::kRequired);
  (void)q.IntOr("count", 7, {0, 100});
  (void)q.DateParam("from");
  (void)q.DateOr("to", Date{2026, 12, 31});
  (void)q.OneOf("format", {"xlsx", "csv", "pdf"}, "xlsx");
  (void)q.List("codes");
  (void)q.YearOr(2026, "list_year");
  (void)q.Page(50, 500);
  (void)api::ProjectFilterFrom(q);
  if (auto st = q.Check(); !st) (void)fuzz::RenderError(st.error());

  auto body = call.Body();
  if (body) {
    (void)body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    (void)fuzz::RenderError(body.error());
  }
  return 0;
}
