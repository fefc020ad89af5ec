// The overview (GET /overview): a year's list in figures, whole and by stage, category, town and
// county, with 同比 — last year's list at the same date one year earlier. Both years are counted by
// one function, ListFigures, so this year's and last year's 年度完成投资 follow the same as-of rule
// from the same sources.
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "common/money.h"
#include "domain/ledger/project_year.h"
#include "service/ledger/ledger_service.h"
#include "store/progress_store.h"
#include "store/project_year_store.h"

namespace gj::service {

namespace {

constexpr const char* kGroups[] = {"stage", "category", "town_code", "county_code"};

// One year's list in figures at a date.
struct ListFiguresAt {
  int64_t project_count = 0, total_investment = 0, annual_plan = 0, annual_completed = 0;
  std::vector<store::Aggregate> groups[std::size(kGroups)];  // by kGroups, ledger keys ascending
};

const std::string& GroupKey(const ledger::Project& p, size_t group) {
  static const std::string kNone;
  switch (group) {
    case 0: return p.stage;
    case 1: return p.category;
    case 2: return p.town_code ? *p.town_code : kNone;
    default: return p.county_code;
  }
}

// The list of f.year within f's scope at `as_of` (ledger::FiguresDate of the year): counts, total
// investment and annual plans from the year rows; 年度完成投资 per project as the lights count it —
// the highest year-to-date figure filed in a progress report of the year by the date, else the year
// row's annual_completed. The sums come from the store's aggregates; a project with a filed figure
// adds the difference to its groups.
ListFiguresAt ListFigures(store::Connection& c, const store::ProjectFilter& f, const Date& as_of) {
  ListFiguresAt out;
  for (size_t g = 0; g < std::size(kGroups); ++g) {
    out.groups[g] = store::AggregateProjects(c, f, kGroups[g]);
    if (g != 0) continue;
    for (const auto& a : out.groups[0]) {
      out.project_count += a.count;
      out.total_investment = AddYuan(out.total_investment, a.total_investment);
      out.annual_plan = AddYuan(out.annual_plan, a.annual_plan);
      out.annual_completed = AddYuan(out.annual_completed, a.annual_completed);
    }
  }
  const Date at = ledger::FiguresDate(*f.year, as_of);
  if (at.year != *f.year || out.project_count == 0) return out;  // nothing of the year filed yet
  std::unordered_map<int64_t, int64_t> filed;
  for (const auto& [id, facts] : store::LoadReportFacts(c, f.scope, at, at)) {
    if (facts.filed_year_total) filed.emplace(id, *facts.filed_year_total);
  }
  if (filed.empty()) return out;
  std::vector<int64_t> reported;
  for (int64_t id : store::ListProjectIds(c, f)) {
    if (filed.count(id)) reported.push_back(id);
  }
  for (const auto& p : store::LoadProjects(c, f.scope, reported, f.year)) {
    // Stored figures beyond kMaxAmountYuan (no input lets them in) count as the bound, as the
    // store's sums count them: the difference of two bounded amounts cannot overflow.
    const int64_t delta =
        ClampYuan(ledger::AnnualCompletedAt(p, filed.at(p.id))) - ClampYuan(p.annual_completed.value_or(0));
    out.annual_completed = AddYuan(out.annual_completed, delta);
    for (size_t g = 0; g < std::size(kGroups); ++g) {
      auto& list = out.groups[g];
      auto it = std::find_if(list.begin(), list.end(),
                             [&](const store::Aggregate& a) { return a.key == GroupKey(p, g); });
      if (it != list.end()) it->annual_completed = AddYuan(it->annual_completed, delta);
    }
  }
  return out;
}

std::vector<ProjectOverview::Group>& GroupOf(ProjectOverview& o, size_t group) {
  switch (group) {
    case 0: return o.by_stage;
    case 1: return o.by_category;
    case 2: return o.by_town;
    default: return o.by_county;
  }
}

}  // namespace

Result<ProjectOverview> LedgerService::Overview(const Ctx& ctx, const std::string& region,
                                                std::optional<int> year, std::optional<Date> as_of) {
  auto tree_ptr = Regions();
  const access::RegionTree& tree = *tree_ptr;
  store::ProjectFilter f;
  auto scope = RegionScope(ctx, region);
  if (!scope) return scope.error();
  f.scope = std::move(scope.value());
  auto c = db_.Acquire();
  const Date asked = as_of.value_or(ctx.today);
  const auto years = store::YearsWithList(*c, f.scope);
  f.year = year.value_or(ledger::CurrentListYear(years, asked));
  const Date at = ledger::FiguresDate(*f.year, asked);
  const auto dicts = store::LoadDictionaries(*c);
  auto label = [&](const std::string& kind, const std::string& code) -> std::string {
    if (kind == "town_code" || kind == "county_code") {
      const access::Region* r = tree.Find(code);
      return r ? r->name : (code.empty() ? "未指定" : code);
    }
    auto it = dicts.find(kind);
    const ledger::DictEntry* e = it == dicts.end() ? nullptr : ledger::FindByCode(it->second, code);
    return e ? e->label_zh : code;
  };
  ProjectOverview out;
  auto now = ListFigures(*c, f, at);
  out.project_count = now.project_count;
  out.total_investment = now.total_investment;
  out.annual_plan = now.annual_plan;
  out.annual_completed = now.annual_completed;
  for (size_t g = 0; g < std::size(kGroups); ++g) {
    for (auto& a : now.groups[g]) {
      std::string name = label(kGroups[g], a.key);
      GroupOf(out, g).push_back({std::move(a), std::move(name)});
    }
  }
  if (const access::Region* r = tree.Find(region)) out.region = *r;
  out.year = *f.year;
  if (std::find(years.begin(), years.end(), out.year - 1) != years.end()) {
    ProjectOverview::Previous prev;
    prev.year = out.year - 1;
    prev.as_of = ledger::SameDayYearEarlier(at);
    f.year = prev.year;
    const auto then = ListFigures(*c, f, prev.as_of);
    prev.project_count = then.project_count;
    prev.total_investment = then.total_investment;
    prev.annual_plan = then.annual_plan;
    prev.annual_completed = then.annual_completed;
    out.previous = prev;
  }
  return out;
}

}  // namespace gj::service
