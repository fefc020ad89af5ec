// A small route table over the HTTP server (api/http/): every endpoint is declared once (method, path,
// summary, whether it needs a caller), which also yields the OpenAPI document. Handlers return Result<Reply>;
// an Error becomes {"error":{code,message,details}} with the code's one HTTP status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http/request.h"
#include "api/http/response.h"
#include "common/result.h"
#include "service/context.h"

namespace gj::api {

namespace http {
class RouteTable;
}

struct Reply {
  int status = 200;
  nlohmann::json body;
  std::string raw;           // when set: a file download
  std::string content_type;  // for raw
  std::string filename;      // Content-Disposition for raw
  // Further response headers (Set-Cookie, …), written as they are after the others.
  std::vector<std::pair<std::string, std::string>> headers;
  static Reply Json(nlohmann::json j, int status = 200) { return Reply{status, std::move(j), "", "", ""}; }
  // A download; an empty `filename` sends no Content-Disposition.
  static Reply File(std::string bytes, std::string content_type, std::string filename = "") {
    return Reply{200, nullptr, std::move(bytes), std::move(content_type), std::move(filename)};
  }
};

// A service result as the reply: its JSON with `status`, or its error as is.
template <class T>
Result<Reply> JsonReply(Result<T> r, int status = 200) {
  if (!r) return r.error();
  return Reply::Json(nlohmann::json(std::move(r.value())), status);
}

struct Call {
  const http::Request& req;
  service::Ctx ctx;  // made after authenticating (Install): its caller is the request's, fixed
  std::string token;
  size_t max_json_bytes = 1 << 20;

