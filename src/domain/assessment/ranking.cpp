#include "domain/assessment/ranking.h"

#include <algorithm>

namespace gj::assessment {

std::vector<RankedItem> CompetitionRank(std::vector<RankItem> items) {
  // Sort by score descending, then key. Equal-within-epsilon scores may come out in either
  // numeric order here; the pass below gives them one rank and the final sort orders them by key.
  std::sort(items.begin(), items.end(), [](const RankItem& a, const RankItem& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.key < b.key;
  });
  std::vector<RankedItem> out;
  out.reserve(items.size());
  double run_top = 0;
  int run_rank = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == 0 || !SameScore(items[i].score, run_top)) {
      run_top = items[i].score;
      run_rank = static_cast<int>(i) + 1;
    }
    out.push_back({std::move(items[i].key), items[i].score, run_rank});
  }
  std::stable_sort(out.begin(), out.end(), [](const RankedItem& a, const RankedItem& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.key < b.key;
  });
  return out;
}

}  // namespace gj::assessment
