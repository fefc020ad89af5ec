// The reply a handler fills in (see request.h); the server adds Content-Length, Connection and the
// security headers every response carries (ServerConfig::default_headers).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "api/http/request.h"

namespace gj::api::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  // Adds a field (a second Set-Cookie is a second field).
  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  bool has_header(std::string_view name) const { return HeaderCount(headers, name) > 0; }
  std::string get_header_value(std::string_view name) const { return HeaderValue(headers, name); }
  void set_content(std::string content, std::string content_type) {
    body = std::move(content);
    set_header("Content-Type", std::move(content_type));
  }
  void Clear() {
    status = 200;
    headers.clear();
    body.clear();
  }
};

// {"error":{"code":…,"message":…,"details":[]}}, the API's error shape, for the errors the HTTP
// layer answers itself (431, 413, 415, …) before any route runs; `message` is plain ASCII.
void SetError(Response& res, int status, std::string_view code, std::string_view message);

}  // namespace gj::api::http
