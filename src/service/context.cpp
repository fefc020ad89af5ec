#include "service/context.h"

namespace gj::service {

Ctx MakeCtx(access::Caller caller) {
  Ctx c;
  c.caller = std::move(caller);
  c.today = TodayChina();
  c.now = NowUtcIso();
  c.now_unix = NowUnixSeconds();
  return c;
}

}  // namespace gj::service
