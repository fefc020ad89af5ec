// Observation events (观摩评议): judges tour the counties' key projects and the counties of each
// group are ranked. Pure rules only — no clock, no store: the service layer loads an Event,
// applies one of these transitions and saves the result with a journal entry.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/assessment/ranking.h"

namespace gj::assessment {

enum class JudgingMode { kBallot, kSheet };

// One line of a ranked ballot: `judge` put `county` at place `rank` in `group`.
struct Ballot {
  std::string judge;
  std::string group;
  std::string county;
  int rank = 0;
};

// One judge's total (0..100) for one nominated project. Projects are identified by
// (group, county, project): two counties may nominate projects with the same name.
struct SheetEntry {
  std::string judge;
  std::string group;
  std::string county;
  std::string project;
  double score = 0;
};

struct Criterion {
  std::string name;
  double weight = 0;
};

// 投资规模 30, 建设进度 30, 产业层次与科技含量 20, 综合效益 20.
std::vector<Criterion> DefaultCriteria();

// A judge rates each criterion on 0..100; the total is the weight-averaged rating, so it stays on
// 0..100 whatever the weights add up to. (With weights summing to 100 this equals the paper form
// where each criterion is marked out of its weight: 24/30 points == rating 80.)
// Invalid: a rating outside 0..100, a criterion missing or unknown, weights not positive.
Result<double> WeightedTotal(std::span<const Criterion> criteria,
                             const std::map<std::string, double>& ratings);

// A judge may instead mark each criterion out of its own weight, as on the paper form (投资规模 30
// → 0..30 points). p points of a criterion worth w are the rating 100·p/w, so the two ways give
// the same total; from points it is computed as Σp·100/Σw, which with weights adding up to 100
// (the default) is exactly the sum of the points.
// Invalid (fields "points.<criterion>"): points outside 0..weight, a criterion missing or
// unknown, weights not positive.
struct MarkedSheet {
  std::map<std::string, double> ratings;  // 0..100, as WeightedTotal takes them
  double total = 0;
};
Result<MarkedSheet> SheetFromPoints(std::span<const Criterion> criteria,
                                    const std::map<std::string, double>& points);
// The points behind ratings (r·w/100): a sheet rated 0..100 shown on the paper form's scale.
// Ratings of criteria the event no longer has are left out.
std::map<std::string, double> PointsOfRatings(std::span<const Criterion> criteria,
                                              const std::map<std::string, double>& ratings);
// Σ weights: the full marks of a sheet in points (100 with the default criteria).
double FullMarks(std::span<const Criterion> criteria);

struct BlendWeights {
  double projects = 1;   // weight of the mean of the county's project scores
  double indicator = 0;  // weight of the county's indicator score (e.g. a statistics-based score)
};

struct EventConfig {
  JudgingMode mode = JudgingMode::kSheet;
  double step = 3;   // ballot: rank r is worth 100 − step·(r − 1)
  bool trim = true;  // sheet: drop one highest and one lowest total when ≥ 3 judges
  std::vector<Criterion> criteria = DefaultCriteria();
  BlendWeights blend;
};

// A rule broken by one entry (index into the input) or by the input as a whole (no index, e.g.
// a judge who left a county off a ballot). `column` names the field the way the CSV does.
struct EntryProblem {
  EntryProblem(std::optional<std::size_t> entry_in, std::string column_in, std::string value_in,
               std::string reason_in, std::optional<std::size_t> related_in = std::nullopt)
      : entry(entry_in),
        column(std::move(column_in)),
        value(std::move(value_in)),
        reason(std::move(reason_in)),
        related(related_in) {}
  std::optional<std::size_t> entry;
  std::string column;
  std::string value;
  std::string reason;
  std::optional<std::size_t> related;  // the earlier entry a duplicate collides with
};

struct CountyResult {
  std::string group;
  std::string county;
  double score = 0;
  int rank = 0;
};

// Checks every ballot rule and reports every violation:
//  - judge, group and county are not empty;
//  - n = the number of distinct counties named in the group (over all ballots of the group), and
//    every rank is within 1..n;
//  - a judge ranks a county at most once, and uses each rank at most once, within a group;
//  - a judge who ranks anything in a group ranks every county of that group (complete ballot).
std::vector<EntryProblem> ValidateBallots(std::span<const Ballot> ballots);

// score(county) = Σ (100 − step·(r − 1)) / number of ballots ranking it; ranked within each
// group. Output sorted by group, rank, county. Invalid input → Error::Invalid whose details have
// field "ballots[i].column" (or "ballots" for whole-input problems).
Result<std::vector<CountyResult>> ScoreBallots(std::span<const Ballot> ballots, double step);

// Checks: judge, group, county, project not empty; score a finite number within 0..100; a judge
// scores a project at most once.
std::vector<EntryProblem> ValidateSheets(std::span<const SheetEntry> entries);

// The score of one project from its judges' totals: with `trim` and at least 3 totals, one
// highest and one lowest are dropped (one instance each, even if tied); the rest are averaged.
// Precondition: totals not empty.
double TrimmedMean(std::vector<double> totals, bool trim);

// Mean of doubles accumulated in long double, so that sums of decimal marks (85.5, 90.3, …) lose
// nothing before the one rounding at the division. Precondition: not empty.
double Mean(std::span<const double> values);

// score(county) = mean of its projects' TrimmedMean scores, blended with its indicator score when
// blend.indicator > 0: (p·projects + i·indicator) / (p + i). A county without an indicator score
// is invalid when blending is on.
Result<std::vector<CountyResult>> ScoreSheets(std::span<const SheetEntry> entries, bool trim,
                                              BlendWeights blend = {},
                                              const std::map<std::string, double>& indicator = {});

// Groups the scores by group and ranks each group on its own (competition ranking, ties within
// kTieEpsilon). Output sorted by group (byte order), rank, county.
std::vector<CountyResult> RankWithinGroups(std::vector<CountyResult> scored);

Error ToError(std::span<const EntryProblem> problems, const char* collection);

// ---- Event lifecycle -----------------------------------------------------------------------

// draft: set up; open: judges submit; closed: frozen, results computable and visible to judges;
// published: announced to the public, rank only or with scores.
enum class EventState { kDraft, kOpen, kClosed, kPublished };
enum class Publication { kRankOnly, kWithScores };

struct Nomination {
  std::string group;
  std::string county;
  std::string project;
};

// The criterion ratings behind one judge's total, kept so a sheet can be shown back to its judge.
struct SheetSubmission {
  SheetEntry entry;
  std::map<std::string, double> ratings;
  std::map<std::string, double> points;  // the same marks out of each criterion's weight
};

struct Event {
  std::string name;
  Date start;
  Date end;
  std::string level;                // city / county: who runs the event
  std::vector<std::string> groups;  // 县市区组, 城区组, 开发区组 …
  EventConfig config;
  std::vector<Nomination> nominations;
  std::vector<std::string> judges;
  std::map<std::string, double> indicator_scores;  // county → score, for blending
  EventState state = EventState::kDraft;
  std::optional<Publication> publication;
  std::vector<Ballot> ballots;               // ballot mode
  std::vector<SheetSubmission> submissions;  // sheet mode
};

// The counties of a group, from the nominations, in byte order.
std::vector<std::string> CountiesOf(const Event& event, const std::string& group);

// Transitions mutate `event` only when they succeed; a refused one changes nothing.
Status Open(Event& event);   // draft → open: needs groups, judges, nominations in known groups
Status Close(Event& event);  // open → closed
Status Publish(Event& event, Publication how);  // closed → published
// The set-up (name, dates, groups, criteria, judges, nominations …) may change only while the
// event is a draft: once open, judges score against it. A refusal names the rule (409).
Status CheckEditable(const Event& event);

struct RankedPlace {
  std::string county;
  int rank = 0;
};

// A judge's ballot for one group: places for every county of the group. Replaces the judge's
// earlier ballot for that group. Only while open, only by a judge of the event.
Status SubmitBallot(Event& event, const std::string& judge, const std::string& group,
                    const std::vector<RankedPlace>& places);

// A judge's criterion ratings for one nominated project. Replaces the judge's earlier sheet for
// that project. Only while open, only by a judge of the event.
Status SubmitSheet(Event& event, const std::string& judge, const Nomination& project,
                   const std::map<std::string, double>& ratings);
// The same with each criterion marked out of its weight (SheetFromPoints); the sheet keeps the
// points as given and the ratings they stand for.
Status SubmitSheetPoints(Event& event, const std::string& judge, const Nomination& project,
                         const std::map<std::string, double>& points);

// What `judge` may see: before close only their own submissions, afterwards everyone's.
std::vector<Ballot> BallotsVisibleTo(const Event& event, const std::string& judge);
std::vector<SheetSubmission> SheetsVisibleTo(const Event& event, const std::string& judge);

// The ranking; only once the event is closed (before that the figures would leak, and change).
Result<std::vector<CountyResult>> Results(const Event& event);

// The public view: nothing before publication; scores withheld for a rank-only publication.
struct PublishedPlace {
  std::string group;
  std::string county;
  int rank = 0;
  std::optional<double> score;
};
Result<std::vector<PublishedPlace>> PublishedResults(const Event& event);

}  // namespace gj::assessment
