#include <gtest/gtest.h>

#include "domain/land_efficiency/credit_code.h"

namespace gj::land {
namespace {

// Valid codes computed by the GB 32100-2015 algorithm (check = 31 − (Σ value·weight mod 31),
// 31 → 0), e.g. in Python:
//   A = "0123456789ABCDEFGHJKLMNPQRTUWXY"; W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
//   A[(31 - sum(A.index(c) * w for c, w in zip(code17, W)) % 31) % 31]
TEST(CreditCode, ValidCodes) {
  EXPECT_TRUE(IsValidCreditCode("91371500MA3C00001J"));
  EXPECT_TRUE(IsValidCreditCode("91371500MA3C00002M"));
  EXPECT_TRUE(IsValidCreditCode("000000000000000000"));  // sum 0 → 31 → 0
  EXPECT_EQ(CreditCodeCheckChar("91371500MA3C00003"), 'Q');
}

TEST(CreditCode, InvalidCodes) {
  EXPECT_NE(CreditCodeProblem("91371500MA3C00001K").find("check character should be 'J'"), std::string::npos);
  EXPECT_NE(CreditCodeProblem("91371500MA3C0001J").find("18 characters"), std::string::npos);
  EXPECT_NE(CreditCodeProblem("91371500MI3C00001J").find("character 10"),
            std::string::npos);                           // I not allowed
  EXPECT_FALSE(IsValidCreditCode("91371500ma3c00001j"));  // lower case is not in the alphabet
  EXPECT_FALSE(IsValidCreditCode(""));
  EXPECT_FALSE(CreditCodeCheckChar("9137150"));
}

}  // namespace
}  // namespace gj::land
