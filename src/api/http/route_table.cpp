#include "api/http/route_table.h"

#include <algorithm>
#include <utility>

namespace gj::api::http {

namespace {

// The segments of "/a/b/c" (a, b, c): false when the path does not start with '/' or has more
// than `out.size()` of them.
template <size_t N>
bool Split(std::string_view path, std::array<std::string_view, N>& out, size_t& count) {
  if (path.empty() || path.front() != '/') return false;
  count = 0;
  size_t start = 1;
  while (true) {
    if (count == N) return false;
    const size_t end = path.find('/', start);
    out[count++] = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void RouteTable::Add(std::string method, std::string_view pattern,
                     const std::function<bool(std::string_view)>& is_digits, size_t max_body,
                     HandlerFn handler) {
  Route r{std::move(method), std::string(pattern), {}, max_body, std::move(handler)};
  std::array<std::string_view, kMaxSegments> parts;
  size_t n = 0;
  if (!Split(pattern, parts, n)) return;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view p = parts[i];
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      const std::string_view name = p.substr(1, p.size() - 2);
      r.segments.push_back({is_digits && is_digits(name) ? Segment::kDigits : Segment::kAny, ""});
    } else {
      r.segments.push_back({Segment::kLiteral, std::string(p)});
    }
  }
  routes_.push_back(std::move(r));
}

void RouteTable::SetFallback(size_t max_body, HandlerFn handler) {
  fallback_.max_body = max_body;
  fallback_.handler = std::move(handler);
}

const RouteTable::Route& RouteTable::Find(Request& req) const {
  std::array<std::string_view, kMaxSegments> parts;
  size_t n = 0;
  if (!Split(req.path, parts, n)) return fallback_;
  const std::string_view method =
      req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  for (const auto& r : routes_) {
    if (r.segments.size() != n || r.method != method) continue;
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i) {
      const auto& s = r.segments[i];
      ok = s.kind == Segment::kLiteral  ? parts[i] == s.text
           : s.kind == Segment::kDigits ? AllDigits(parts[i])
                                        : !parts[i].empty();
    }
    if (!ok) continue;
    req.matches.clear();
    req.matches.push_back({req.path});
    for (size_t i = 0; i < n; ++i) {
      if (r.segments[i].kind != Segment::kLiteral) req.matches.push_back({std::string(parts[i])});
    }
    return r;
  }
  return fallback_;
}

}  // namespace gj::api::http
