#include "domain/assessment/observation.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <utility>

namespace gj::assessment {

namespace {

std::string FormatNumber(double v) {
  // Only for messages; the CLI writes scores with std::to_chars.
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void RequireNonEmpty(std::vector<EntryProblem>& out, std::size_t i, const char* column,
                     const std::string& value) {
  if (value.empty()) out.push_back({i, column, value, "must not be empty"});
}

}  // namespace

std::vector<Criterion> DefaultCriteria() {
  return {{"投资规模", 30}, {"建设进度", 30}, {"产业层次与科技含量", 20}, {"综合效益", 20}};
}

Result<double> WeightedTotal(std::span<const Criterion> criteria,
                             const std::map<std::string, double>& ratings) {
  Problems problems;
  long double weighted = 0;
  long double weights = 0;
  for (const auto& c : criteria) {
    if (!(c.weight > 0) || !std::isfinite(c.weight)) {
      problems.Add("criteria." + c.name, FormatNumber(c.weight), "weight must be positive");
      continue;
    }
    auto it = ratings.find(c.name);
    if (it == ratings.end()) {
      problems.Add(c.name, "", "criterion not rated");
      continue;
    }
    if (!std::isfinite(it->second) || it->second < 0 || it->second > 100) {
      problems.Add(c.name, FormatNumber(it->second), "rating must be within 0..100");
      continue;
    }
    weighted += static_cast<long double>(c.weight) * it->second;
    weights += c.weight;
  }
  for (const auto& [name, rating] : ratings) {
    bool known = std::any_of(criteria.begin(), criteria.end(),
                             [&name = name](const Criterion& c) { return c.name == name; });
    if (!known) problems.Add(name, FormatNumber(rating), "unknown criterion");
  }
  if (criteria.empty()) problems.Add("criteria", "", "no criteria configured");
  if (!problems.empty()) return problems.ToError("invalid score sheet");
  return static_cast<double>(weighted / weights);
}

Result<MarkedSheet> SheetFromPoints(std::span<const Criterion> criteria,
                                    const std::map<std::string, double>& points) {
  Problems problems;
  MarkedSheet out;
  long double sum = 0;
  long double weights = 0;
  for (const auto& c : criteria) {
    if (!(c.weight > 0) || !std::isfinite(c.weight)) {
      problems.Add("criteria." + c.name, FormatNumber(c.weight), "weight must be positive");
      continue;
    }
    const std::string field = "points." + c.name;
    auto it = points.find(c.name);
    if (it == points.end()) {
      problems.Add(field, "", "criterion not rated");
      continue;
    }
    if (!std::isfinite(it->second) || it->second < 0 || it->second > c.weight) {
      problems.Add(field, std::isfinite(it->second) ? FormatNumber(it->second) : "",
                   "must be within 0.." + FormatNumber(c.weight));
      continue;
    }
    out.ratings[c.name] = it->second * 100 / c.weight;
    sum += it->second;
    weights += c.weight;
  }
  for (const auto& [name, value] : points) {
    bool known = std::any_of(criteria.begin(), criteria.end(),
                             [&name = name](const Criterion& c) { return c.name == name; });
    if (!known) problems.Add("points." + name, FormatNumber(value), "unknown criterion");
  }
  if (criteria.empty()) problems.Add("criteria", "", "no criteria configured");
  if (!problems.empty()) return problems.ToError("invalid score sheet");
  // Σp·100/Σw: with Σw = 100 the two steps cancel exactly and the total is the sum of the points.
  out.total = weights == 100 ? static_cast<double>(sum) : static_cast<double>(sum * 100 / weights);
  return out;
}

std::map<std::string, double> PointsOfRatings(std::span<const Criterion> criteria,
                                              const std::map<std::string, double>& ratings) {
  std::map<std::string, double> out;
  for (const auto& c : criteria) {
    if (auto it = ratings.find(c.name); it != ratings.end()) out[c.name] = it->second * c.weight / 100;
  }
  return out;
}

double FullMarks(std::span<const Criterion> criteria) {
  long double sum = 0;
  for (const auto& c : criteria) sum += c.weight;
  return static_cast<double>(sum);
}

// ---- ballots ------------------------------------------------------------------------------

std::vector<EntryProblem> ValidateBallots(std::span<const Ballot> ballots) {
  std::vector<EntryProblem> out;
  // n per group: distinct counties named anywhere in the group's ballots.
  std::map<std::string, std::set<std::string>> counties;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    const Ballot& b = ballots[i];
    RequireNonEmpty(out, i, "judge", b.judge);
    RequireNonEmpty(out, i, "group", b.group);
    RequireNonEmpty(out, i, "county", b.county);
    // An unnamed county is already reported; counting it would also make every judge's ballot
    // look incomplete.
    if (!b.county.empty()) counties[b.group].insert(b.county);
  }
  // (group, judge) → first entry per county and per rank, to name the earlier row in messages.
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> county_seen;
  std::map<std::tuple<std::string, std::string, int>, std::size_t> rank_seen;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> ranked_by_judge;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    const Ballot& b = ballots[i];
    const std::size_t n = counties[b.group].size();
    if (!b.judge.empty()) ranked_by_judge[{b.group, b.judge}].insert(b.county);
    auto [cit, new_county] = county_seen.try_emplace({b.group, b.judge, b.county}, i);
    if (!new_county && !b.county.empty()) {
      out.push_back({i, "county", b.county,
                     "judge " + b.judge + " ranks this county twice in group " + b.group, cit->second});
    }
    if (b.rank < 1 || static_cast<std::size_t>(b.rank) > n) {
      out.push_back({i, "rank", std::to_string(b.rank),
                     "rank must be within 1.." + std::to_string(n) + " (group " + b.group + " has " +
                         std::to_string(n) + (n == 1 ? " county)" : " counties)")});
      continue;
    }
    auto [rit, new_rank] = rank_seen.try_emplace({b.group, b.judge, b.rank}, i);
    // A repeated row (same county, same rank) is one mistake: the county message covers it.
    if (!new_rank && new_county) {
      out.push_back({i, "rank", std::to_string(b.rank),
                     "judge " + b.judge + " gives this rank twice in group " + b.group, rit->second});
    }
  }
  // A judge who ranks part of a group would bias the mean of the counties they left out.
  for (const auto& [key, ranked] : ranked_by_judge) {
    const auto& [group, judge] = key;
    for (const auto& county : counties[group]) {
      if (!ranked.count(county)) {
        out.push_back({std::nullopt, "county", county,
                       "judge " + judge + " does not rank this county in group " + group +
                           " (each judge ranks every county of the group)"});
      }
    }
  }
  return out;
}

