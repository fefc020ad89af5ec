#include "service/ledger/stage_change.h"

#include <string>

#include "domain/ledger/stage_dates.h"

namespace gj::service {

namespace {

const char* const kClearFlags[] = {"clear_actual_start", "clear_actual_completion"};

bool IsClearFlag(const std::string& key) {
  for (const char* f : kClearFlags) {
    if (key == f) return true;
  }
  return false;
}

}  // namespace

Status CheckStageChangeBody(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("stage") || !body["stage"].is_string()) {
    return Error::Invalid("the new stage is required", {{"stage", "", "required"}});
  }
  for (const auto& [key, value] : body.items()) {
    if (IsClearFlag(key)) {
      if (!value.is_boolean()) return Error::BadRequest("'" + key + "' must be true or false");
    } else if (key != "version" && key != "stage" && key != "actual_start" && key != "actual_completion") {
      return Error::BadRequest("unknown field '" + key + "' in a stage change");
    }
  }
  return Ok{};
}

Status ApplyProjectChange(ledger::Project& p, const nlohmann::json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  const std::string from = p.stage;
  nlohmann::json patch = body;
  for (const char* f : kClearFlags) {
    if (body.contains(f) && !body[f].is_boolean())
      return Error::BadRequest("'" + std::string(f) + "' must be true or false");
    patch.erase(f);
  }
  if (auto st = ledger::ApplyPatch(p, patch); !st) return st.error();
  if (!ledger::StageTransitionAllowed(from, p.stage)) {
    return Error::Conflict("the stage cannot change from '" + from + "' to '" + p.stage + "'");
  }
  Problems pr;
  for (const auto& d : ledger::DatesUndoneByMove(from, p.stage, p.actual_start, p.actual_completion)) {
    if (body.value("clear_" + d.field, false)) {
      (d.field == "actual_start" ? p.actual_start : p.actual_completion).reset();
    } else {
      pr.Add(d.field, d.date.ToString(), d.reason);
    }
  }
  if (!pr.empty()) {
    return pr.ToError("moving back from '" + from + "' to '" + p.stage +
                      "' says the actual date was wrong: confirm with clear_<field> to clear it");
  }
  return Ok{};
}

}  // namespace gj::service
