// The one way the API reads a request's parameters: path placeholders, query parameters and the
// JSON body. Whatever the route, a malformed value is answered the same way: 400 bad_request,
// the message naming each parameter, its value and why, and one detail {field, value, reason}
// per problem (every problem of the request at once, not the first).
//
// Query contract: an absent parameter and an empty one ("?year=") are both "not sent": the
// getter returns its fallback or nothing. A parameter that is sent must be well-formed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/router.h"
#include "common/date.h"
#include "common/json_field.h"
#include "common/result.h"
#include "store/project_store.h"

namespace gj::api {

// 400 bad_request "bad query parameters: year=\"abc\" must be …" with every problem as details.
Error BadQuery(const Problems& pr);
// 400 bad_request for a body whose fields are missing, of the wrong type or unknown.
Error BadBody(const Problems& pr);

// The body as JSON: 413 when larger than `max_bytes`, 400 when it is not JSON; an empty body is
// an empty object (a POST that needs no fields may send nothing).
Result<nlohmann::json> ParseJsonBody(std::string_view body, size_t max_bytes);

// Placeholders that hold an integer ({id}, {person}): routed only on digits, documented as
// integers, and checked to fit int64 before the handler runs.
bool IsIntegerPathParam(std::string_view name);
// The placeholders of `route_path` ("/api/v1/projects/{id}") filled by `matches` (the route's
// regex match; matches[1] is the first placeholder): 400 naming each integer one that does not
// fit int64. Run by the router before every handler, so Call::PathId never sees a bad id.
Status CheckPathParams(std::string_view route_path, const http::Request& req);

// The limits of the query parameters that size an answer, in one table. A request beyond one is
// the usual 400 naming the parameter, its value and the limit (e.g. `limit="5000" must be an
// integer from 1 to 500`), before any service runs.
struct QueryLimits {
  IntRange year{2000, 2100};    // ?year= (the annual lists' years)
  Date first_date{2000, 1, 1};  // every date parameter (?as_of=, ?from=, ?to=, …)
  Date last_date{2100, 12, 31};
  int64_t page_size = 500;          // ?limit= of a list page (a route may allow fewer)
  int64_t export_rows = 1'000'000;  // the rows of one export (the whole filtered list)
  int64_t offset = 1'000'000'000;   // ?offset=
  int64_t range_days = 371;         // ?from=&to= (both included): 53 ISO weeks, one ISO year
};
inline constexpr QueryLimits kQueryLimits;

// ?offset=&limit= of a list page.
struct PageParams {
  int64_t offset = 0;
  int64_t limit = 0;  // 0: no limit
};

// Typed reading of the query string. Getters record problems instead of failing, so a handler
// reads every parameter and then asks once: `if (auto st = q.Check(); !st) return st.error();`
// or hands its service call to Then().
class QueryParams {
 public:
  explicit QueryParams(const Call& call) : call_(call) {}