Error ToError(std::span<const EntryProblem> problems, const char* collection) {
  Problems p;
  for (const auto& e : problems) {
    // Built with append: GCC 12 warns falsely (-Wrestrict) on `"[" + std::string` here.
    std::string field = collection;
    if (e.entry) field.append("[").append(std::to_string(*e.entry)).append("]");
    field.append(".").append(e.column);
    std::string reason = e.reason;
    if (e.related) {
      reason.append(" (also ").append(collection).append("[");
      reason.append(std::to_string(*e.related)).append("])");
    }
    p.Add(std::move(field), e.value, std::move(reason));
  }
  return p.ToError();
}

std::vector<CountyResult> RankWithinGroups(std::vector<CountyResult> scored) {
  std::map<std::string, std::vector<RankItem>> by_group;
  for (auto& r : scored) by_group[r.group].push_back({std::move(r.county), r.score});
  std::vector<CountyResult> out;
  out.reserve(scored.size());
  for (auto& [group, items] : by_group) {  // std::map: groups in byte order
    for (auto& ranked : CompetitionRank(std::move(items))) {
      out.push_back({group, std::move(ranked.key), ranked.score, ranked.rank});
    }
  }
  return out;
}

Result<std::vector<CountyResult>> ScoreBallots(std::span<const Ballot> ballots, double step) {
  auto problems = ValidateBallots(ballots);
  if (!std::isfinite(step) || step < 0) {
    problems.push_back({std::nullopt, "step", FormatNumber(step), "step must be a number ≥ 0"});
  }
  if (!problems.empty()) return ToError(problems, "ballots");
  // Sum per county in input order, then one division: integer points (the default step) stay
  // exact until the division, which IEEE rounds correctly.
  std::map<std::pair<std::string, std::string>, std::pair<long double, int>> sums;
  for (const auto& b : ballots) {
    auto& [sum, count] = sums[{b.group, b.county}];
    sum += 100.0L - static_cast<long double>(step) * (b.rank - 1);
    ++count;
  }
  std::vector<CountyResult> scored;
  for (const auto& [key, acc] : sums) {
    double score = static_cast<double>(acc.first) / acc.second;
    scored.push_back({key.first, key.second, score, 0});
  }
  return RankWithinGroups(std::move(scored));
}

