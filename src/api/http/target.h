// Reading a request-target ("/api/v1/projects?q=%E9%92%A2&limit=50") into the decoded path and
// query parameters, as cpp-httplib did: %XX decoded in both, '+' a space only in the query, a
// parameter without '=' has the value "" and one without a name is dropped.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gj::api::http {

// %XX → the byte (a malformed escape is kept as it is); `plus_is_space`: '+' → ' ' (query text).
std::string PercentDecode(std::string_view s, bool plus_is_space);

// Splits a query string on '&' into decoded name/value pairs (appended to `params`).
void ParseQuery(std::string_view query, std::multimap<std::string, std::string>& params);

enum class TargetStatus {
  kOk,
  kMalformed,  // not origin-form ("/…") nor absolute-form ("http://host/…"), or a decoded NUL
  kTraversal,  // a ".." segment (also encoded, %2e%2e, or after a decoded %2f)
};

// The decoded path and the query parameters of `target`. A target in absolute-form keeps only its
// path and query. "/" segments are kept as sent ("//x" is not "/x").
TargetStatus ParseTarget(std::string_view target, std::string& path,
                         std::multimap<std::string, std::string>& params);

// The Content-Type of a static file by its extension ("application/octet-stream" when unknown).
std::string_view ContentTypeOf(std::string_view path);

}  // namespace gj::api::http
