// The enterprise registry's rules (one registry shared by land efficiency, attraction, chains,
// services and surveys): the tags an enterprise may carry, and the yearly growth of a backbone
// enterprise (骨干企业, counted by the "420" target). Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gj::enterprises {

// The tags an enterprise may carry, in display order: backbone (骨干企业), chain_leader (链主企业),
// hi_tech (高新技术企业), specialised (专精特新), foreign (外资企业).
extern const std::vector<std::string> kTags;
inline constexpr const char* kBackbone = "backbone";

// Tags as stored: known ones only, each once, in kTags order, joined by ','. Unknown tags are
// returned in `unknown` (the caller reports them).
std::string JoinTags(const std::vector<std::string>& tags, std::vector<std::string>* unknown = nullptr);
// The stored text back to its list ("" → none).
std::vector<std::string> SplitTags(const std::string& stored);
bool HasTag(const std::string& stored, const std::string& tag);

// An enterprise's figures of one year (integer yuan; null when not reported).
struct YearFigures {
  int year = 0;
  std::optional<int64_t> revenue, tax;
};

// A year's figures against the year before: growth = this year − last year (yuan), rate in
// per mille of last year's (‰, rounded half away from zero), null when either year lacks the
// figure or last year's is not positive (a rate over nothing says nothing).
struct YearGrowth {
  int year = 0;
  std::optional<int64_t> revenue, tax;
  std::optional<int64_t> revenue_growth, tax_growth;
  std::optional<int64_t> revenue_growth_permille, tax_growth_permille;
};

// One line per year of `years` (any order), newest first, each against the year before it (a
// missing year before: no growth).
std::vector<YearGrowth> GrowthByYear(std::vector<YearFigures> years);

// "Developing well" (发展良好) for the 420 count: revenue and tax both grew (> 0) in `year`.
bool GrewIn(const std::vector<YearGrowth>& growth, int year);

}  // namespace gj::enterprises
