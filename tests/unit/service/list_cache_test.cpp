#include "service/ledger/list_cache.h"

#include <gtest/gtest.h>

namespace gj::service {
namespace {

FilterIdCache::Ids IdsOf(std::vector<int64_t> v) {
  return std::make_shared<const std::vector<int64_t>>(std::move(v));
}

TEST(FilterIdCacheTest, ListsAreValidForTheirVersionOnly) {
  FilterIdCache cache;
  cache.Put("a", 7, IdsOf({3, 1, 2}));
  ASSERT_TRUE(cache.Find("a", 7));
  EXPECT_EQ(*cache.Find("a", 7), (std::vector<int64_t>{3, 1, 2}));
  EXPECT_FALSE(cache.Find("a", 8));
  EXPECT_FALSE(cache.Find("b", 7));
  cache.Put("b", 8, IdsOf({1}));  // a newer version drops the older lists
  EXPECT_FALSE(cache.Find("a", 7));
  cache.Put("a", 7, IdsOf({3, 1, 2}));  // an older list than the ones kept is not kept
  EXPECT_FALSE(cache.Find("a", 7));
  EXPECT_TRUE(cache.Find("b", 8));
}

TEST(FilterIdCacheTest, StartsAfreshBeyondItsBound) {
  FilterIdCache cache(4);
  cache.Put("a", 1, IdsOf({1, 2, 3}));
  cache.Put("b", 1, IdsOf({4, 5}));  // 3 + 2 > 4
  EXPECT_FALSE(cache.Find("a", 1));
  EXPECT_TRUE(cache.Find("b", 1));
  cache.Put("c", 1, IdsOf({1, 2, 3, 4, 5}));  // larger than the bound alone: not kept
  EXPECT_FALSE(cache.Find("c", 1));
  EXPECT_TRUE(cache.Find("b", 1));
}

TEST(ProjectJsonCacheTest, TextsAreKeptPerVersion) {
  ProjectJsonCache cache(2);
  cache.Put(1, 1, 2026, 1, std::make_shared<const std::string>("v1"));
  EXPECT_EQ(*cache.Find(1, 1, 2026, 1), "v1");
  EXPECT_FALSE(cache.Find(1, 2, 2026, 1));
  cache.Put(2, 1, 2026, 1, std::make_shared<const std::string>("b"));
  cache.Put(3, 1, 2026, 1, std::make_shared<const std::string>("c"));  // full: starts afresh
  EXPECT_FALSE(cache.Find(1, 1, 2026, 1));
  EXPECT_TRUE(cache.Find(3, 1, 2026, 1));
}

TEST(ProjectJsonCacheTest, TextsAreKeptPerYearAndYearVersion) {
  ProjectJsonCache cache;
  cache.Put(1, 4, 2026, 1, std::make_shared<const std::string>("2026"));
  cache.Put(1, 4, 2027, 1, std::make_shared<const std::string>("2027"));
  EXPECT_EQ(*cache.Find(1, 4, 2026, 1), "2026");
  EXPECT_EQ(*cache.Find(1, 4, 2027, 1), "2027");
  EXPECT_FALSE(cache.Find(1, 4, 2027, 2));  // the year row changed: its text is stale
}

}  // namespace
}  // namespace gj::service