  // Defined in params.cpp with the rest of the request reading (see params.h for typed queries).
  // The JSON body; a malformed (400) or oversized (413) body is an error value.
  Result<nlohmann::json> Body() const;
  // The index-th placeholder as an integer (checked by the router before the handler runs).
  int64_t PathId(size_t index = 1) const;
  // The index-th placeholder as text ({county}, {kind}, …).
  std::string PathText(size_t index = 1) const;
  // A query parameter verbatim ("" when absent); typed reading is QueryParams.
  std::string Query(const std::string& name) const;
};

using Handler = std::function<Result<Reply>(Call&)>;

// The handler of a plain read: replies with the JSON of get(call) → Result<T>. The route's
// versioned writes take the same `get` as their reread (VersionedBodyHandler), so a 409's
// "current" is what this GET shows.
template <class G>
Handler ReadHandler(G get) {
  return [get = std::move(get)](Call& c) { return JsonReply(get(c)); };
}

// The handler of a route taking a JSON body: parses it (400/413 before `fn` runs), then replies
// with the JSON of fn(call, body) → Result<T> and `status`.
template <class F>
Handler BodyHandler(F fn, int status = 200) {
  return [fn = std::move(fn), status](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    return JsonReply(fn(c, body.value()), status);
  };
}

// A 409 stale-version error (StaleVersion: extra.current_version) completed with "current": the
// record as the route's GET (`reread`, Call& → Result<T>) shows it now, written here in the API
// layer, so a service only says which version it found and the client's conflict dialog gets the
// same JSON as a reload. Any other error, or one that already has "current", is returned as is.
template <class G>
Error WithCurrent(Call& c, Error e, const G& reread) {
  if (e.code != ErrorCode::kConflict || !e.extra.contains("current_version") || e.extra.contains("current"))
    return e;
  auto current = reread(c);
  if (current) e.extra["current"] = nlohmann::json(std::move(current.value()));
  return e;
}

// BodyHandler for a versioned write (PATCH/POST with "version"): on a stale version the 409
// carries the record as `reread` shows it (see WithCurrent).
template <class F, class G>
Handler VersionedBodyHandler(F fn, G reread, int status = 200) {
  return [fn = std::move(fn), reread = std::move(reread), status](Call& c) -> Result<Reply> {
    auto body = c.Body();
    if (!body) return body.error();
    auto r = fn(c, body.value());
    if (!r) return WithCurrent(c, r.error(), reread);
    return Reply::Json(nlohmann::json(std::move(r.value())), status);
  };
}

// Calls a service's write `m` with the request: m(ctx, body), or m(ctx, key, body) for a record at
// the path, the key being the integer {id} or else the text placeholder ({code}, {county}, …),
// whichever `m` takes. Routes name the method instead of repeating a forwarding lambda.
template <class S, class M>
auto CallMethod(S& svc, M m, Call& c, const nlohmann::json& b) {
  if constexpr (std::is_invocable_v<M, S&, service::Ctx&, const nlohmann::json&>)
    return std::invoke(m, svc, c.ctx, b);
  else if constexpr (std::is_invocable_v<M, S&, service::Ctx&, int64_t, const nlohmann::json&>)
    return std::invoke(m, svc, c.ctx, c.PathId(), b);
  else return std::invoke(m, svc, c.ctx, c.PathText(), b);
}

// BodyHandler of a service method (see CallMethod): MethodHandler(org, &OrgService::CreateUnit, 201).
template <class S, class M>
Handler MethodHandler(S& svc, M m, int status = 200) {
  return BodyHandler([&svc, m](Call& c, const nlohmann::json& b) { return CallMethod(svc, m, c, b); },
                     status);
}

// VersionedBodyHandler of a service method (see CallMethod); `reread` is the route's GET.
template <class S, class M, class G>
Handler VersionedMethodHandler(S& svc, M m, G reread, int status = 200) {
  return VersionedBodyHandler(
      [&svc, m](Call& c, const nlohmann::json& b) { return CallMethod(svc, m, c, b); }, std::move(reread),
      status);
}

struct Route {
  std::string method;  // GET, POST, PATCH, PUT, DELETE
  std::string path;    // OpenAPI form: /api/v1/projects/{id}
  std::string summary;
  bool needs_caller = true;
  Handler handler;
  // The largest request body the route accepts (413 before it is read, see BodyLimitOf):
  // kDefaultBody, kUploadBody or a number of bytes.
  size_t max_body = 0;
};

// Route::max_body: by the route's kind (log-in and the rest of /api/v1/auth/: BodyLimits::
// max_auth_bytes; any other route: the JSON limit).
inline constexpr size_t kDefaultBody = 0;
// Route::max_body of a route whose body is a file (xlsx, CSV, photo, attachment): the upload limit.
inline constexpr size_t kUploadBody = SIZE_MAX;

// A service's read of the record at the path (see CallMethod): m(ctx, {id}) or m(ctx, text key).
template <class S, class M>
auto PathReader(S& svc, M m) {
  return [&svc, m](Call& c) {
    if constexpr (std::is_invocable_v<M, S&, service::Ctx&, int64_t>)
      return std::invoke(m, svc, c.ctx, c.PathId());
    else return std::invoke(m, svc, c.ctx, c.PathText());
  };
}

// What a versioned record's routes say: the record's path ("/api/v1/units/{id}"; its collection
// is the path without the last segment) and each route's summary.
struct RecordRouteDocs {
  std::string path;
  std::string create;
  std::string read;
  std::string update;
};

// The routes of a versioned record, in this order: POST collection (create, 201), GET path (read),
// PATCH path (update; a 409 carries the record as the GET shows it). Returns the GET's reader,
// the reread of the record's other versioned writes.
template <class S, class C, class G, class U>
auto VersionedRecordRoutes(std::vector<Route>& r, S& svc, const RecordRouteDocs& d, C create, G get,
                           U update) {
  auto now = PathReader(svc, get);
  r.push_back({"POST", d.path.substr(0, d.path.rfind('/')), d.create, true, MethodHandler(svc, create, 201)});
  r.push_back({"GET", d.path, d.read, true, ReadHandler(now)});
  r.push_back({"PATCH", d.path, d.update, true, VersionedMethodHandler(svc, update, now)});
  return now;
}

// Authenticates a bearer token into a caller (supplied by the server).
using Authenticator = std::function<Result<access::Caller>(const std::string& token)>;

// Size limits of request bodies (configured with `serve --max-json-kb/--max-upload-mb`); uploads
// (xlsx, photos) may be larger than JSON bodies, a log-in is a few hundred bytes.
struct BodyLimits {
  size_t max_json_bytes = 1 << 20;
  size_t max_upload_bytes = 64u << 20;
  size_t max_auth_bytes = 8u << 10;
};

// The body limit of `route` in bytes (its max_body resolved with `limits`).
size_t BodyLimitOf(const Route& route, const BodyLimits& limits);

// Adds every route to `table`, each behind authentication and the path checks.
void Install(http::RouteTable& table, const std::vector<Route>& routes, Authenticator auth,
             BodyLimits limits = {});
// The most details one error answer lists; past them, one last detail counts the rest.
inline constexpr size_t kMaxErrorDetails = 200;
void SendError(http::Response& res, const Error& e);
// {field, value, reason} plus row/column/allowed for spreadsheet problems.
nlohmann::json DetailJson(const ErrorDetail& d);
nlohmann::json OpenApi(const std::vector<Route>& routes);

}  // namespace gj::api
