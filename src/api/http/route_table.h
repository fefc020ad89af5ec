// The server's route table: method + path pattern ("/api/v1/projects/{id}") → handler, with the
// largest request body the route accepts. Patterns match as cpp-httplib's regexes did (the api
// router turned {id} into (\d+) and other placeholders into ([^/]+)): the whole path, segment by
// segment, the first route added wins; placeholders fill Request::matches.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/request.h"
#include "api/http/response.h"

namespace gj::api::http {

using HandlerFn = std::function<void(const Request&, Response&)>;

class RouteTable {
 public:
  struct Segment {
    enum Kind { kLiteral, kDigits, kAny } kind = kLiteral;
    std::string text;  // the literal
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    size_t max_body = 0;
    HandlerFn handler;
  };

  // `pattern`: "/api/v1/projects/{id}/reports"; a placeholder is a whole segment, matching digits
  // when `is_digits(name)` and any non-empty segment otherwise.
  void Add(std::string method, std::string_view pattern,
           const std::function<bool(std::string_view)>& is_digits, size_t max_body, HandlerFn handler);
  // The handler of a request no route matches (static files, the 404), with its body limit.
  void SetFallback(size_t max_body, HandlerFn handler);

  // The route of req.method (HEAD: GET's) and req.path, its placeholders written to req.matches;
  // the fallback when none matches.
  const Route& Find(Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  static constexpr size_t kMaxSegments = 24;
  std::vector<Route> routes_;
  Route fallback_;
};

}  // namespace gj::api::http