// ---- score sheets -------------------------------------------------------------------------

std::vector<EntryProblem> ValidateSheets(std::span<const SheetEntry> entries) {
  std::vector<EntryProblem> out;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::size_t> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const SheetEntry& e = entries[i];
    RequireNonEmpty(out, i, "judge", e.judge);
    RequireNonEmpty(out, i, "group", e.group);
    RequireNonEmpty(out, i, "county", e.county);
    RequireNonEmpty(out, i, "project", e.project);
    if (!std::isfinite(e.score) || e.score < 0 || e.score > 100) {
      out.push_back({i, "score", std::isfinite(e.score) ? FormatNumber(e.score) : "",
                     "score must be a number within 0..100"});
    }
    auto [it, fresh] = seen.try_emplace({e.judge, e.group, e.county, e.project}, i);
    if (!fresh) {
      out.push_back({i, "project", e.project, "judge " + e.judge + " scores this project twice", it->second});
    }
  }
  return out;
}

double Mean(std::span<const double> values) {
  long double sum = 0;
  for (double v : values) sum += v;
  // Round the sum to double before dividing: for marks that are exact in binary (integers,
  // halves) the sum is exact and the one double division is correctly rounded — the same figure
  // a spreadsheet or any straightforward implementation prints.
  return static_cast<double>(sum) / static_cast<double>(values.size());
}

double TrimmedMean(std::vector<double> totals, bool trim) {
  std::sort(totals.begin(), totals.end());
  std::span<const double> kept(totals);
  if (trim && totals.size() >= 3) kept = kept.subspan(1, totals.size() - 2);
  return Mean(kept);
}

Result<std::vector<CountyResult>> ScoreSheets(std::span<const SheetEntry> entries, bool trim,
                                              BlendWeights blend,
                                              const std::map<std::string, double>& indicator) {
  auto problems = ValidateSheets(entries);
  bool blending = blend.indicator != 0;
  if (blending && (!(blend.projects >= 0) || !(blend.indicator > 0) || !std::isfinite(blend.projects) ||
                   !std::isfinite(blend.indicator))) {
    problems.push_back({std::nullopt, "blend", "", "blend weights must be ≥ 0 and finite"});
  }
  // Totals per project, keyed (group, county, project).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>> totals;
  for (const auto& e : entries) totals[{e.group, e.county, e.project}].push_back(e.score);
  std::map<std::pair<std::string, std::string>, std::vector<double>> project_scores;
  for (auto& [key, list] : totals) {
    const auto& [group, county, project] = key;
    project_scores[{group, county}].push_back(TrimmedMean(std::move(list), trim));
  }
  if (blending) {
    std::set<std::string> reported;
    for (const auto& [key, unused] : project_scores) {
      if (!indicator.count(key.second) && reported.insert(key.second).second) {
        problems.push_back(
            {std::nullopt, "indicator", key.second, "county has no indicator score to blend with"});
      }
    }
  }
  if (!problems.empty()) return ToError(problems, "sheets");
  std::vector<CountyResult> scored;
  for (const auto& [key, scores] : project_scores) {
    double score = Mean(scores);
    if (blending) {
      score = (blend.projects * score + blend.indicator * indicator.at(key.second)) /
              (blend.projects + blend.indicator);
    }
    scored.push_back({key.first, key.second, score, 0});
  }
  return RankWithinGroups(std::move(scored));
}

// ---- event lifecycle ----------------------------------------------------------------------

