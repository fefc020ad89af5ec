// The journal: every change, who made it, when, and each field old → new. Written in the same
// transaction as the change itself, so a change without its journal entry cannot exist.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/table.h"

namespace gj::store {

// One field of an entity: its column, how to read its stored value from the record, and whether
// (and how) the journal shows it. An entity's field list feeds both its writes (ValuesOf) and
// its journal entries (JournalDiff), so what is written and what is journaled cannot drift apart.
template <class T>
struct Field {
  enum Journal { kJournaled, kJournaledAsBool, kNotJournaled };
  std::string_view column;
  Value (*get)(const T&);
  Journal journal = kJournaled;
};
template <class T>
using Fields = std::vector<Field<T>>;

// The journal's JSON for a stored value: NULL → null, numbers and text as they are; with
// `as_bool`, an integer flag → true/false.
nlohmann::json JournalValue(const Value& v, bool as_bool = false);

// The values of a write of `record`: every field, in list order.
template <class T>
ColumnValues ValuesOf(const Fields<T>& fields, const T& record) {
  ColumnValues out;
  out.reserve(fields.size());
  for (const auto& f : fields) out.emplace_back(f.column, f.get(record));
  return out;
}

// The journal's changes between two states of one record: {"field","old","new"} for each
// journaled field whose value differs, in list order (an empty array when nothing changed).
template <class T>
nlohmann::json JournalDiff(const Fields<T>& fields, const T& before, const T& after) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : fields) {
    if (f.journal == Field<T>::kNotJournaled) continue;
    const bool as_bool = f.journal == Field<T>::kJournaledAsBool;
    nlohmann::json old_value = JournalValue(f.get(before), as_bool), new_value = JournalValue(f.get(after), as_bool);
    if (old_value != new_value) out.push_back({{"field", f.column}, {"old", std::move(old_value)}, {"new", std::move(new_value)}});
  }
  return out;
}

// `changes` is an array of {"field","old","new"}.
void WriteJournal(Connection& c, const std::string& entity, int64_t entity_id, const std::string& action,
                  std::optional<int64_t> user_id, const std::string& at, const nlohmann::json& changes);
// The same with `changes` already serialized (bulk imports).
void WriteJournalText(Connection& c, const std::string& entity, int64_t entity_id, const std::string& action,
                      std::optional<int64_t> user_id, const std::string& at, const std::string& changes_json);
// Newest first: id, at, user_id, user_name, action, changes (JSON text).
Rows ReadJournal(Connection& c, const std::string& entity, int64_t entity_id);

}  // namespace gj::store
