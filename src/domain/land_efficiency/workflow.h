// The evaluation workflow as data (issue 4 §3): the states of an enterprise's yearly data and of an
// evaluation run, the actions allowed in each state, who may do them, and whether a reason is
// required. Services look transitions up here; nothing else decides what may happen next.
//
//   data: submitted (填报/导入) → reviewed (部门审核) → confirmed (企业确认); reviewed/submitted → returned
//         (退回, reason) → submitted again when edited or resubmitted.
//   run:  computed (测算) → preliminary (初评) → published (公示, 5-day appeal window) → final (定级).
//         adjust (调档) while computed or preliminary; appeals recorded and decided while published.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace gj::land {

struct Transition {
  const char* machine;  // "data" or "run"
  const char* from;
  const char* action;
  const char* to;
  const char* permission;  // access action
  bool needs_reason;
};

const std::vector<Transition>& Transitions();
// nullptr when `action` is not allowed in state `from`.
const Transition* FindTransition(std::string_view machine, std::string_view from, std::string_view action);
// Actions allowed in a state (for the UI's buttons).
std::vector<std::string> ActionsFrom(std::string_view machine, std::string_view from);

// Appeals are accepted on the publication day and the following days, kAppealDays in all; the
// class can be made final from the day after the window.
inline constexpr int kAppealDays = 5;
inline Date AppealWindowLastDay(const Date& published_on) { return published_on.AddDays(kAppealDays - 1); }
inline bool InAppealWindow(const Date& published_on, const Date& today) {
  return today >= published_on && today <= AppealWindowLastDay(published_on);
}

}  // namespace gj::land
