// A store write that a unique key may refuse (a second project with the same code, a second
// ranking scheme with the same name): the refusal is an expected failure, a 409 in the caller's
// words; any other store error is not, and propagates.
#pragma once

#include <string>
#include <type_traits>

#include "common/result.h"
#include "store/db.h"

namespace gj::service {

template <class Write>
Result<std::invoke_result_t<Write>> UniqueWrite(Write write, const std::string& duplicate) {
  try {
    return write();
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbError::Kind::kUniqueViolation) throw;
    return Error::Conflict(duplicate);
  }
}

}  // namespace gj::service
