#include "domain/enterprises/credit_code.h"

#include <array>
#include <cstdint>

namespace gj::enterprises {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// Character → value (-1: not in the alphabet); a table because a million rows are checked.
constexpr std::array<int8_t, 256> kValues = [] {
  std::array<int8_t, 256> t{};
  t.fill(-1);
  for (size_t i = 0; i < kAlphabet.size(); ++i)
    t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
  return t;
}();

int ValueOf(char c) { return kValues[static_cast<unsigned char>(c)]; }
}  // namespace

std::optional<char> CreditCodeCheckChar(std::string_view first17) {
  if (first17.size() < 17) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = ValueOf(first17[i]);
    if (v < 0) return std::nullopt;
    sum += v * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;  // 31 becomes 0
  return kAlphabet[check];
}

std::string CreditCodeProblem(std::string_view code) {
  if (code.size() != 18) return "credit code must have 18 characters, has " + std::to_string(code.size());
  for (size_t i = 0; i < 18; ++i) {
    if (ValueOf(code[i]) < 0) {
      return "character " + std::to_string(i + 1) + " is not allowed in a credit code";
    }
  }
  const char expected = *CreditCodeCheckChar(code.substr(0, 17));
  if (code[17] != expected) {
    return std::string("check character should be '") + expected + "', not '" + code[17] + "'";
  }
  return {};
}

}  // namespace gj::enterprises
