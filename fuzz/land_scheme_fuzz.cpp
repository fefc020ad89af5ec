// The land-efficiency scheme document (domain/land_efficiency/scheme: what PUT
// /land-efficiency/schemes/{county} stores), then an evaluation of a fixed set of enterprises
// under every scheme the parser accepts.
//
// Oracles beyond the sanitizers: an accepted scheme written back (SchemeToJson) parses again to the
// same document; an evaluation under an accepted scheme never yields a non-finite score.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/land_efficiency/evaluate.h"
#include "domain/land_efficiency/scheme.h"
#include "fuzz_util.h"
#include "service/land_efficiency/input.h"
#include "service/land_efficiency/land_demo.h"

using namespace gj;

namespace {
std::vector<land::Enterprise> enterprises;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto table = land::ParseInputCsv(service::LandDemoCsv(40));
  if (!table) __builtin_trap();
  enterprises = std::move(table->enterprises);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto scheme = land::ParseScheme(fuzz::View(data, size));
  if (!scheme) return 0;
  const nlohmann::json doc = land::SchemeToJson(*scheme);
  auto again = land::ParseScheme(doc.dump());
  if (!again || land::SchemeToJson(*again) != doc) __builtin_trap();
  const land::Evaluation ev = land::Evaluate(*scheme, enterprises);
  for (const auto& r : ev.results) {
    if (r.rank > 0 && !std::isfinite(r.total)) __builtin_trap();
  }
  return 0;
}
