// The one reader of typed fields from a JSON object. Each getter returns the value, or nothing
// and a problem (field, value as sent, reason) added to the caller's Problems, so a request with
// several bad fields is answered with all of them at once instead of the first.
//
// Contract: an absent field, or one that is JSON null, is "not sent": nothing is returned, and
// it is a problem only when the field is Need::kRequired. A field of the wrong JSON type or out
// of range is always a problem. Nothing throws.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"

namespace gj {

enum class Need { kOptional, kRequired };

// Inclusive bounds of an integer field or parameter.
struct IntRange {
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
};

// How a value was sent, for the `value` of a problem: strings as they are, anything else as
// compact JSON, cut to a length a person can read in an error message.
std::string ShownValue(const nlohmann::json& v);

// Reasons shared with the query-parameter reader, so a field and a parameter that are wrong in
// the same way are described in the same words.
std::string IntReason(const IntRange& range);
inline constexpr const char* kDateReason = "must be a date YYYY-MM-DD";
inline constexpr const char* kRequiredReason = "is required";
std::string OneOfReason(const std::vector<std::string>& allowed);

class JsonFields {
 public:
  // `object` and `problems` must outlive the reader. `prefix` names nested fields
  // ("months[3]." …). When `object` is not a JSON object, that is one problem (field "body", or
  // the prefix without its dot) and every getter then returns nothing without adding more.
  JsonFields(const nlohmann::json& object, Problems& problems, std::string prefix = "");
  // The reader keeps a reference: a temporary would dangle.
  JsonFields(nlohmann::json&&, Problems&, std::string = "") = delete;

  bool is_object() const { return object_.is_object(); }

  std::optional<std::string> Text(const std::string& name, Need need = Need::kOptional);
  std::optional<int64_t> Int(const std::string& name, Need need = Need::kOptional, IntRange range = {});
  std::optional<double> Number(const std::string& name, Need need = Need::kOptional);
  std::optional<bool> Bool(const std::string& name, Need need = Need::kOptional);
  // A string "YYYY-MM-DD" naming a real day.
  std::optional<Date> DateField(const std::string& name, Need need = Need::kOptional);
  // A string that is one of `allowed` (the problem lists them).
  std::optional<std::string> OneOf(const std::string& name, const std::vector<std::string>& allowed,
                                   Need need = Need::kOptional);
  // The raw array or object, for the caller to read further (e.g. with a nested JsonFields).
  const nlohmann::json* Array(const std::string& name, Need need = Need::kOptional);
  const nlohmann::json* Object(const std::string& name, Need need = Need::kOptional);

  // Every field of the object that no getter has asked for is a problem "unknown field": a
  // misspelt optional field would otherwise be silently ignored. Call after all the getters.
  void RejectUnknown();

 private:
  // The field's value when it was sent; records it as read either way.
  const nlohmann::json* Find(const std::string& name, Need need);
  void Add(const std::string& name, const nlohmann::json& value, std::string reason);
  // The field's value when it was sent and `is` holds for it; else nothing (a problem if sent).
  using IsType = bool (nlohmann::json::*)() const noexcept;
  const nlohmann::json* OfType(const std::string& name, Need need, IsType is, const char* reason);

  const nlohmann::json& object_;
  Problems& problems_;
  std::string prefix_;
  std::set<std::string> read_;
};

}  // namespace gj
