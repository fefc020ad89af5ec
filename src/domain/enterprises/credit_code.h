// 统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character over the first 17.
// The one rule of the enterprise registry (every capability naming an enterprise: the registry,
// land efficiency, projects' builders, attraction's investors).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gj::enterprises {

// The check character for the first 17 characters, or nullopt when one of them is not in the
// code's alphabet (0-9 and the capitals without I, O, S, V, Z).
std::optional<char> CreditCodeCheckChar(std::string_view first17);

// Empty when `code` is a valid credit code, otherwise the reason it is not (for error reports).
std::string CreditCodeProblem(std::string_view code);
inline bool IsValidCreditCode(std::string_view code) { return CreditCodeProblem(code).empty(); }

}  // namespace gj::enterprises
