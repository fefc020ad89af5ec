// The HTTP messages the API layer sees, independent of the server underneath (Boost.Beast, see
// server.h). Request keeps the names of the subset of cpp-httplib's Request the routes used
// (get_header_value, get_param_value, matches[i].str(), …), so handlers read a request as before.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gj::api::http {

// ASCII case-insensitive equality (header names).
bool IEquals(std::string_view a, std::string_view b);

// Header fields in arrival order; names compare case-insensitively.
using Headers = std::vector<std::pair<std::string, std::string>>;

// The value of the id-th field named `name` ("" when there is none).
std::string HeaderValue(const Headers& headers, std::string_view name, size_t id = 0);
size_t HeaderCount(const Headers& headers, std::string_view name);

// One placeholder of the matched route, as std::smatch's sub_match was used: matches[i].str().
struct Match {
  std::string value;
  const std::string& str() const { return value; }
};

struct Request {
  std::string method;  // as sent: GET, POST, …
  std::string target;  // the request-target as sent (path and query, still percent-encoded)
  std::string path;    // percent-decoded path, without the query
  std::multimap<std::string, std::string> params;  // decoded query parameters
  Headers headers;
  std::string body;
  std::string remote_addr;
  int remote_port = 0;
  int version = 11;  // 10: HTTP/1.0, 11: HTTP/1.1
  // matches[0] is the whole path, matches[i] the i-th placeholder of the route ({id}, {county}).
  std::vector<Match> matches;

  bool has_header(std::string_view name) const { return HeaderCount(headers, name) > 0; }
  std::string get_header_value(std::string_view name, size_t id = 0) const {
    return HeaderValue(headers, name, id);
  }
  size_t get_header_value_count(std::string_view name) const { return HeaderCount(headers, name); }
  bool has_param(const std::string& name) const { return params.find(name) != params.end(); }
  // The id-th value of the query parameter `name` ("" when absent).
  std::string get_param_value(const std::string& name, size_t id = 0) const;
  size_t get_param_value_count(const std::string& name) const { return params.count(name); }

  // Forgets the request, keeping the buffers' capacity for the connection's next one.
  void Clear();
};

}  // namespace gj::api::http