namespace {

bool Contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

Status RequireState(const Event& event, EventState wanted, const char* action) {
  if (event.state == wanted) return Ok{};
  static const char* const kNames[] = {"draft", "open", "closed", "published"};
  return Error::Conflict(std::string("cannot ") + action + ": the event is " +
                         kNames[static_cast<int>(event.state)]);
}

Status RequireJudge(const Event& event, const std::string& judge) {
  if (Contains(event.judges, judge)) return Ok{};
  return Error::Forbidden("not a judge of this event: " + judge);
}

}  // namespace

std::vector<std::string> CountiesOf(const Event& event, const std::string& group) {
  std::set<std::string> counties;
  for (const auto& n : event.nominations) {
    if (n.group == group) counties.insert(n.county);
  }
  return {counties.begin(), counties.end()};
}

Status Open(Event& event) {
  if (auto s = RequireState(event, EventState::kDraft, "open"); !s) return s;
  Problems problems;
  if (event.groups.empty()) problems.Add("groups", "", "an event needs at least one group");
  if (event.judges.empty()) problems.Add("judges", "", "an event needs at least one judge");
  if (event.nominations.empty()) problems.Add("nominations", "", "no county has nominated projects");
  for (std::size_t i = 0; i < event.nominations.size(); ++i) {
    if (!Contains(event.groups, event.nominations[i].group)) {
      problems.Add("nominations[" + std::to_string(i) + "].group", event.nominations[i].group,
                   "unknown group");
    }
  }
  if (event.config.mode == JudgingMode::kBallot &&
      (!std::isfinite(event.config.step) || event.config.step < 0)) {
    problems.Add("config.step", FormatNumber(event.config.step), "step must be ≥ 0");
  }
  if (!problems.empty()) return problems.ToError("event cannot open");
  event.state = EventState::kOpen;
  return Ok{};
}

Status Close(Event& event) {
  if (auto s = RequireState(event, EventState::kOpen, "close"); !s) return s;
  event.state = EventState::kClosed;
  return Ok{};
}

Status Publish(Event& event, Publication how) {
  if (auto s = RequireState(event, EventState::kClosed, "publish"); !s) return s;
  event.state = EventState::kPublished;
  event.publication = how;
  return Ok{};
}

Status CheckEditable(const Event& event) {
  if (event.state == EventState::kDraft) return Ok{};
  static const char* const kNames[] = {"draft", "open", "closed", "published"};
  return Error::Conflict(std::string("rule observation.draft_only: cannot edit: the event is ") +
                         kNames[static_cast<int>(event.state)] +
                         "; only a draft's set-up can change (judges may have scored it)");
}

Status SubmitBallot(Event& event, const std::string& judge, const std::string& group,
                    const std::vector<RankedPlace>& places) {
  if (auto s = RequireState(event, EventState::kOpen, "submit"); !s) return s;
  if (auto s = RequireJudge(event, judge); !s) return s;
  if (event.config.mode != JudgingMode::kBallot) {
    return Error::Conflict("this event is judged with score sheets, not ballots");
  }
  if (!Contains(event.groups, group)) return Error::NotFound("unknown group: " + group);
  // Validate against the event's own county list, not just the ballot: a ballot that leaves out
  // a nominated county is incomplete even if its own ranks are 1..k.
  std::vector<Ballot> ballot;
  for (const auto& p : places) ballot.push_back({judge, group, p.county, p.rank});
  Problems problems;
  const auto counties = CountiesOf(event, group);
  for (std::size_t i = 0; i < ballot.size(); ++i) {
    if (!std::binary_search(counties.begin(), counties.end(), ballot[i].county)) {
      problems.Add("places[" + std::to_string(i) + "].county", ballot[i].county,
                   "county has no nomination in this group");
    }
  }
  for (const auto& c : counties) {
    bool present = std::any_of(ballot.begin(), ballot.end(), [&](const Ballot& b) { return b.county == c; });
    if (!present) problems.Add("places", c, "county not ranked");
  }
  if (problems.empty()) {
    for (const auto& p : ValidateBallots(ballot)) {
      problems.Add(p.entry ? "places[" + std::to_string(*p.entry) + "]." + p.column : p.column, p.value,
                   p.reason);
    }
  }
  if (!problems.empty()) return problems.ToError("invalid ballot");
  // Replace: a judge may change their mind until close; only the last ballot counts.
  std::erase_if(event.ballots, [&](const Ballot& b) { return b.judge == judge && b.group == group; });
  event.ballots.insert(event.ballots.end(), ballot.begin(), ballot.end());
  return Ok{};
}

