#include "common/json_field.h"

#include <cmath>

#include "common/body_date.h"
#include "common/json_limits.h"

namespace gj {

namespace {
constexpr size_t kMaxShownChars = 80;
}  // namespace

std::string ShownValue(const nlohmann::json& v) {
  // Never the whole value: a user's value may be megabytes, or nested thousands deep.
  if (!v.is_string()) return BoundedDump(v, kMaxShownChars);
  const auto& s = v.get_ref<const std::string&>();
  const size_t cut = Utf8Prefix(s, kMaxShownChars);
  return cut == s.size() ? s : s.substr(0, cut) + "…";
}

std::string IntReason(const IntRange& range) {
  constexpr IntRange kAny;
  if (range.min == kAny.min && range.max == kAny.max) return "must be an integer";
  if (range.max == kAny.max) return "must be an integer ≥ " + std::to_string(range.min);
  if (range.min == kAny.min) return "must be an integer ≤ " + std::to_string(range.max);
  return "must be an integer from " + std::to_string(range.min) + " to " + std::to_string(range.max);
}

std::string OneOfReason(const std::vector<std::string>& allowed) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < allowed.size(); ++i) out += (i ? ", " : "") + allowed[i];
  return out;
}

JsonFields::JsonFields(const nlohmann::json& object, Problems& problems, std::string prefix)
    : object_(object), problems_(problems), prefix_(std::move(prefix)) {
  if (!object_.is_object()) {
    const std::string where =
        prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - (prefix_.back() == '.'));
    problems_.Add(where, ShownValue(object_), "must be a JSON object");
  }
}

const nlohmann::json* JsonFields::Find(const std::string& name, Need need) {
  read_.insert(name);
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) {
    if (need == Need::kRequired) problems_.Add(prefix_ + name, "", kRequiredReason);
    return nullptr;
  }
  return &*it;
}

void JsonFields::Add(const std::string& name, const nlohmann::json& value, std::string reason) {
  problems_.Add(prefix_ + name, ShownValue(value), std::move(reason));
}

const nlohmann::json* JsonFields::OfType(const std::string& name, Need need, IsType is, const char* reason) {
  const auto* v = Find(name, need);
  if (v && !(v->*is)()) {
    Add(name, *v, reason);
    return nullptr;
  }
  return v;
}

std::optional<std::string> JsonFields::Text(const std::string& name, Need need) {
  const auto* v = OfType(name, need, &nlohmann::json::is_string, "must be a string");
  return v ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
}

std::optional<int64_t> JsonFields::Int(const std::string& name, Need need, IntRange range) {
  const auto* v = Find(name, need);
  if (!v) return std::nullopt;
  // 3.0 is accepted as 3: JavaScript clients do not distinguish integers from other numbers.
  std::optional<int64_t> out;
  if (v->is_number_unsigned()) {
    if (v->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      out = v->get<int64_t>();
  } else if (v->is_number_integer()) {
    out = v->get<int64_t>();
  } else if (v->is_number_float()) {
    const double d = v->get<double>();
    if (std::trunc(d) == d && std::abs(d) < 9e15) out = static_cast<int64_t>(d);
  }
  if (!out || *out < range.min || *out > range.max) {
    Add(name, *v, IntReason(range));
    return std::nullopt;
  }
  return out;
}

std::optional<double> JsonFields::Number(const std::string& name, Need need) {
  const auto* v = OfType(name, need, &nlohmann::json::is_number, "must be a number");
  return v ? std::optional<double>(v->get<double>()) : std::nullopt;
}

std::optional<bool> JsonFields::Bool(const std::string& name, Need need) {
  const auto* v = OfType(name, need, &nlohmann::json::is_boolean, "must be true or false");
  return v ? std::optional<bool>(v->get<bool>()) : std::nullopt;
}

std::optional<Date> JsonFields::DateField(const std::string& name, Need need) {
  const auto* v = Find(name, need);
  if (!v) return std::nullopt;
  std::optional<Date> d;
  if (v->is_string()) d = ParseIsoDate(v->get<std::string>());
  if (!d) {
    Add(name, *v, kDateReason);
  } else if (!InBodyDateRange(*d)) {
    Add(name, *v, kBodyDateRangeReason);
    d.reset();
  }
  return d;
}

std::optional<std::string> JsonFields::OneOf(const std::string& name, const std::vector<std::string>& allowed,
                                             Need need) {
  const auto* v = Find(name, need);
  if (!v) return std::nullopt;
  for (const auto& a : allowed) {
    if (v->is_string() && v->get<std::string>() == a) return a;
  }
  problems_.Add({prefix_ + name, ShownValue(*v), OneOfReason(allowed), 0, allowed});
  return std::nullopt;
}

const nlohmann::json* JsonFields::Array(const std::string& name, Need need) {
  return OfType(name, need, &nlohmann::json::is_array, "must be an array");
}

const nlohmann::json* JsonFields::Object(const std::string& name, Need need) {
  return OfType(name, need, &nlohmann::json::is_object, "must be an object");
}

void JsonFields::RejectUnknown() {
  if (!object_.is_object()) return;
  for (const auto& [key, value] : object_.items()) {
    if (!read_.count(key)) Add(key, value, "unknown field");
  }
}

}  // namespace gj
