#include "domain/access/divisions.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "domain/access/divisions_data.h"

namespace gj::access {

namespace {

using divisions_data::kByCode;
using divisions_data::kRowCount;
using divisions_data::kRows;
using divisions_data::Row;

constexpr const char* kLevels[] = {"province", "city", "county", "town"};

// The numeric code of an app code: 6 or 9 digits, nothing else.
std::optional<uint32_t> NumericCode(const std::string& code) {
  if (code.size() != 6 && code.size() != 9) return std::nullopt;
  uint32_t n = 0;
  auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), n);
  if (ec != std::errc() || end != code.data() + code.size()) return std::nullopt;
  return n;
}

const Row* RowOf(uint32_t code) {
  const uint32_t* end = kByCode + kRowCount;
  const uint32_t* it =
      std::lower_bound(kByCode, end, code, [](uint32_t i, uint32_t c) { return kRows[i].code < c; });
  return it != end && kRows[*it].code == code ? &kRows[*it] : nullptr;
}

Region RegionOf(const Row& r) {
  return {std::to_string(r.code), r.name, kLevels[r.level], r.parent == 0 ? "" : std::to_string(r.parent)};
}

// The rows whose parent is `code`: adjacent, as the table is sorted by (parent, code).
std::pair<const Row*, const Row*> ChildRows(uint32_t code) {
  return std::equal_range(kRows, kRows + kRowCount, Row{0, code, 0, nullptr},
                          [](const Row& a, const Row& b) { return a.parent < b.parent; });
}

void AppendSubtree(const Row& r, std::vector<Region>& out) {
  out.push_back(RegionOf(r));
  auto [first, last] = ChildRows(r.code);
  for (const Row* c = first; c != last; ++c) AppendSubtree(*c, out);
}

}  // namespace

std::optional<Region> FindDivision(const std::string& code) {
  const auto n = NumericCode(code);
  const Row* r = n ? RowOf(*n) : nullptr;
  if (!r) return std::nullopt;
  return RegionOf(*r);
}

std::vector<Region> DivisionChildren(const std::string& code) {
  std::vector<Region> out;
  const auto n = NumericCode(code);
  if (!n || !RowOf(*n)) return out;
  auto [first, last] = ChildRows(*n);
  for (const Row* r = first; r != last; ++r) out.push_back(RegionOf(*r));
  return out;
}

std::vector<Region> DivisionChain(const std::string& code) {
  std::vector<Region> out;
  const auto n = NumericCode(code);
  for (const Row* r = n ? RowOf(*n) : nullptr; r; r = r->parent == 0 ? nullptr : RowOf(r->parent))
    out.push_back(RegionOf(*r));
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<Region> DivisionSubtree(const std::string& code) {
  std::vector<Region> out;
  const auto n = NumericCode(code);
  if (const Row* r = n ? RowOf(*n) : nullptr) AppendSubtree(*r, out);
  return out;
}

}  // namespace gj::access
