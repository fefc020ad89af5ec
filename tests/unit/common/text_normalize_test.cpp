#include "common/text_normalize.h"

#include <gtest/gtest.h>

namespace gj {
namespace {

TEST(NormalizeForSearch, FoldsTraditionalToSimplified) {
  EXPECT_EQ(NormalizeForSearch("冠縣"), NormalizeForSearch("冠县"));
  EXPECT_EQ(NormalizeForSearch("東阿阿膠"), "东阿阿胶");
  EXPECT_EQ(NormalizeForSearch("鋼球項目"), "钢球项目");
}

TEST(NormalizeForSearch, FoldsCaseAndFullWidth) {
  EXPECT_EQ(NormalizeForSearch("ＡＢｃ-2026"), "abc-2026");
  EXPECT_EQ(NormalizeForSearch("DE2026-001"), "de2026-001");
}

TEST(NormalizeForSearch, KeepsEverythingElse) {
  EXPECT_EQ(NormalizeForSearch("聊城市 项目\n🚧"), "聊城市 项目\n🚧");
  EXPECT_EQ(NormalizeForSearch(""), "");
}

}  // namespace
}  // namespace gj
