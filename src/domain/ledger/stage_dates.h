// Dates are facts with a meaning: a project in 开工 has started on its actual start date. Moving it
// back to a stage before 开工 says that date was wrong, so the move takes the date back (and, before
// 竣工, the completion date). Pure: the stages and dates are arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace gj::ledger {

// Stable reason codes of the problems a move back reports (the web app matches them).
inline constexpr const char* kBackBeforeStart = "stage.back_before_start";
inline constexpr const char* kBackBeforeCompletion = "stage.back_before_completion";

// Whether the move from → to leaves the stages that need an actual start date (StageRule) for a
// built-in stage before 开工 (谋划, 储备, 签约). Stages an admin adds have no known place in the
// order: moving to one takes nothing back.
bool MovesBackBeforeStart(const std::string& from, const std::string& to);
// The same for 竣工: from a stage that needs the completion date to a built-in stage that does not,
// or back before 开工 (a project that has not started has not finished either).
bool MovesBackBeforeCompletion(const std::string& from, const std::string& to);

// One actual date the move takes back.
struct UndoneDate {
  std::string field;   // actual_start | actual_completion
  Date date;           // its value now
  std::string reason;  // kBackBeforeStart | kBackBeforeCompletion
};
// The set actual dates that a move from → to takes back, start first.
std::vector<UndoneDate> DatesUndoneByMove(const std::string& from, const std::string& to,
                                          const std::optional<Date>& actual_start,
                                          const std::optional<Date>& actual_completion);

}  // namespace gj::ledger
