// CSV readers under hostile input (issue 14 item 2): caps on rows, fields per row and field size
// with a clear 413, and no reservation from the input's own counts.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "io/csv.h"
#include "service/land_efficiency/input.h"

namespace gj::io {
namespace {

void ExpectLimit(const Status& st, const std::string& limit, int row) {
  ASSERT_FALSE(st) << "expected the cap " << limit;
  EXPECT_EQ(st.error().code, ErrorCode::kPayloadTooLarge) << st.error().message;
  EXPECT_TRUE(st.error().details.empty());
  EXPECT_EQ(st.error().extra["limit"]["row"], row);
  EXPECT_EQ(st.error().extra["limit"]["name"], limit);
  EXPECT_NE(st.error().message.find("row " + std::to_string(row)), std::string::npos) << st.error().message;
}

Status Scan(std::string_view data, const CsvLimits& limits, size_t* rows = nullptr) {
  size_t n = 0;
  auto st = ForEachCsvRow(
      data, [&](size_t, std::span<const std::string_view>) { return ++n, true; }, limits);
  if (rows) *rows = n;
  return st;
}

TEST(CsvLimits, RowsColumnsAndFieldSize) {
  CsvLimits limits;
  limits.max_rows = 3;
  size_t seen = 0;
  ExpectLimit(Scan("a\nb\nc\nd\n", limits, &seen), "max_rows", 4);
  EXPECT_EQ(seen, 3u);
  EXPECT_TRUE(Scan("a\nb\nc\n", limits));

  limits = {};
  limits.max_columns = 4;
  EXPECT_TRUE(Scan("1,2,3,4\n", limits));
  ExpectLimit(Scan("h\n1,2,3,4,5\n", limits), "max_columns", 2);

  limits = {};
  limits.max_field_bytes = 10;
  EXPECT_TRUE(Scan("0123456789\n", limits));
  ExpectLimit(Scan("h\n" + std::string(11, 'x') + "\n", limits), "max_field_bytes", 2);
  ExpectLimit(Scan("h\n1,\"" + std::string(11, 'x') + "\"\n", limits), "max_field_bytes", 2);
  ExpectLimit(Scan("h\n1,\"a\"\"" + std::string(11, 'x') + "\"\n", limits), "max_field_bytes", 2);
}

// A line of a million commas: refused at the column cap, not a million cells.
TEST(CsvLimits, DefaultsRefuseAMillionCommasAndTenMillionLines) {
  ExpectLimit(Scan(std::string(1000000, ','), {}), "max_columns", 1);
  auto rows = ReadCsvRows(std::string(10'000'000, '\n'));
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(rows.error().extra["limit"]["name"], "max_rows");
}

// The finding: the land CSV import reserved one enterprise per newline, so ten million empty
// lines (10 MB) asked for gigabytes. Run in a child limited to 600 MB of address space more than
// it has: a reservation from the newline count fails there; the reader now refuses the input.
TEST(CsvLimits, LandImportDoesNotReserveFromNewlines) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "address-space limits do not work under AddressSanitizer";
#else
  std::string data = "credit_code,name,above_scale,land_mu,tax,revenue\n";
  data.append(10'000'000, '\n');
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    size_t vm = 0;
    std::ifstream statm("/proc/self/statm");
    statm >> vm;
    const rlim_t limit =
        static_cast<rlim_t>(vm) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + (600ull << 20);
    rlimit rl{limit, limit};
    setrlimit(RLIMIT_AS, &rl);
    int code = 0;
    try {
      auto table = land::ParseInputCsv(data);
      code = !table && table.error().code == ErrorCode::kPayloadTooLarge ? 0 : 2;
    } catch (const std::bad_alloc&) {
      code = 3;
    }
    _exit(code);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "the child died (signal " << WTERMSIG(status) << ")";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "2: not refused with 413; 3: out of memory (a reservation)";
#endif
}

// Blank lines within the caps are skipped as before.
TEST(CsvLimits, LandImportSkipsBlankLinesWithinTheCaps) {
  std::string data =
      "credit_code,name,above_scale,land_mu,tax,revenue\n"
      "91371500MA3C00001J,甲,是,10,5,100\n";
  data.append(100000, '\n');
  auto table = land::ParseInputCsv(data);
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->enterprises.size(), 1u);
}

}  // namespace
}  // namespace gj::io
