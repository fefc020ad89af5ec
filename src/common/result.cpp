#include "common/result.h"

#include <array>

namespace gj {

namespace {
constexpr std::array<ErrorCodeInfo, 10> kErrorCodes = {{
    {ErrorCode::kBadRequest, "bad_request", 400},
    {ErrorCode::kUnauthenticated, "unauthenticated", 401},
    {ErrorCode::kForbidden, "forbidden", 403},
    {ErrorCode::kPasswordChangeRequired, "password_change_required", 403},
    {ErrorCode::kNotFound, "not_found", 404},
    {ErrorCode::kConflict, "conflict", 409},
    {ErrorCode::kPayloadTooLarge, "payload_too_large", 413},
    {ErrorCode::kInvalid, "validation_failed", 422},
    {ErrorCode::kTooManyRequests, "too_many_requests", 429},
    {ErrorCode::kInternal, "internal", 500},
}};
}  // namespace

const ErrorCodeInfo& Info(ErrorCode code) {
  for (const auto& info : kErrorCodes) {
    if (info.code == code) return info;
  }
  return kErrorCodes.back();
}

}  // namespace gj