namespace {

// Whether `judge` may submit a sheet for `project` now.
Status CheckSheet(const Event& event, const std::string& judge, const Nomination& project) {
  if (auto s = RequireState(event, EventState::kOpen, "submit"); !s) return s;
  if (auto s = RequireJudge(event, judge); !s) return s;
  if (event.config.mode != JudgingMode::kSheet) {
    return Error::Conflict("this event is judged with ranked ballots, not score sheets");
  }
  bool nominated = std::any_of(event.nominations.begin(), event.nominations.end(), [&](const Nomination& n) {
    return n.group == project.group && n.county == project.county && n.project == project.project;
  });
  if (!nominated) return Error::NotFound("not a nominated project: " + project.project);
  return Ok{};
}

// Replaces the judge's earlier sheet for the project, or adds it.
void StoreSheet(Event& event, SheetSubmission sub) {
  const SheetEntry& e = sub.entry;
  auto same = [&](const SheetSubmission& s) {
    return s.entry.judge == e.judge && s.entry.group == e.group && s.entry.county == e.county &&
           s.entry.project == e.project;
  };
  auto it = std::find_if(event.submissions.begin(), event.submissions.end(), same);
  if (it != event.submissions.end()) {
    *it = std::move(sub);
  } else {
    event.submissions.push_back(std::move(sub));
  }
}

}  // namespace

Status SubmitSheet(Event& event, const std::string& judge, const Nomination& project,
                   const std::map<std::string, double>& ratings) {
  if (auto s = CheckSheet(event, judge, project); !s) return s;
  auto total = WeightedTotal(event.config.criteria, ratings);
  if (!total) return total.error();
  StoreSheet(event, {{judge, project.group, project.county, project.project, *total},
                     ratings,
                     PointsOfRatings(event.config.criteria, ratings)});
  return Ok{};
}

Status SubmitSheetPoints(Event& event, const std::string& judge, const Nomination& project,
                         const std::map<std::string, double>& points) {
  if (auto s = CheckSheet(event, judge, project); !s) return s;
  auto sheet = SheetFromPoints(event.config.criteria, points);
  if (!sheet) return sheet.error();
  StoreSheet(event, {{judge, project.group, project.county, project.project, sheet->total},
                     std::move(sheet->ratings),
                     points});
  return Ok{};
}

std::vector<Ballot> BallotsVisibleTo(const Event& event, const std::string& judge) {
  bool all = event.state == EventState::kClosed || event.state == EventState::kPublished;
  std::vector<Ballot> out;
  for (const auto& b : event.ballots) {
    if (all || b.judge == judge) out.push_back(b);
  }
  return out;
}

std::vector<SheetSubmission> SheetsVisibleTo(const Event& event, const std::string& judge) {
  bool all = event.state == EventState::kClosed || event.state == EventState::kPublished;
  std::vector<SheetSubmission> out;
  for (const auto& s : event.submissions) {
    if (all || s.entry.judge == judge) out.push_back(s);
  }
  return out;
}

Result<std::vector<CountyResult>> Results(const Event& event) {
  if (event.state != EventState::kClosed && event.state != EventState::kPublished) {
    return Error::Conflict("results are available once the event is closed");
  }
  if (event.config.mode == JudgingMode::kBallot) {
    return ScoreBallots(event.ballots, event.config.step);
  }
  std::vector<SheetEntry> entries;
  for (const auto& s : event.submissions) entries.push_back(s.entry);
  return ScoreSheets(entries, event.config.trim, event.config.blend, event.indicator_scores);
}

Result<std::vector<PublishedPlace>> PublishedResults(const Event& event) {
  if (event.state != EventState::kPublished || !event.publication) {
    return Error::NotFound("results are not published");
  }
  auto results = Results(event);
  if (!results) return results.error();
  std::vector<PublishedPlace> out;
  for (const auto& r : *results) {
    PublishedPlace p{r.group, r.county, r.rank, std::nullopt};
    if (*event.publication == Publication::kWithScores) p.score = r.score;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace gj::assessment
