#include "store/journal.h"

namespace gj::store {

nlohmann::json JournalValue(const Value& v, bool as_bool) {
  if (IsNull(v)) return nullptr;
  if (as_bool) return AsInt(v) != 0;
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return std::get<std::string>(v);
}

void WriteJournal(Connection& c, const std::string& entity, int64_t entity_id, const std::string& action,
                  std::optional<int64_t> user_id, const std::string& at, const nlohmann::json& changes) {
  WriteJournalText(c, entity, entity_id, action, user_id, at, changes.dump());
}

void WriteJournalText(Connection& c, const std::string& entity, int64_t entity_id, const std::string& action,
                      std::optional<int64_t> user_id, const std::string& at,
                      const std::string& changes_json) {
  c.Exec("INSERT INTO journal (entity, entity_id, action, user_id, at, changes) VALUES (?,?,?,?,?,?)",
         {entity, entity_id, action, Opt(user_id), at, changes_json});
}

Rows ReadJournal(Connection& c, const std::string& entity, int64_t entity_id) {
  return c.Query(
      "SELECT j.id, j.at, j.user_id, COALESCE(u.name, ''), j.action, j.changes FROM journal j "
      "LEFT JOIN users u ON u.id = j.user_id WHERE j.entity = ? AND j.entity_id = ? ORDER BY j.id DESC",
      {entity, entity_id});
}

}  // namespace gj::store
