// The one way a typed value is written as a JSON object: a field list per type, in the spirit of
// the store's (store/fields.h). The API writes its results with it (api/json), and a service that
// keeps a value as JSON text writes it with the same list. (common/json_field.h is the reader.)
// GJ_JSON_FIELDS(T, a, b, c) is the list of members a, b, c of T, each keyed by its own name, so a
// member is named once and its key cannot drift from it. A field that is not that names itself:
// JField<&T::m>("key") (another key), JField<&Row::fact, &Fact::id>("id") (the member at the end
// of a path), JFieldOrNull, JFieldOf (computed from the record), JObject (a nested list), or
// JField<&T::m>("key", write) (a writer of its own). The member's type decides its JSON value
// (JsonValue below). Join(…) puts lists and fields one after the other, in the order written;
// Lift<&View::row>(list) reuses a member's list in the record that holds it. WriteObject /
// ObjectOf / ArrayOf write a value or a vector of them from the list. A reader that takes members
// by their keys names them once too: GJ_JSON_MEMBERS(read, t, a, b) calls read("a", t.a), then b.
//
// Contract: every field of a list is written, in list order, so a field is never absent by
// accident (an optional without a value, or a text JFieldOrNull keeps empty, is JSON null).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/for_each.h"

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
// Lift<&View::row>(kRowFields)). The result keeps copies of the fields' writers.
template <auto kMember, class U>
auto Lift(const JFields<U>& fields) {
  using T = decltype(json_detail::ClassOf(kMember));
  JFields<T> out;
  out.reserve(fields.size());
  for (const auto& f : fields) {
    out.push_back({f.name, [value = f.value](const T& t) { return value(t.*kMember); }});
  }
  return out;
}

namespace json_detail {
template <class T>
void Append(JFields<T>& out, const JsonField<T>& field) {
  out.push_back(field);
}
template <class T>
void Append(JFields<T>& out, const JFields<T>& fields) {
  out.insert(out.end(), fields.begin(), fields.end());
}
}  // namespace json_detail

// The parts (fields and lists of fields of T) one after the other, in the order given.
template <class T, class... Parts>
JFields<T> Join(const Parts&... parts) {
  JFields<T> out;
  (json_detail::Append<T>(out, parts), ...);
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
// A member written as an object (or array of objects, or null) of its own field list (kept as a copy).
template <auto kFirst, auto... kRest, class U>
auto JObject(std::string_view name, const JFields<U>& fields) {
  return JField<kFirst, kRest...>(name, [fields](const auto& m) -> nlohmann::json {
    using M = std::decay_t<decltype(m)>;
    if constexpr (std::is_same_v<M, std::vector<U>>) return ArrayOf(m, fields);
    else if constexpr (std::is_same_v<M, std::optional<U>>)
      return m ? ObjectOf(*m, fields) : nlohmann::json(nullptr);
    else return ObjectOf(m, fields);
  });
}

}  // namespace gj

// The fields of members m… of T, each keyed by the member's name: GJ_JSON_FIELDS(Row, id, name)
// is {JField<&Row::id>("id"), JField<&Row::name>("name")}. T must name the type without a comma.
#define GJ_JSON_FIELDS(T, ...) (::gj::JFields<T>{GJ_FOR_EACH(GJ_JSON_FIELD_OF, T, __VA_ARGS__)})
#define GJ_JSON_FIELD_OF(T, m) ::gj::JField<&T::m>(#m),

// The same for a reader that takes a member by its key: GJ_JSON_MEMBERS(read, t, name, region) is
// read("name", t.name); read("region", t.region); (in list order; `t` an lvalue, `read` a callable).
#define GJ_JSON_MEMBERS(read, t, ...) GJ_FOR_EACH(GJ_JSON_MEMBER_OF, (read, t), __VA_ARGS__)
#define GJ_JSON_MEMBER_OF(read_and_t, m) GJ_JSON_MEMBER_CALL(GJ_JSON_UNPAREN read_and_t, m)
#define GJ_JSON_UNPAREN(...) __VA_ARGS__
#define GJ_JSON_MEMBER_CALL(...) GJ_JSON_MEMBER_CALL_(__VA_ARGS__)
#define GJ_JSON_MEMBER_CALL_(read, t, m) read(#m, t.m);
