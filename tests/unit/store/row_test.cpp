// The typed row reader and its one null rule, on both engines.
#include "store/row.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "test_db.h"

namespace gj::testing {
namespace {

class RowTest : public DbTest {
 protected:
  void Prepare(store::Connection& c) override {
    c.ExecScript(
        "CREATE TABLE row_test (id BIGINT PRIMARY KEY, n BIGINT, x REAL, s TEXT, d TEXT, flag INTEGER)");
    c.Exec("INSERT INTO row_test (id, n, x, s, d, flag) VALUES (1, 42, 2.5, 'text', '2026-06-30', 1)");
    c.Exec("INSERT INTO row_test (id, n, x, s, d, flag) VALUES (2, NULL, NULL, NULL, NULL, NULL)");
    c.Exec("INSERT INTO row_test (id, n, x, s, d, flag) VALUES (3, 0, 0, '', '', 0)");
  }
};

struct Read {
  int64_t n;
  std::optional<int64_t> opt_n;
  double x;
  std::optional<double> opt_x;
  std::string s;
  std::optional<std::string> opt_s;
  Date d;
  std::optional<Date> opt_d;
  bool flag;
};

std::vector<Read> ReadAll(store::Connection& c) {
  // Columns read in another order than selected, each twice over: by name, not position.
  return store::ReadRows(
      c, "SELECT d AS d2, x AS x2, n AS n2, s AS s2, flag, id, n, x, s, d FROM row_test ORDER BY id", {},
      [](store::RowReader& r) {
        return Read{r.Int("n"),      r.OptInt("n2"), r.Double("x"),   r.OptDouble("x2"), r.Text("s"),
                    r.OptText("s2"), r.Date("d"),    r.OptDate("d2"), r.Bool("flag")};
      });
}

TEST_P(RowTest, ColumnsAreReadByName) {
  auto c = tdb_->db().Acquire();
  const auto rows = ReadAll(*c);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].n, 42);
  EXPECT_EQ(rows[0].opt_n, 42);
  EXPECT_DOUBLE_EQ(rows[0].x, 2.5);
  EXPECT_EQ(rows[0].opt_x, 2.5);
  EXPECT_EQ(rows[0].s, "text");
  EXPECT_EQ(rows[0].opt_s, "text");
  EXPECT_EQ(rows[0].d.ToString(), "2026-06-30");
  EXPECT_EQ(rows[0].opt_d->ToString(), "2026-06-30");
  EXPECT_TRUE(rows[0].flag);
}

TEST_P(RowTest, NullIsAbsentForOptAndZeroForPlainGetters) {
  auto c = tdb_->db().Acquire();
  const auto rows = ReadAll(*c);
  const Read& null = rows[1];
  EXPECT_EQ(null.n, 0);
  EXPECT_EQ(null.opt_n, std::nullopt);
  EXPECT_EQ(null.x, 0.0);
  EXPECT_EQ(null.opt_x, std::nullopt);
  EXPECT_EQ(null.s, "");
  EXPECT_EQ(null.opt_s, std::nullopt);
  EXPECT_EQ(null.d, Date{});
  EXPECT_EQ(null.opt_d, std::nullopt);
  EXPECT_FALSE(null.flag);
  // Empty text is a value, but not a date.
  const Read& empty = rows[2];
  EXPECT_EQ(empty.opt_s, "");
  EXPECT_EQ(empty.opt_n, 0);
  EXPECT_EQ(empty.opt_d, std::nullopt);
  EXPECT_EQ(empty.d, Date{});
}

TEST_P(RowTest, AnUnknownColumnIsAProgrammingError) {
  auto c = tdb_->db().Acquire();
  EXPECT_THROW(
      store::ReadOne(*c, "SELECT id FROM row_test", {}, [](store::RowReader& r) { return r.Int("nope"); }),
      std::logic_error);
}

TEST_P(RowTest, ReadOneAndStreamedRows) {
  auto c = tdb_->db().Acquire();
  EXPECT_EQ(store::ReadOne(*c, "SELECT n FROM row_test WHERE id = ?", {int64_t{1}},
                           [](store::RowReader& r) { return r.Int("n"); }),
            42);
  EXPECT_EQ(store::ReadOne(*c, "SELECT n FROM row_test WHERE id = ?", {int64_t{9}},
                           [](store::RowReader& r) { return r.Int("n"); }),
            std::nullopt);
  std::vector<int64_t> ids;
  store::ForEachRow(*c, "SELECT id FROM row_test ORDER BY id DESC", {},
                    [&](store::RowReader& r) { ids.push_back(r.Int("id")); });
  EXPECT_EQ(ids, (std::vector<int64_t>{3, 2, 1}));
  // Reads in a different order from one row to the next still find their columns.
  int row = 0;
  store::ForEachRow(*c, "SELECT id, n FROM row_test WHERE id <> 2 ORDER BY id", {}, [&](store::RowReader& r) {
    if (row++ == 0) {
      EXPECT_EQ(r.Int("id"), 1);
      EXPECT_EQ(r.Int("n"), 42);
    } else {
      EXPECT_EQ(r.Int("n"), 0);
      EXPECT_EQ(r.Int("id"), 3);
    }
  });
}

TEST(RowReaderTest, TheFirstOfClashingNamesWinsAndAnUnknownColumnThrowsOnAnyRow) {
  std::vector<store::Value> first = {int64_t{1}, int64_t{2}, int64_t{3}};
  std::vector<store::Value> second = {int64_t{4}, int64_t{5}, int64_t{6}};
  store::RowReader r(std::vector<std::string>{"id", "n", "id"});  // a temporary list: the reader keeps it
  EXPECT_TRUE(r.Has("n"));
  EXPECT_FALSE(r.Has("x"));
  r.Bind(first);
  EXPECT_EQ(r.Int("id"), 1);
  EXPECT_EQ(r.Int("n"), 2);
  r.Bind(second);
  EXPECT_EQ(r.Int("id"), 4);
  EXPECT_THROW(r.Int("x"), std::logic_error);  // where the previous row read "n"
  r.Bind(second);
  EXPECT_EQ(r.Int("n"), 5);  // the read order changed: looked up again
  EXPECT_EQ(r.Int("id"), 4);
}

TEST_P(RowTest, InListOfNothingMatchesNothing) {
  auto c = tdb_->db().Acquire();
  std::vector<store::Value> params;
  const std::string none = store::InList(std::vector<int64_t>{}, params);
  EXPECT_TRUE(c->Query("SELECT id FROM row_test WHERE id IN (" + none + ")", params).empty());
  const std::string two = store::InList(std::vector<int64_t>{1, 3}, params);
  EXPECT_EQ(c->Query("SELECT id FROM row_test WHERE id IN (" + two + ")", params).size(), 2u);
  EXPECT_EQ(store::DateValue(std::nullopt), store::Null());
  EXPECT_EQ(store::DateValue(ParseIsoDate("2026-01-02")), store::Value(std::string("2026-01-02")));
}

INSTANTIATE_TEST_SUITE_P(Engines, RowTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
