#include "common/for_each.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

struct Row {
  int a = 1;
  int b = 2;
  int c = 3;
};

#define GJ_TEST_NAME_OF(T, m) std::string(#m),
#define GJ_TEST_VALUE_OF(T, m) T{}.m,

TEST(ForEach, CallsTheMacroOncePerItemInOrderWithTheFixedArgument) {
  const std::vector<std::string> names{GJ_FOR_EACH(GJ_TEST_NAME_OF, Row, c, a, b)};
  EXPECT_EQ(names, (std::vector<std::string>{"c", "a", "b"}));
  const std::vector<int> values{GJ_FOR_EACH(GJ_TEST_VALUE_OF, Row, b, c)};
  EXPECT_EQ(values, (std::vector<int>{2, 3}));
}

TEST(ForEach, AnEmptyListExpandsToNothing) {
  const std::vector<std::string> names{GJ_FOR_EACH(GJ_TEST_NAME_OF, Row)};
  EXPECT_TRUE(names.empty());
}

#define GJ_TEST_ONE(T, m) +1
TEST(ForEach, TakesLongLists) {
  // 40 items: longer than any table's column list.
  constexpr int n = 0 GJ_FOR_EACH(GJ_TEST_ONE, Row, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,
                                  a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a);
  EXPECT_EQ(n, 40);
}

}  // namespace
