// The one place the fuzz targets touch the HTTP request type behind api::Call (cpp-httplib's
// Request today): when the server's request type changes, only this file changes.
#pragma once

#include <httplib.h>

#include <regex>
#include <string>
#include <string_view>

#include "api/router.h"

namespace gj::fuzz {

struct FakeRequest {
  httplib::Request req;

  // The request path, matched against a route's regex as the router does (its placeholders become
  // Call::PathId/PathText); false when it does not match (the server would answer 404).
  bool SetPath(const std::string& path, const std::regex& route_regex) {
    req.path = path;
    return std::regex_match(req.path, req.matches, route_regex);
  }
  // The query string ("a=1&b=x%20y") as the server parses it.
  void SetQuery(std::string_view query) {
    req.params.clear();
    httplib::detail::parse_query_text(std::string(query), req.params);
  }
  void SetBody(std::string_view body) { req.body = std::string(body); }

  api::Call MakeCall(service::Ctx ctx, std::string token, size_t max_json_bytes = 1 << 20) const {
    return api::Call{req, std::move(ctx), std::move(token), max_json_bytes};
  }
  Status CheckPathParams(std::string_view route_path) const { return api::CheckPathParams(route_path, req); }
};

// An error rendered as the server sends it (JSON body with details), so printing it is fuzzed too.
inline std::string RenderError(const Error& e) {
  httplib::Response res;
  api::SendError(res, e);
  return res.body;
}

}  // namespace gj::fuzz
