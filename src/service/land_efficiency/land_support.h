// What the land-efficiency service's sections share (data, scheme and policies, runs): JSON and
// body-field helpers. Internal to src/service/land_efficiency.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace gj::service::land_support {

nlohmann::json OptJ(const std::optional<double>& v);
std::optional<double> OptD(const nlohmann::json& j, const char* k);
// A text field of a body; "" when absent or not text.
std::string Str(const nlohmann::json& body, const char* k);
// "A" → 0 … "D" → 3; -1 for anything else.
int ClassIndex(const std::string& letter);

}  // namespace gj::service::land_support
