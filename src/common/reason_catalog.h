// The reasons of validation problems, as stable codes. Call sites write a reason for people
// ("must not be negative", "未知单位 (unknown unit)", "rule problem.assign.needs_unit: …"); this
// catalog names each with a rule code ("negative", "unknown_unit", "problem.assign.needs_unit")
// and picks out the figures worth showing ("must be a number from <min> to <max>" → min, max), so
// a client can say the same thing in its reader's language without parsing English.
//
// One table in reason_catalog.cpp. A reason "rule <code>: …" names its code itself. A test walks
// the source tree and fails on a literal reason the table does not know.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gj {

struct ReasonRule {
  std::string rule;                           // stable code, e.g. "required", "range"
  std::map<std::string, std::string> params;  // the reason's figures by name ("min" → "1")
};

// The code of a reason and its figures; nothing when the catalog does not know it.
std::optional<ReasonRule> RuleOfReason(std::string_view reason);

// Every rule code of the catalog (for tests and for the web's message tables).
std::vector<std::string> CatalogRules();

}  // namespace gj
