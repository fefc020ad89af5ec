#include "domain/ledger/stage_dates.h"

#include "domain/ledger/project.h"

namespace gj::ledger {

namespace {

bool BuiltIn(const std::string& stage) {
  static const std::vector<DictEntry> kStages = DefaultDictionaries().at("stage");
  return FindByCode(kStages, stage) != nullptr;
}

bool NeedsStart(const std::string& stage) {
  const StageRule* r = FindStageRule(stage);
  return r && r->needs_actual_start;
}

bool NeedsCompletion(const std::string& stage) {
  const StageRule* r = FindStageRule(stage);
  return r && r->needs_actual_completion;
}

}  // namespace

bool MovesBackBeforeStart(const std::string& from, const std::string& to) {
  return NeedsStart(from) && BuiltIn(to) && !NeedsStart(to);
}

bool MovesBackBeforeCompletion(const std::string& from, const std::string& to) {
  return (NeedsCompletion(from) && BuiltIn(to) && !NeedsCompletion(to)) || MovesBackBeforeStart(from, to);
}

std::vector<UndoneDate> DatesUndoneByMove(const std::string& from, const std::string& to,
                                          const std::optional<Date>& actual_start,
                                          const std::optional<Date>& actual_completion) {
  std::vector<UndoneDate> out;
  if (actual_start && MovesBackBeforeStart(from, to)) {
    out.push_back({"actual_start", *actual_start, kBackBeforeStart});
  }
  if (actual_completion && MovesBackBeforeCompletion(from, to)) {
    out.push_back({"actual_completion", *actual_completion, kBackBeforeCompletion});
  }
  return out;
}

}  // namespace gj::ledger
