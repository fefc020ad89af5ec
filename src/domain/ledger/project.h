// The key project (重点项目) of the annual list and the rules that keep it consistent. Pure: no
// I/O, no clock — "today" is an argument.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"

namespace gj::ledger {

struct Project {
  int64_t id = 0;
  std::string code;                          // 项目编号 (the office's own number, unique)
  std::optional<std::string> national_code;  // 项目代码 from the online approval platform
  std::string name;
  int year = 0;  // the annual list the project is on
  std::string county_code;
  std::optional<std::string> town_code;
  std::string category, level, kind, track, stage;
  std::optional<int64_t> total_investment, annual_plan, annual_completed;  // yuan
  std::optional<double> land_mu;
  std::string builder;  // 建设单位
  // The builder's 统一社会信用代码 (the enterprise registry's key; GB 32100-2015), when known.
  std::optional<std::string> builder_code;
  std::optional<int64_t> leader_id, unit_id;
  std::string specialist, chain;
  std::optional<Date> planned_start, actual_start, planned_completion, actual_completion;
  std::string content;
  std::optional<double> longitude, latitude;
  bool archived = false;
  int64_t version = 1;
  std::string created_at, updated_at;
};

// One entry of an admin-editable dictionary (category, level, kind, track, stage).
struct DictEntry {
  std::string code;
  std::string label_zh;
  std::string label_en;
  int sort = 0;
  bool active = true;
};
using Dictionaries = std::map<std::string, std::vector<DictEntry>>;
// {code, label_zh, label_en, sort, active}: the API's and the journal's form of an entry (so a
// Dictionaries converts to {kind: [entries]}).
void to_json(nlohmann::json& j, const DictEntry& e);

extern const std::vector<std::string> kDictionaryKinds;  // category, level, kind, track, stage
Dictionaries DefaultDictionaries();
const DictEntry* FindByCode(const std::vector<DictEntry>& list, const std::string& code);
const DictEntry* FindByLabel(const std::vector<DictEntry>& list, const std::string& label_zh);

// What a stage demands of the project's dates and what it means (policy as data; stages an admin
// adds have no rule: they demand nothing and count as unfinished).
struct StageRule {
  const char* stage;
  bool needs_actual_start;
  bool needs_actual_completion;
  bool counts_as_completed;  // the project is finished (竣工, and 投产运营 after it): it does not carry
                             // to next year's list and is no longer open
};
const StageRule* FindStageRule(const std::string& stage);
// Whether a project in `stage` counts as completed (StageRule::counts_as_completed).
bool StageCountsAsCompleted(const std::string& stage);
// The stages that count as completed, in table order (for a store's SQL filter).
std::vector<std::string> CompletedStages();
// The stage workflow: which stage may follow which (forward, skipping allowed, and one step back
// to correct a mistake).
bool StageTransitionAllowed(const std::string& from, const std::string& to);

// Every rule a stored project must satisfy. Field names are the API identifiers.
Problems ValidateProject(const Project& p, const Dictionaries& dicts, const Date& today);

// JSON form used by the API, the journal and the diff (money in yuan, dates ISO, nulls for
// missing values). Reference names (county_name, …) are added by the service.
nlohmann::json ToJson(const Project& p);

// The same object as ToJson, appended as text without the open/close braces (the caller may add
// members): the list endpoint's hot path.
void AppendJsonMembers(std::string& out, const Project& p, bool& first);

// Editable fields, in ledger-sheet order.
const std::vector<std::string>& EditableFields();

// Applies a JSON patch of editable fields onto a project. Unknown fields and wrong types are
// reported (all of them), nothing is applied on error.
Status ApplyPatch(Project& p, const nlohmann::json& patch);

struct FieldChange {
  std::string field;
  nlohmann::json old_value;
  nlohmann::json new_value;
};
std::vector<FieldChange> Diff(const nlohmann::json& before, const nlohmann::json& after);
// The journal form: [{"field","old","new"}, …].
nlohmann::json ChangesToJson(const std::vector<FieldChange>& changes);
// The journal entry of a newly created project: every set field, old = null.
nlohmann::json CreationChanges(const Project& p);
// The same, as JSON text (bulk imports write 100,000 of these).
std::string CreationChangesText(const Project& p);

}  // namespace gj::ledger
