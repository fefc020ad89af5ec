// The land-efficiency scheme document (domain/land_efficiency/scheme: what PUT
// /land-efficiency/schemes/{county} stores), then an evaluation of a fixed set of enterprises
// under every scheme the parser accepts.
//
// Oracles beyond the sanitizers: an accepted scheme written back (SchemeToJson) parses again to the
// same document; an evaluation under an accepted scheme never yields a non-finite score.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "domain/land_efficiency/credit_code.h"
#include "domain/land_efficiency/evaluate.h"
#include "domain/land_efficiency/scheme.h"
#include "fuzz_util.h"
#include "service/land_efficiency/input.h"

using namespace gj;

namespace {

std::vector<land::Enterprise> fixed_enterprises;

// 40 enterprises of every group: above and below the size line, an excluded industry, one without
// land, vetoed ones, missing and zero figures.
std::string EnterprisesCsv() {
  std::string csv =
      "统一社会信用代码,企业名称,行业代码,是否规上,用地面积(亩),税收(万元),营业收入(万元),工业增加值(万元),"
      "综合能耗(吨标煤),排放当量(吨),研发经费(万元),年平均职工人数,减分,用电量(千瓦时),一票否决\n";
  for (int i = 0; i < 40; ++i) {
    const bool above = i % 3 != 0;
    const std::string first17 = "913715000000" + std::to_string(10000 + i);
    csv += first17 + *land::CreditCodeCheckChar(first17) + ",E" + std::to_string(i) + ",";
    csv += i == 7 ? "4411" : "33" + std::to_string(10 + i % 80);
    csv += above ? ",是," : ",否,";
    csv += i == 11 ? "0.01" : std::to_string(3 + (i * 37) % 200);  // land (mu)
    for (int k = 0; k < 7; ++k) {                                  // tax … employees
      const int v = (i * 131 + k * 71) % 5000;
      csv += "," + (k >= 2 && (i + k) % 9 == 0 ? std::string() : std::to_string(v));
    }
    csv += "," + std::string(i % 10 == 0 ? "5" : "") + "," + std::to_string(i * 1000);
    csv += i % 13 == 5 ? ",是\n" : ",\n";
  }
  return csv;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto table = land::ParseInputCsv(EnterprisesCsv());
  if (!table) {
    std::fprintf(stderr, "land_scheme_fuzz: enterprises not read: %s\n", table.error().message.c_str());
    for (const auto& d : table.error().details)
      std::fprintf(stderr, "  %s: %s\n", d.field.c_str(), d.reason.c_str());
    std::abort();
  }
  fixed_enterprises = std::move(table->enterprises);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto scheme = land::ParseScheme(fuzz::View(data, size));
  if (!scheme) return 0;
  const nlohmann::json doc = land::SchemeToJson(*scheme);
  auto again = land::ParseScheme(doc.dump());
  if (!again || land::SchemeToJson(*again) != doc) __builtin_trap();
  const land::Evaluation ev = land::Evaluate(*scheme, fixed_enterprises);
  for (const auto& r : ev.results) {
    if (r.rank > 0 && !std::isfinite(r.total)) __builtin_trap();
  }
  return 0;
}
