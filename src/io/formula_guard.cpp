#include "io/formula_guard.h"

namespace gj::io {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// [+-]digits[.digits][(e|E)[+-]digits]: what a spreadsheet reads as a number, not a formula.
bool IsPlainNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const size_t int_start = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  bool digits = i > int_start;
  if (i < s.size() && s[i] == '.') {
    const size_t frac_start = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    digits = digits || i > frac_start;
  }
  if (!digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const size_t exp_start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == exp_start) return false;
  }
  return i == s.size();
}

}  // namespace

bool NeedsFormulaGuard(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '@':
    case '\t':
    case '\r': return true;
    case '+':
    case '-': return text.size() > 1 && !IsPlainNumber(text);
    default: return false;
  }
}

std::string GuardFormula(std::string_view text) {
  if (!NeedsFormulaGuard(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 1);
  out.push_back('\'');
  out.append(text);
  return out;
}

std::string UnguardFormula(std::string_view text) {
  if (text.size() > 1 && text.front() == '\'' && NeedsFormulaGuard(text.substr(1)))
    return std::string(text.substr(1));
  return std::string(text);
}

}  // namespace gj::io
