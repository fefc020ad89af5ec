#include "io/input_limits.h"

namespace gj::io {

Error LimitExceeded(std::string_view format, std::string_view limit, uint64_t max, std::string_view where,
                    std::string_view what, int row) {
  std::string message = std::string(format) + ": " + std::string(what) + " (" + std::string(where) +
                        "; the limit " + std::string(limit) + " is " + std::to_string(max) + ")";
  Error e{ErrorCode::kPayloadTooLarge, std::move(message), {}, {}};
  e.details.push_back({std::string(limit), std::string(where), "at most " + std::to_string(max), row, {}});
  e.extra = {{"limit", {{"name", limit}, {"max", max}, {"where", where}}}};
  return e;
}

}  // namespace gj::io
