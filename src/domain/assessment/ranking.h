// Competition ranking ("1, 2, 2, 4") shared by observation events and periodic rankings, so that
// every published ranking in Gongjian treats ties the same way.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gj::assessment {

// Scores are doubles produced by means and weights; two scores closer than this are the same
// score (a mean of 85 and 86 must not outrank a mean of 85.5 and 85.5 by floating noise).
inline constexpr double kTieEpsilon = 1e-9;

inline bool SameScore(double a, double b) {
  double d = a - b;
  return d <= kTieEpsilon && -d <= kTieEpsilon;
}

struct RankItem {
  std::string key;  // county, town, unit… — the tie-break for display order
  double score = 0;
};

struct RankedItem {
  std::string key;
  double score = 0;
  int rank = 0;
};

// Higher score ranks first. Items are returned in display order: rank, then key (byte order of
// the UTF-8 string, so the order does not depend on the machine's locale).
// A tie run is anchored at its first (highest) member: an item ties the run only if it is within
// kTieEpsilon of that top score, so a chain of near-equal scores cannot drift into one rank.
std::vector<RankedItem> CompetitionRank(std::vector<RankItem> items);

}  // namespace gj::assessment
