// One field list per table drives reading, writing and the journal. A field built from a member
// (Col<&T::m>("column")) knows, from the member's type, how to read its column from a RowReader
// and how to write its value by the null rule of row.h; a store reads a record with ReadInto /
// RecordOf, writes it with ValuesOf / InsertValuesOf, and journals it with JournalDiff (journal.h),
// all from the same list, so the three cannot drift apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/date.h"
#include "store/db.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

// Which writes carry a field: every write, only the insert (what a row never changes: its
// region, its creation time), only an update (what a new row takes from the column's default:
// a decision not yet made), or none (what the database assigns: id, version).
enum class Write { kAlways, kOnInsert, kOnUpdate, kNever };

// One field of an entity: its column, how to get its stored value from the record, whether (and
// how) the journal shows it, how to read it back from a row, and which writes carry it.
template <class T>
struct Field {
  enum Journal { kJournaled, kJournaledAsBool, kNotJournaled };
  std::string_view column;
  Value (*get)(const T&) = nullptr;
  Journal journal = kJournaled;
  void (*read)(RowReader&, std::string_view column, T&) = nullptr;  // nullptr: written, never read back
  Write write = Write::kAlways;

  // Modifiers for the list's declaration: Col<&T::m>("m").NotJournaled().
  constexpr Field NotJournaled() const { return With(&Field::journal, kNotJournaled); }
  constexpr Field JournaledAsBool() const { return With(&Field::journal, kJournaledAsBool); }
  constexpr Field OnInsert() const { return With(&Field::write, Write::kOnInsert); }
  constexpr Field OnUpdate() const { return With(&Field::write, Write::kOnUpdate); }
  // A field set on insert that no update changes, so the journal never shows it (a row's owner).
  constexpr Field Fixed() const { return OnInsert().NotJournaled(); }
  // A field no write carries and the journal never shows (id, version, joined columns).
  constexpr Field ReadOnly() const { return With(&Field::write, Write::kNever).NotJournaled(); }

 private:
  template <class M, class V>
  constexpr Field With(M Field::*member, V v) const {
    Field f = *this;
    f.*member = v;
    return f;
  }
};
template <class T>
using Fields = std::vector<Field<T>>;

namespace field_detail {

template <class M>
struct MemberOf;
template <class C, class V>
struct MemberOf<V C::*> {
  using Class = C;
};

// The member at the end of a path of member pointers (a nested struct's member: &Row::e, &E::tax).
template <auto kFirst, auto... kRest, class T>
constexpr auto& At(T& t) {
  if constexpr (sizeof...(kRest) == 0) return t.*kFirst;
  else return At<kRest...>(t.*kFirst);
}

template <class V>
struct IsOptional : std::false_type {};
template <class V>
struct IsOptional<std::optional<V>> : std::true_type {};

// The stored form of a member value by the null rule.
template <class V>
Value Stored(const V& v) {
  if constexpr (std::is_same_v<V, bool>) return int64_t{v ? 1 : 0};
  else if constexpr (std::is_same_v<V, std::optional<gj::Date>>) return DateValue(v);
  else if constexpr (std::is_same_v<V, gj::Date>) return DateValue(v);
  else if constexpr (IsOptional<V>::value) return Opt(v);
  else if constexpr (std::is_integral_v<V>) return int64_t{v};
  else return v;
}

// A member value read from its column by the null rule.
template <class V>
void Read(RowReader& r, std::string_view column, V& out) {
  if constexpr (std::is_same_v<V, bool>) out = r.Bool(column);
  else if constexpr (std::is_same_v<V, std::string>) out = r.Text(column);
  else if constexpr (std::is_same_v<V, std::optional<std::string>>) out = r.OptText(column);
  else if constexpr (std::is_same_v<V, double>) out = r.Double(column);
  else if constexpr (std::is_same_v<V, std::optional<double>>) out = r.OptDouble(column);
  else if constexpr (std::is_same_v<V, gj::Date>) out = r.Date(column);
  else if constexpr (std::is_same_v<V, std::optional<gj::Date>>) out = r.OptDate(column);
  else if constexpr (std::is_integral_v<V>) out = static_cast<V>(r.Int(column));
  else if constexpr (IsOptional<V>::value) {
    const auto v = r.OptInt(column);
    out = v ? std::optional<typename V::value_type>(static_cast<typename V::value_type>(*v)) : std::nullopt;
  } else static_assert(sizeof(V) == 0, "no column form for this member type");
}

}  // namespace field_detail

// The field of member kFirst (or of the member at the end of the path kFirst, kRest…), stored in
// `column`.
template <auto kFirst, auto... kRest>
constexpr auto Col(std::string_view column) {
  using T = typename field_detail::MemberOf<decltype(kFirst)>::Class;
  Field<T> f;
  f.column = column;
  f.get = [](const T& t) { return field_detail::Stored(field_detail::At<kFirst, kRest...>(t)); };
  f.read = [](RowReader& r, std::string_view c, T& t) {
    field_detail::Read(r, c, field_detail::At<kFirst, kRest...>(t));
  };
  return f;
}

// A text field for which "" means absent (a date not yet set): written as NULL, read back as "".
template <auto kFirst, auto... kRest>
constexpr auto ColOrNull(std::string_view column) {
  auto f = Col<kFirst, kRest...>(column);
  using T = typename field_detail::MemberOf<decltype(kFirst)>::Class;
  f.get = [](const T& t) { return NullIfEmpty(field_detail::At<kFirst, kRest...>(t)); };
  return f;
}

// The table of a field list: its name and every column of the list, in list order.
template <class T>
Table TableOf(std::string name, const Fields<T>& fields) {
  Table t{std::move(name), {}};
  for (const auto& f : fields) t.columns.emplace_back(f.column);
  return t;
}

// Reads every readable field of `fields` from the row `r` is bound to into `record`. The result
// must have each of their columns (a missing one is a programming error, as in RowReader).
template <class T>
T& ReadInto(const Fields<T>& fields, RowReader& r, T& record) {
  for (const auto& f : fields) {
    if (f.read) f.read(r, f.column, record);
  }
  return record;
}

// A reader for ReadRows / ReadOne: a default record with every field of `fields` read.
template <class T>
auto RecordOf(const Fields<T>& fields) {
  return [&fields](RowReader& r) {
    T record{};
    ReadInto(fields, r, record);
    return record;
  };
}

namespace field_detail {
// The values of the fields every write carries and those that only `write` carries, in list order.
template <class T>
ColumnValues ValuesFor(const Fields<T>& fields, const T& record, Write write) {
  ColumnValues out;
  out.reserve(fields.size());
  for (const auto& f : fields) {
    if (f.write == Write::kAlways || f.write == write) out.emplace_back(f.column, f.get(record));
  }
  return out;
}
}  // namespace field_detail

// The values of an update of `record`: the fields every write carries and those set on update.
template <class T>
ColumnValues ValuesOf(const Fields<T>& fields, const T& record) {
  return field_detail::ValuesFor(fields, record, Write::kOnUpdate);
}

// The values of an insert of `record`: the fields every write carries and those set on insert.
template <class T>
ColumnValues InsertValuesOf(const Fields<T>& fields, const T& record) {
  return field_detail::ValuesFor(fields, record, Write::kOnInsert);
}

}  // namespace gj::store
