#include "api/params.h"

#include <charconv>
#include <limits>

#include "common/json_limits.h"

namespace gj::api {

namespace {

constexpr IntRange kIdRange{1, std::numeric_limits<int64_t>::max()};
const std::vector<std::string> kFlagValues = {"true", "false", "1", "0"};

// `year="abc": must be an integer; as_of="2026-13-45": must be a date YYYY-MM-DD`: the message
// alone tells a script's author what to fix, without reading the details.
std::string Describe(const std::string& what, const Problems& pr) {
  std::string out = what;
  for (size_t i = 0; i < pr.details().size(); ++i) {
    const auto& d = pr.details()[i];
    out += (i ? "; " : ": ") + d.field;
    if (!d.value.empty()) out += "=\"" + d.value + "\"";
    out += " " + d.reason;
  }
  return out;
}

Error BadRequestWith(const std::string& what, const Problems& pr) {
  Error e = Error::BadRequest(Describe(what, pr));
  e.details = pr.details();
  return e;
}

std::optional<int64_t> ParseInt(std::string_view v) {
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return out;
}

}  // namespace

Error BadQuery(const Problems& pr) { return BadRequestWith("bad query parameters", pr); }
Error BadBody(const Problems& pr) { return BadRequestWith("bad request body", pr); }

Result<nlohmann::json> ParseJsonBody(std::string_view body, size_t max_bytes) {
  if (body.empty()) return nlohmann::json::object();
  JsonLimits limits;  // depth, values and string length as the defaults (common/json_limits.h)
  limits.max_bytes = max_bytes;
  return ParseJsonBounded(body, limits, "body");
}

bool IsIntegerPathParam(std::string_view name) { return name == "id" || name == "person"; }

Status CheckPathParams(std::string_view route_path, const http::Request& req) {
  Problems pr;
  size_t index = 1;
  for (size_t i = route_path.find('{'); i != std::string_view::npos;
       i = route_path.find('{', i + 1), ++index) {
    const std::string_view name = route_path.substr(i + 1, route_path.find('}', i) - i - 1);
    if (!IsIntegerPathParam(name) || index >= req.matches.size()) continue;
    const std::string v = req.matches[index].str();
    const auto id = ParseInt(v);
    if (!id || *id < kIdRange.min) pr.Add(std::string(name), v, IntReason(kIdRange));
  }
  if (pr.empty()) return Ok{};
  return BadRequestWith("bad path parameters", pr);
}

// ---- Call: the members that read the request live here, with the rest of the reading.

Result<nlohmann::json> Call::Body() const { return ParseJsonBody(req.body, max_json_bytes); }

// CheckPathParams has run: an integer placeholder is digits that fit int64.
int64_t Call::PathId(size_t index) const { return ParseInt(req.matches[index].str()).value_or(-1); }

std::string Call::PathText(size_t index) const { return req.matches[index].str(); }

std::string Call::Query(const std::string& name) const { return req.get_param_value(name); }

// ---- QueryParams

std::string QueryParams::Text(const std::string& name) const { return call_.Query(name); }

void QueryParams::Add(const std::string& name, const std::string& value, std::string reason) {
  problems_.Add(name, value, std::move(reason));
}

Status QueryParams::Check() const {
  if (problems_.empty()) return Ok{};
  return BadQuery(problems_);
}

std::optional<std::string> QueryParams::OptText(const std::string& name, Need need) {
  std::string v = Text(name);
  if (!v.empty()) return v;
  if (need == Need::kRequired) Add(name, "", kRequiredReason);
  return std::nullopt;
}

std::optional<int64_t> QueryParams::Int(const std::string& name, IntRange range, Need need) {
  const auto text = OptText(name, need);
  if (!text) return std::nullopt;
  const auto v = ParseInt(*text);
  if (!v || *v < range.min || *v > range.max) {
    Add(name, *text, IntReason(range));
    return std::nullopt;
  }
  return v;
}

int64_t QueryParams::IntOr(const std::string& name, int64_t fallback, IntRange range) {
  return Int(name, range).value_or(fallback);
}

std::optional<int64_t> QueryParams::Id(const std::string& name) { return Int(name, kIdRange); }

std::optional<int> QueryParams::Year(const std::string& name, Need need) {
  const auto y = Int(name, kQueryLimits.year, need);
  if (!y) return std::nullopt;
  return static_cast<int>(*y);
}

int QueryParams::YearOr(int fallback, const std::string& name) { return Year(name).value_or(fallback); }

std::optional<Date> QueryParams::DateParam(const std::string& name, Need need) {
  const auto text = OptText(name, need);
  if (!text) return std::nullopt;
  auto d = ParseIsoDate(*text);
  if (!d) {
    Add(name, *text, kDateReason);
  } else if (*d < kQueryLimits.first_date || *d > kQueryLimits.last_date) {
    Add(name, *text,
        "must be a date from " + kQueryLimits.first_date.ToString() + " to " +
            kQueryLimits.last_date.ToString());
    return std::nullopt;
  }
  return d;
}

Date QueryParams::DateOr(const std::string& name, const Date& fallback) {
  return DateParam(name).value_or(fallback);
}

Date QueryParams::AsOf() { return DateOr("as_of", call_.ctx.today); }

bool QueryParams::Flag(const std::string& name) {
  const auto v = OneOf(name, kFlagValues);
  return v && (*v == "true" || *v == "1");
}

std::optional<std::string> QueryParams::OneOf(const std::string& name,
                                              const std::vector<std::string>& allowed,
                                              const std::string& fallback) {
  const auto text = OptText(name);
  if (!text) return fallback.empty() ? std::nullopt : std::optional<std::string>(fallback);
  for (const auto& a : allowed) {
    if (*text == a) return a;
  }
  problems_.Add({name, *text, OneOfReason(allowed), 0, allowed});
  return std::nullopt;
}

std::vector<std::string> QueryParams::List(const std::string& name) const {
  std::vector<std::string> out;
  const std::string v = Text(name);
  for (size_t start = 0; start <= v.size();) {
    size_t end = v.find(',', start);
    if (end == std::string::npos) end = v.size();
    if (end > start) out.push_back(v.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

PageParams QueryParams::Page(int64_t default_limit, int64_t max_limit) {
  PageParams page;
  page.offset = IntOr("offset", 0, {0, kQueryLimits.offset});
  // Where the whole list is the default, ?limit=0 may ask for it explicitly.
  page.limit = IntOr("limit", default_limit, {default_limit == 0 ? 0 : 1, max_limit});
  return page;
}

std::pair<Date, Date> QueryParams::DateRange(const std::string& from_name, const Date& default_from,
                                             const std::string& to_name, const Date& default_to) {
  const size_t problems_before = problems_.size();
  const auto from = DateParam(from_name);
  const auto to = DateParam(to_name);
  const Date f = from.value_or(default_from), t = to.value_or(default_to);
  // A default the caller computed is as bound as a sent value: a far as_of is no way around it.
  // A malformed date is problem enough; `to` before `from` is the service's (an empty period).
  if (problems_.size() == problems_before && t.ToDays() - f.ToDays() + 1 > kQueryLimits.range_days) {
    Add(to_name, t.ToString(),
        "must be within " + std::to_string(kQueryLimits.range_days) + " days of " + from_name + " " +
            f.ToString());
  }
  return {f, t};
}

// ---- the project filter

store::ProjectFilter ProjectFilterFrom(QueryParams& q) {
  store::ProjectFilter f;
  // Text filters: any value is well-formed (an unknown code selects nothing).
  using TextSlot = std::optional<std::string> store::ProjectFilter::*;
  static const std::pair<const char*, TextSlot> kTextFilters[] = {
      {"region", &store::ProjectFilter::region},     {"town", &store::ProjectFilter::town},
      {"category", &store::ProjectFilter::category}, {"level", &store::ProjectFilter::level},
      {"kind", &store::ProjectFilter::kind},         {"track", &store::ProjectFilter::track},
      {"stage", &store::ProjectFilter::stage},       {"q", &store::ProjectFilter::q},
  };
  for (const auto& [name, slot] : kTextFilters) f.*slot = q.OptText(name);
  f.leader_id = q.Id("leader");
  f.unit_id = q.Id("unit");
  f.year = q.Year();
  f.include_archived = q.Flag("archived");
  if (auto s = q.OptText("sort")) {
    if (store::IsSortableColumn(*s)) f.sort = *s;
    else q.Add("sort", *s, "not a sortable column");
  }
  f.descending = q.OneOf("order", {"asc", "desc"}) == "desc";
  return f;
}

}  // namespace gj::api
