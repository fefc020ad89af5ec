// Expected failures as values: every use case returns Result<T>. An Error carries a stable code
// (mapped to exactly one HTTP status and one CLI exit status), a message for people, and the
// per-field details of a validation failure, so a caller can report every problem at once.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace gj {

enum class ErrorCode {
  kBadRequest,              // 400 malformed request (bad JSON, wrong type, unknown field)
  kUnauthenticated,         // 401 no or bad credentials
  kForbidden,               // 403 known object, action not allowed for this caller
  kPasswordChangeRequired,  // 403 the caller must change the password before anything else
  kNotFound,                // 404 unknown, or outside the caller's scope
  kConflict,                // 409 stale version, duplicate key, illegal state transition
  kPayloadTooLarge,         // 413
  kInvalid,                 // 422 well-formed but breaks a rule (validation)
  kTooManyRequests,         // 429 throttled (repeated failed logins)
  kInternal,                // 500 infrastructure fault
};

struct ErrorDetail {
  std::string field;
  std::string value;
  std::string reason;
  int row = 0;                       // spreadsheet row (1 = header) when the input is a sheet
  std::vector<std::string> allowed;  // the accepted values, when the value is not one of them
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<ErrorDetail> details;
  nlohmann::json extra;  // e.g. {"current": {...}} for a version conflict

  static Error BadRequest(std::string m) { return {ErrorCode::kBadRequest, std::move(m), {}, {}}; }
  static Error Unauthenticated(std::string m) { return {ErrorCode::kUnauthenticated, std::move(m), {}, {}}; }
  static Error Forbidden(std::string m) { return {ErrorCode::kForbidden, std::move(m), {}, {}}; }
  static Error NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m), {}, {}}; }
  static Error Conflict(std::string m) { return {ErrorCode::kConflict, std::move(m), {}, {}}; }
  static Error Invalid(std::string m, std::vector<ErrorDetail> d = {}) {
    return {ErrorCode::kInvalid, std::move(m), std::move(d), {}};
  }
};

// Stable identifiers and statuses, one table (policy as data).
struct ErrorCodeInfo {
  ErrorCode code;
  const char* name;
  int http_status;
};
const ErrorCodeInfo& Info(ErrorCode code);
inline const char* CodeName(ErrorCode c) { return Info(c).name; }
inline int HttpStatus(ErrorCode c) { return Info(c).http_status; }

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;

// Collects validation problems so that all are reported at once.
class Problems {
 public:
  void Add(std::string field, std::string value, std::string reason) {
    details_.push_back({std::move(field), std::move(value), std::move(reason), 0, {}});
  }
  void Add(ErrorDetail d) { details_.push_back(std::move(d)); }
  size_t size() const { return details_.size(); }
  bool empty() const { return details_.empty(); }
  const std::vector<ErrorDetail>& details() const { return details_; }
  Error ToError(std::string message = "validation failed") const {
    return Error::Invalid(std::move(message), details_);
  }

 private:
  std::vector<ErrorDetail> details_;
};

}  // namespace gj