  // The value verbatim; "" when not sent. Never a problem.
  std::string Text(const std::string& name) const;
  // The value, or nothing when not sent; a problem only when required and not sent.
  std::optional<std::string> OptText(const std::string& name, Need need = Need::kOptional);
  std::optional<int64_t> Int(const std::string& name, IntRange range = {}, Need need = Need::kOptional);
  int64_t IntOr(const std::string& name, int64_t fallback, IntRange range = {});
  // An id of a row: an integer ≥ 1.
  std::optional<int64_t> Id(const std::string& name);
  // A calendar year within kQueryLimits.year.
  std::optional<int> Year(const std::string& name = "year", Need need = Need::kOptional);
  int YearOr(int fallback, const std::string& name = "year");
  // A date YYYY-MM-DD within kQueryLimits.first_date … last_date.
  std::optional<Date> DateParam(const std::string& name, Need need = Need::kOptional);
  Date DateOr(const std::string& name, const Date& fallback);
  // ?as_of= (default: the request's today, the product's one clock).
  Date AsOf();
  // true/1 or false/0; not sent: false.
  bool Flag(const std::string& name);
  // One of `allowed` (the problem lists them); not sent: `fallback` (nothing when empty).
  std::optional<std::string> OneOf(const std::string& name, const std::vector<std::string>& allowed,
                                   const std::string& fallback = "");
  // A comma-separated list, empty items dropped ("a,,b" → a, b); not sent: empty.
  std::vector<std::string> List(const std::string& name) const;
  // ?offset= (0 … kQueryLimits.offset) and ?limit= (1 … max_limit; not sent: default_limit, where
  // 0 is the whole list). max_limit is at most kQueryLimits.page_size unless the route is an
  // export (kQueryLimits.export_rows).
  PageParams Page(int64_t default_limit, int64_t max_limit);
  // ?<from_name>=&<to_name>= (defaults when not sent): at most kQueryLimits.range_days days from
  // `from` to `to`, both included, else one problem naming `to_name` (a `to` before `from` is left
  // to the service: an empty period).
  std::pair<Date, Date> DateRange(const std::string& from_name, const Date& default_from,
                                  const std::string& to_name, const Date& default_to);

  // Records a problem found by the handler itself (a value well-formed but unknown to it).
  void Add(const std::string& name, const std::string& value, std::string reason);
  const Problems& problems() const { return problems_; }
  // Ok, or the 400 naming every bad parameter.
  Status Check() const;

  // Runs `fn` (→ Result<json>) when every parameter read so far was well-formed and replies with
  // its JSON; otherwise the 400, without calling the service.
  template <class F>
  Result<Reply> Then(F&& fn, int status = 200) const {
    if (!problems_.empty()) return BadQuery(problems_);
    auto r = fn();
    if (!r) return r.error();
    return Reply::Json(std::move(r.value()), status);
  }

 private:
  const Call& call_;
  Problems problems_;
};

// The handler of a download offered in `formats` (?format=, the first when not sent; another
// value is the usual 400): fn(call, format) → Result<D>, D having bytes, content_type, filename.
template <class F>
Handler DownloadHandler(std::vector<std::string> formats, F fn) {
  return [formats = std::move(formats), fn = std::move(fn)](Call& c) -> Result<Reply> {
    QueryParams q(c);
    const std::string format = q.OneOf("format", formats, formats.front()).value_or("");
    if (auto st = q.Check(); !st) return st.error();
    auto d = fn(c, format);
    if (!d) return d.error();
    return Reply::File(std::move(d->bytes), d->content_type, d->filename);
  };
}

// The handler of a read as of a date (?as_of=, default the request's today) with further query
// parameters: read(q, as_of) → A reads them (recording every problem in q), then fn(call, as_of, a)
// → Result<T> runs only when all of them, as_of included, are well-formed; otherwise the 400.
template <class Read, class F>
Handler AsOfHandler(Read read, F fn) {
  return [read = std::move(read), fn = std::move(fn)](Call& c) -> Result<Reply> {
    QueryParams q(c);
    const Date as_of = q.AsOf();
    const auto args = read(q, as_of);
    return q.Then([&] { return fn(c, as_of, args); });
  };
}

// The same with no typed parameter besides as_of: fn(call, as_of) → Result<T> (it may read text
// parameters, which are never malformed, with Call::Query).
template <class F>
Handler AsOfHandler(F fn) {
  return AsOfHandler([](QueryParams&, const Date&) { return 0; },
                     [fn = std::move(fn)](Call& c, const Date& as_of, int) { return fn(c, as_of); });
}

// The filter of every route that selects projects (list, export, Gantt): region, town,
// category, level, kind, track, stage, q (text), leader, unit, year, archived, sort, order.
// Paging is not part of it: a route that pages reads q.Page() itself.
store::ProjectFilter ProjectFilterFrom(QueryParams& q);

}  // namespace gj::api
