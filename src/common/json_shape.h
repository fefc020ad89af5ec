// The one way a typed value is written as a JSON object: a field list per type, in the spirit of
// the store's (store/fields.h). The API writes its results with it (api/json), and a service that
// keeps a value as JSON text writes it with the same list. (common/json_field.h is the reader.)
// JField<&T::m>("name") builds a field from a member (or from the member at the end of a path,
// JField<&Row::fact, &Fact::id>), and the member's type decides its JSON value (JsonValue below); WriteObject
// / ObjectOf / ArrayOf write a value or a vector of them from the list. A field the value rule does not cover
// names its own writer.
//
// Contract: every field of a list is written, in list order, so a field is never absent by
// accident: an optional without a value, or a text JFieldOrNull keeps empty, is JSON null.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"

namespace gj {

// The JSON value of a member: a Date as "YYYY-MM-DD", an optional as its value or null, a vector
// as the array of its elements' values, anything else as nlohmann writes it (numbers, bools,
// strings, and the types with a to_json of their own, found by ADL).
inline nlohmann::json JsonValue(const Date& d) { return d.ToString(); }
template <class V>
nlohmann::json JsonValue(const V& v);
template <class V>
nlohmann::json JsonValue(const std::optional<V>& v);
template <class V>
nlohmann::json JsonValue(const std::vector<V>& items);
template <class V>
nlohmann::json JsonValue(const std::optional<V>& v) {
  return v ? JsonValue(*v) : nlohmann::json(nullptr);
}
template <class V>
nlohmann::json JsonValue(const std::vector<V>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& x : items) out.push_back(JsonValue(x));
  return out;
}
template <class V>
nlohmann::json JsonValue(const V& v) {
  return nlohmann::json(v);
}

// A text for which "" means "not set": null then.
inline nlohmann::json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// One field of a type's JSON object: its name and how to get its value from the record.
template <class T>
struct JsonField {
  std::string_view name;
  std::function<nlohmann::json(const T&)> value;
};
template <class T>
using JFields = std::vector<JsonField<T>>;

namespace json_detail {

// The class of a member pointer (only for decltype).
template <class C, class V>
C ClassOf(V C::*);

// The member at the end of a path of member pointers: ((t.*k1).*k2)…
template <auto... kPath, class T>
const auto& At(const T& t) {
  return (t.*....*kPath);
}

}  // namespace json_detail

// The field of member kFirst (or of the member at the end of the path kFirst, kRest…), written
// by the value rule, or by `write` (a callable taking the member) when one is given.
template <auto kFirst, auto... kRest>
JsonField<decltype(json_detail::ClassOf(kFirst))> JField(std::string_view name) {
  return {name, [](const auto& t) { return JsonValue(json_detail::At<kFirst, kRest...>(t)); }};
}
template <auto kFirst, auto... kRest, class F>
JsonField<decltype(json_detail::ClassOf(kFirst))> JField(std::string_view name, F write) {
  return {name,
          [write](const auto& t) { return nlohmann::json(write(json_detail::At<kFirst, kRest...>(t))); }};
}
// A text member for which "" means "not set": written as null.
template <auto kFirst, auto... kRest>
auto JFieldOrNull(std::string_view name) {
  return JField<kFirst, kRest...>(name, TextOrNull);
}
// A field computed from the whole record (a name looked up, a flag derived).
template <class T, class F>
JsonField<T> JFieldOf(std::string_view name, F write) {
  return {name, [write](const T& t) { return nlohmann::json(write(t)); }};
}

// The fields of a member's list as fields of the record that holds it (a view and its stored row:
// Lift<&View::row>(kRowFields)); `fields` must outlive the result (a list of static storage).
template <auto kMember, class U>
auto Lift(const JFields<U>& fields) {
  using T = decltype(json_detail::ClassOf(kMember));
  JFields<T> out;
  for (const auto& f : fields) out.push_back({f.name, [&f](const T& t) { return f.value(t.*kMember); }});
  return out;
}
// The lists one after the other.
template <class T>
JFields<T> Join(std::initializer_list<JFields<T>> lists) {
  JFields<T> out;
  for (const auto& l : lists) out.insert(out.end(), l.begin(), l.end());
  return out;
}

// Writes the fields of `fields` from `value` into the object `j` (made an object if it is null;
// members it has already keep their place, same-named ones are replaced).
template <class T>
void WriteObject(nlohmann::json& j, const T& value, const JFields<T>& fields) {
  if (j.is_null()) j = nlohmann::json::object();
  for (const auto& f : fields) j[f.name] = f.value(value);
}
template <class T>
nlohmann::json ObjectOf(const T& value, const JFields<T>& fields) {
  nlohmann::json j = nlohmann::json::object();
  WriteObject(j, value, fields);
  return j;
}
// The array of the objects of `items`.
template <class T>
nlohmann::json ArrayOf(const std::vector<T>& items, const JFields<T>& fields) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& x : items) out.push_back(ObjectOf(x, fields));
  return out;
}
// The array of what `write` makes of each of `items`.
template <class T, class F>
nlohmann::json ArrayOf(const std::vector<T>& items, F&& write) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& x : items) out.push_back(write(x));
  return out;
}
// A member written as an object (or array of objects, or null) of its own field list.
template <auto kFirst, auto... kRest, class U>
auto JObject(std::string_view name, const JFields<U>& fields) {
  return JField<kFirst, kRest...>(name, [&fields](const auto& m) -> nlohmann::json {
    using M = std::decay_t<decltype(m)>;
    if constexpr (std::is_same_v<M, std::vector<U>>) return ArrayOf(m, fields);
    else if constexpr (std::is_same_v<M, std::optional<U>>)
      return m ? ObjectOf(*m, fields) : nlohmann::json(nullptr);
    else return ObjectOf(m, fields);
  });
}

}  // namespace gj
