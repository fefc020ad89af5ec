#include <gtest/gtest.h>

#include "domain/enterprises/credit_code.h"

namespace gj::enterprises {
namespace {

// Worked by hand (GB 32100-2015: the alphabet 0-9 A-H J-N P-R T U W-Y, values 0…30; weights
// 3^i mod 31; check = 31 − Σ mod 31, 31 → 0):
//   9 1 3 7 1 5 2 4 1 6 3 0 0 0 1 2 3
// × 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
// = 9+3+27+189+19+130+32+68+20+174+75+0+0+0+10+60+84 = 900; 900 mod 31 = 1; 31 − 1 = 30 → 'Y'.
constexpr const char* kHandWorked = "91371524163000123Y";

TEST(EnterpriseCreditCode, HandWorkedCodeIsValid) {
  EXPECT_EQ(CreditCodeCheckChar("91371524163000123"), 'Y');
  EXPECT_TRUE(IsValidCreditCode(kHandWorked));
  // Letters count by their place in the alphabet: M = 21, A = 10, C = 12, X = 28; Σ = 2436,
  // 2436 mod 31 = 18, 31 − 18 = 13 → 'D'.
  EXPECT_EQ(CreditCodeCheckChar("91371524MA3C1234X"), 'D');
  EXPECT_TRUE(IsValidCreditCode("91371524MA3C1234XD"));
  // Σ ≡ 0 (mod 31): 31 → 0.
  EXPECT_TRUE(IsValidCreditCode("000000000000000000"));
}

TEST(EnterpriseCreditCode, WrongCheckCharacter) {
  EXPECT_EQ(CreditCodeProblem("91371524163000123X"), "check character should be 'Y', not 'X'");
  EXPECT_FALSE(IsValidCreditCode("91371524MA3C1234XE"));
}

TEST(EnterpriseCreditCode, LengthAndLetters) {
  EXPECT_EQ(CreditCodeProblem("91371524163000123"), "credit code must have 18 characters, has 17");
  EXPECT_EQ(CreditCodeProblem(""), "credit code must have 18 characters, has 0");
  // Lower case is not in the alphabet (the registry keeps codes as printed on the licence).
  EXPECT_EQ(CreditCodeProblem("91371524ma3c1234xd"), "character 9 is not allowed in a credit code");
  // I, O, Z, S and V are left out of the alphabet (they read like 1, 0, 2, 5 and U).
  for (char bad : {'I', 'O', 'Z', 'S', 'V'}) {
    std::string code = kHandWorked;
    code[10] = bad;
    EXPECT_EQ(CreditCodeProblem(code), "character 11 is not allowed in a credit code") << bad;
    EXPECT_FALSE(CreditCodeCheckChar(code.substr(0, 17))) << bad;
  }
  EXPECT_EQ(CreditCodeProblem("91371524163000123 "), "character 18 is not allowed in a credit code");
}

}  // namespace
}  // namespace gj::enterprises
