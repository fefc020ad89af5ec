#include "domain/access/password_rule.h"

#include <gtest/gtest.h>

namespace gj::access {
namespace {

std::vector<ErrorDetail> ProblemsOf(const std::string& password, const std::string& login = "wangfang") {
  Problems pr;
  CheckNewPassword(password, login, pr);
  return pr.details();
}

TEST(PasswordRule, TwelveCharactersAreEnoughElevenAreNot) {
  EXPECT_TRUE(ProblemsOf("Tuanjie-Hu-27").empty());  // 13
  EXPECT_TRUE(ProblemsOf("tuanjiehu-27").empty());   // 12
  const auto p = ProblemsOf("tuanjiehu27");          // 11
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "password");
  EXPECT_NE(p[0].reason.find("12"), std::string::npos);
  EXPECT_EQ(p[0].value, "");  // the password is never echoed
}

TEST(PasswordRule, CountsCharactersNotBytes) {
  EXPECT_EQ(PasswordChars("东阿县项目办"), 6u);
  EXPECT_TRUE(ProblemsOf("东阿县重点项目办公室密码").empty());  // 12 characters, 36 bytes
  EXPECT_EQ(ProblemsOf("东阿县重点项目办公室").size(), 1u);     // 10 characters, 30 bytes
}

TEST(PasswordRule, CommonPasswordsAreRefusedIgnoringCase) {
  EXPECT_TRUE(IsCommonPassword("123456"));
  EXPECT_TRUE(IsCommonPassword("PASSWORD"));
  EXPECT_TRUE(IsCommonPassword("woaini1314520"));
  EXPECT_TRUE(IsCommonPassword("freepass"));  // the list's last entry
  EXPECT_FALSE(IsCommonPassword("Tuanjie-Hu-27"));
  const auto p = ProblemsOf("1qaz2wsx3edc");  // long enough, and common
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].reason.find("common"), std::string::npos);
  EXPECT_EQ(ProblemsOf("Password1234").size(), 1u);
}

TEST(PasswordRule, EveryProblemAtOnce) {
  EXPECT_EQ(ProblemsOf("123456").size(), 2u);                          // short and common
  EXPECT_EQ(ProblemsOf("WangFang-2026", "wangfang-2026").size(), 1u);  // the login itself
}

TEST(PasswordRule, NamesTheFieldItIsGiven) {
  Problems pr;
  CheckNewPassword("short", "x", pr, "new_password");
  ASSERT_EQ(pr.size(), 1u);
  EXPECT_EQ(pr.details()[0].field, "new_password");
}

}  // namespace
}  // namespace gj::access
