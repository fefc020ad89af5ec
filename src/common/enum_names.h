// An enum's stored (and answered) names as one table, so the name of a value and the value of a
// name are read from the same rows and cannot drift apart. Policy as data, as the permission and
// workflow tables.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace gj {

template <class E>
struct EnumName {
  E value;
  const char* name;
};

// The name of `v`; the table's first row's for a value the table does not list (none is expected:
// a table lists every value of its enum).
template <class E, size_t N>
constexpr const char* NameOf(const EnumName<E> (&table)[N], E v) {
  for (const auto& row : table) {
    if (row.value == v) return row.name;
  }
  return table[0].name;
}

// The value named `name`, or nullopt for a name the table does not list.
template <class E, size_t N>
constexpr std::optional<E> ValueOf(const EnumName<E> (&table)[N], std::string_view name) {
  for (const auto& row : table) {
    if (name == row.name) return row.value;
  }
  return std::nullopt;
}

}  // namespace gj
