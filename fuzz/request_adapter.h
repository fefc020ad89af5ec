// The one place the fuzz targets touch the HTTP request type behind api::Call (api::http::Request,
// the server's own): when the server's request type changes, only this file changes.
#pragma once

#include <regex>
#include <string>
#include <string_view>

#include "api/http/request.h"
#include "api/http/response.h"
#include "api/http/target.h"
#include "api/router.h"

namespace gj::fuzz {

struct FakeRequest {
  api::http::Request req;

  // The request path, matched against a route's regex as the router does (its placeholders become
  // Call::PathId/PathText); false when it does not match (the server would answer 404).
  bool SetPath(const std::string& path, const std::regex& route_regex) {
    req.path = path;
    std::smatch m;
    if (!std::regex_match(req.path, m, route_regex)) return false;
    req.matches.clear();
    for (const auto& sub : m) req.matches.push_back({sub.str()});
    return true;
  }
  // The query string ("a=1&b=x%20y") as the server parses it.
  void SetQuery(std::string_view query) {
    req.params.clear();
    api::http::ParseQuery(query, req.params);
  }
  void SetBody(std::string_view body) { req.body = std::string(body); }

  api::Call MakeCall(service::Ctx ctx, std::string token, size_t max_json_bytes = 1 << 20) const {
    return api::Call{req, std::move(ctx), std::move(token), max_json_bytes};
  }
  Status CheckPathParams(std::string_view route_path) const { return api::CheckPathParams(route_path, req); }
};

// An error rendered as the server sends it (JSON body with details), so printing it is fuzzed too.
inline std::string RenderError(const Error& e) {
  api::http::Response res;
  api::SendError(res, e);
  return res.body;
}

}  // namespace gj::fuzz
