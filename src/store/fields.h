// One field list per table drives reading, writing and the journal. A field built from a member
// (Col<&T::m>("column")) knows, from the member's type, how to read its column from a RowReader
// and how to write its value by the null rule of row.h; a store reads a record with ReadInto /
// RecordOf, writes it with ValuesOf / InsertValuesOf, and journals it with JournalDiff (journal.h),
// all from the same list, so the three cannot drift apart.
//
// A list names each member once: GJ_COLUMNS(T, id, name, …) is the field of each member in the
// column of the same name (GJ_COLUMNS_IN(T::part, …) for the members of a nested struct), a
// column named otherwise is an explicit Col<&T::m>("column") joined with .And(…), and the
// modifiers are applied by column name (.ReadOnly({"id", "version"})). The table's column list
// is TableOf(name, the lists…), plus .With({…}) for the columns a store writes beside the record.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/for_each.h"
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
  // For a text member: `get` with "" written as NULL (what OrNull switches to); else nullptr.
  Value (*get_or_null)(const T&) = nullptr;

  // Modifiers for the list's declaration: Col<&T::m>("m").NotJournaled().
  constexpr Field NotJournaled() const { return With(&Field::journal, kNotJournaled); }
  constexpr Field JournaledAsBool() const { return With(&Field::journal, kJournaledAsBool); }
  constexpr Field OnInsert() const { return With(&Field::write, Write::kOnInsert); }
  constexpr Field OnUpdate() const { return With(&Field::write, Write::kOnUpdate); }
  // A field set on insert that no update changes, so the journal never shows it (a row's owner).
  constexpr Field Fixed() const { return OnInsert().NotJournaled(); }
  // A field no write carries and the journal never shows (id, version, joined columns).
  constexpr Field ReadOnly() const { return With(&Field::write, Write::kNever).NotJournaled(); }
  // A text field for which "" means absent (a date not yet set): written as NULL, read back as "".
  // Throws std::logic_error for a field that is not of a text member.
  Field OrNull() const {
    if (!get_or_null)
      throw std::logic_error("column " + std::string(column) + " is not text: it cannot be OrNull");
    return With(&Field::get, get_or_null);
  }

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
  using V = std::remove_cvref_t<decltype(field_detail::At<kFirst, kRest...>(std::declval<T&>()))>;
  if constexpr (std::is_same_v<V, std::string>)
    f.get_or_null = [](const T& t) { return NullIfEmpty(field_detail::At<kFirst, kRest...>(t)); };
  return f;
}

// Col(…).OrNull(): a text field for which "" means absent.
template <auto kFirst, auto... kRest>
auto ColOrNull(std::string_view column) {
  return Col<kFirst, kRest...>(column).OrNull();
}

// A field list as it is declared: fields joined in order, then modifiers applied by column name.
// A name that is not exactly one column of the list throws std::logic_error, so a misspelt
// modifier of a namespace-scope list stops the program at start-up (and every test binary)
// instead of being ignored. Converts to the Fields<T> the store keeps.
template <class T>
class FieldList {
 public:
  using Names = std::initializer_list<std::string_view>;

  explicit FieldList(Fields<T> fields) : fields_(std::move(fields)) {}

  // Joins more fields after these (columns named otherwise than their member, nested paths).
  FieldList& And(Field<T> field) {
    fields_.push_back(std::move(field));
    return *this;
  }
  FieldList& And(const FieldList& more) {
    fields_.insert(fields_.end(), more.fields_.begin(), more.fields_.end());
    return *this;
  }

  FieldList& NotJournaled(Names columns) { return Mark(columns, &Field<T>::NotJournaled); }
  FieldList& JournaledAsBool(Names columns) { return Mark(columns, &Field<T>::JournaledAsBool); }
  FieldList& OnInsert(Names columns) { return Mark(columns, &Field<T>::OnInsert); }
  FieldList& OnUpdate(Names columns) { return Mark(columns, &Field<T>::OnUpdate); }
  FieldList& Fixed(Names columns) { return Mark(columns, &Field<T>::Fixed); }
  FieldList& ReadOnly(Names columns) { return Mark(columns, &Field<T>::ReadOnly); }
  FieldList& OrNull(Names columns) { return Mark(columns, &Field<T>::OrNull); }

  operator Fields<T>() const { return fields_; }

 private:
  FieldList& Mark(Names columns, Field<T> (Field<T>::*modify)() const) {
    for (std::string_view column : columns) {
      const auto named = [&](const Field<T>& f) { return f.column == column; };
      const auto n = std::count_if(fields_.begin(), fields_.end(), named);
      if (n != 1)
        throw std::logic_error("a field list has " + std::to_string(n) + " columns " + std::string(column) +
                               " to modify (it needs exactly one)");
      auto& f = *std::find_if(fields_.begin(), fields_.end(), named);
      f = (f.*modify)();
    }
    return *this;
  }

  Fields<T> fields_;
};

// The fields of explicit Col(…)s, as a list to join to or modify (the class is deduced).
template <class T>
FieldList<T> FieldsOf(std::initializer_list<Field<T>> fields) {
  return FieldList<T>(Fields<T>(fields));
}

// GJ_COLUMNS(T, a, b): the fields of T's members a and b, each in the column of its name.
#define GJ_COLUMNS(T, ...) \
  ::gj::store::FieldList<T>(::gj::store::Fields<T>{GJ_FOR_EACH(GJ_PP_COLUMN, T, __VA_ARGS__)})
#define GJ_PP_COLUMN(T, m) ::gj::store::Col<&T::m>(#m),
// GJ_COLUMNS_IN(T::part, a, b): the fields of the members a and b of T's nested struct `part`.
#define GJ_COLUMNS_IN(PATH, ...) ::gj::store::FieldsOf({GJ_FOR_EACH(GJ_PP_COLUMN_IN, PATH, __VA_ARGS__)})
#define GJ_PP_COLUMN_IN(PATH, m) ::gj::store::Col<&PATH, &decltype(PATH)::m>(#m),

// The table `name` of one or more field lists: every column of the lists, in order. Throws
// std::logic_error when two fields name one column (one column, one field).
template <class... T>
Table TableOf(std::string name, const Fields<T>&... lists) {
  Table t{std::move(name), {}};
  const auto add = [&t](const auto& fields) {
    for (const auto& f : fields) t.Add(f.column);
  };
  (add(lists), ...);
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

// A reader for ReadRows / ReadOne: a default record with every field of `fields` read, and of
// the `joined` lists (what a join adds to the record's own columns).
template <class T, class... Joined>
auto RecordOf(const Fields<T>& fields, const Joined&... joined) {
  return [&fields, &joined...](RowReader& r) {
    T record{};
    ReadInto(fields, r, record);
    (ReadInto(joined, r, record), ...);
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
