// The body of a stage change (POST /projects/{id}/stage) or of a project edit (PATCH
// /projects/{id}) that may carry a stage: the new fields, the dates a stage needs, and the caller's
// answer to "was the actual date wrong?" when the move goes back before 开工 or 竣工. Both routes
// apply their body through ApplyProjectChange, so the stage-back rule has one place.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/ledger/project.h"

namespace gj::service {

// 400 for a body that is not {"version","stage", "actual_start"?, "actual_completion"?,
// "clear_actual_start"?: bool, "clear_actual_completion"?: bool}.
Status CheckStageChangeBody(const nlohmann::json& body);

// Applies a change to p: the fields of the body (ledger::ApplyPatch; clear_actual_start and
// clear_actual_completion must be true or false and are not fields), the stage workflow (409 when
// the move is not allowed), then the dates a move back takes back (ledger::DatesUndoneByMove). A
// date still set is refused with 422 naming its field and reason code unless the body's
// clear_<field> is true; then it is cleared, so the caller's journaled write shows it old → null.
Status ApplyProjectChange(ledger::Project& p, const nlohmann::json& body);

}  // namespace gj::service
