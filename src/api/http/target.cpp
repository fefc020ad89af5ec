#include "api/http/target.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "api/http/request.h"
#include "api/http/response.h"

namespace gj::api::http {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string HeaderValue(const Headers& headers, std::string_view name, size_t id) {
  for (const auto& [k, v] : headers) {
    if (IEquals(k, name) && id-- == 0) return v;
  }
  return "";
}

size_t HeaderCount(const Headers& headers, std::string_view name) {
  return static_cast<size_t>(std::count_if(headers.begin(), headers.end(),
                                           [name](const auto& h) { return IEquals(h.first, name); }));
}

std::string Request::get_param_value(const std::string& name, size_t id) const {
  auto [it, end] = params.equal_range(name);
  for (; it != end; ++it) {
    if (id-- == 0) return it->second;
  }
  return "";
}

void Request::Clear() {
  method.clear();
  target.clear();
  path.clear();
  params.clear();
  headers.clear();
  // An upload's megabytes are not kept for the connection's next request.
  if (body.capacity() > (64u << 10)) std::string().swap(body);
  else body.clear();
  matches.clear();
  version = 11;
}

void SetError(Response& res, int status, std::string_view code, std::string_view message) {
  std::string body = R"({"error":{"code":")";
  body.append(code);
  body += R"(","message":")";
  for (char c : message) {
    if (c == '"' || c == '\\') body += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    body += c;
  }
  body += R"(","details":[]}})";
  res.status = status;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

std::string PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      const int hi = HexValue(s[i + 1]);
      const int lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

void ParseQuery(std::string_view query, std::multimap<std::string, std::string>& params) {
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    const size_t eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    if (!name.empty()) {
      params.emplace(PercentDecode(name, true),
                     eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), true));
    }
    start = end + 1;
  }
}

TargetStatus ParseTarget(std::string_view target, std::string& path,
                         std::multimap<std::string, std::string>& params) {
  if (target.empty()) return TargetStatus::kMalformed;
  if (target.front() != '/') {
    // absolute-form (RFC 9112 3.2.2): scheme://authority/path?query
    const size_t scheme = target.find("://");
    if (scheme == std::string_view::npos) return TargetStatus::kMalformed;
    const size_t slash = target.find('/', scheme + 3);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
  }
  const size_t hash = target.find('#');
  if (hash != std::string_view::npos) target = target.substr(0, hash);
  const size_t q = target.find('?');
  path = PercentDecode(target.substr(0, q), false);
  if (path.find('\0') != std::string::npos) return TargetStatus::kMalformed;
  // ".." as a whole segment, whether sent as is or encoded; a backslash is a separator to some
  // file systems and tools, so it counts as one here.
  for (size_t start = 0; start < path.size();) {
    size_t end = path.find_first_of("/\\", start);
    if (end == std::string::npos) end = path.size();
    if (path.compare(start, end - start, "..") == 0) return TargetStatus::kTraversal;
    start = end + 1;
  }
  if (q != std::string_view::npos) ParseQuery(target.substr(q + 1), params);
  return TargetStatus::kOk;
}

std::string_view ContentTypeOf(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"xml", "application/xml; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"pdf", "application/pdf"},
      {"wasm", "application/wasm"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"webmanifest", "application/manifest+json"},
  };
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return "application/octet-stream";
  const std::string_view ext = path.substr(dot + 1);
  for (const auto& [e, type] : kTypes) {
    if (IEquals(e, ext)) return type;
  }
  return "application/octet-stream";
}

}  // namespace gj::api::http
