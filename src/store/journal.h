// The journal: every change, who made it, when, and each field old → new. Written in the same
// transaction as the change itself, so a change without its journal entry cannot exist.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/db.h"

namespace gj::store {

// `changes` is an array of {"field","old","new"}.
void WriteJournal(Connection& c, const std::string& entity, int64_t entity_id, const std::string& action,
                  std::optional<int64_t> user_id, const std::string& at, const nlohmann::json& changes);
// The same with `changes` already serialized (bulk imports).
void WriteJournalText(Connection& c, const std::string& entity, int64_t entity_id, const std::string& action,
                      std::optional<int64_t> user_id, const std::string& at, const std::string& changes_json);
// Newest first: id, at, user_id, user_name, action, changes (JSON text).
Rows ReadJournal(Connection& c, const std::string& entity, int64_t entity_id);

}  // namespace gj::store
