// Base64 (RFC 4648) for binary uploads kept in portable TEXT columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gj {

std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace gj
