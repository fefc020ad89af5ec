// What every use case needs to know about the request: who asks, and what "now" is. The edges
// (API, CLI) fill it from the clock; services and the domain never read the clock themselves.
#pragma once

#include <string>

#include "common/date.h"
#include "domain/access/access.h"

namespace gj::service {

struct Ctx {
  access::Caller caller;
  Date today;          // China Standard Time calendar date
  std::string now;     // UTC timestamp for journal entries
  int64_t now_unix = 0;
};

Ctx MakeCtx(access::Caller caller);

}  // namespace gj::service
