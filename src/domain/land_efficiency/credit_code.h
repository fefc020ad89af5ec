// 统一社会信用代码 (GB 32100-2015): the enterprise registry's rule (domain/enterprises/credit_code.h),
// under the names land efficiency has always called it by.
#pragma once

#include "domain/enterprises/credit_code.h"

namespace gj::land {

using enterprises::CreditCodeCheckChar;
using enterprises::CreditCodeProblem;
using enterprises::IsValidCreditCode;

}  // namespace gj::land
