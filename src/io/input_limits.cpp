#include "io/input_limits.h"

namespace gj::io {

Error LimitExceeded(std::string_view format, std::string_view limit, uint64_t max, std::string_view where,
                    std::string_view what, int row) {
  std::string message = std::string(format) + ": " + std::string(what) + " (" + std::string(where) +
                        "; the limit " + std::string(limit) + " is " + std::to_string(max) + ")";
  Error e{ErrorCode::kPayloadTooLarge, std::move(message), {}, {}};
  // No details: callers read details as problems of the rows (the land import reports them as
  // such), while this is a refusal of the whole file.
  e.extra = {{"limit", {{"name", limit}, {"max", max}, {"where", where}}}};
  if (row > 0) e.extra["limit"]["row"] = row;
  return e;
}

}  // namespace gj::io
