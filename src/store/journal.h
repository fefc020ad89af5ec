// The journal: every change, who made it, when, and each field old → new. Written in the same
// transaction as the change itself, so a change without its journal entry cannot exist.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/fields.h"

namespace gj::store {

// The journal's JSON for a stored value: NULL → null, numbers and text as they are; with
// `as_bool`, an integer flag → true/false.
nlohmann::json JournalValue(const Value& v, bool as_bool = false);

// The journal's changes between two states of one record: {"field","old","new"} for each
// journaled field whose value differs, in list order (an empty array when nothing changed).
template <class T>
nlohmann::json JournalDiff(const Fields<T>& fields, const T& before, const T& after) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : fields) {
    if (f.journal == Field<T>::kNotJournaled) continue;
    const bool as_bool = f.journal == Field<T>::kJournaledAsBool;
    nlohmann::json old_value = JournalValue(f.get(before), as_bool),
                   new_value = JournalValue(f.get(after), as_bool);
    if (old_value != new_value)
      out.push_back({{"field", f.column}, {"old", std::move(old_value)}, {"new", std::move(new_value)}});
  }
  return out;
}

// The journal's changes of a created record: {"field","old":null,"new"} for each of `columns`
// (fields of the list, in the order given), whatever its value: what a creation shows.
template <class T>
nlohmann::json JournalCreated(const Fields<T>& fields, const T& after,
                              std::initializer_list<std::string_view> columns) {
  nlohmann::json out = nlohmann::json::array();
  for (std::string_view column : columns) {
    for (const auto& f : fields) {
      if (f.column != column) continue;
      out.push_back({{"field", f.column},
                     {"old", nullptr},
                     {"new", JournalValue(f.get(after), f.journal == Field<T>::kJournaledAsBool)}});
    }
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
