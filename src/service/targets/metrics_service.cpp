#include "service/targets/metrics_service.h"

namespace gj::service {

namespace {

// A dictionary value given as code or label → its code; reports an unknown one.
std::optional<std::string> Code(const ledger::Dictionaries& dicts, const char* kind, const std::string& value,
                                Problems& pr) {
  if (value.empty()) return std::nullopt;
  const auto& list = dicts.at(kind);
  if (const auto* e = ledger::FindByCode(list, value)) return e->code;
  if (const auto* e = ledger::FindByLabel(list, value)) return e->code;
  std::string allowed;
  for (const auto& e : list) allowed += (allowed.empty() ? "" : ", ") + e.code + " (" + e.label_zh + ")";
  pr.Add(kind, value, "not one of: " + allowed);
  return std::nullopt;
}

}  // namespace

Result<std::vector<ledger::Project>> MetricsService::Projects(const Ctx& ctx, const ProjectSet& set) {
  Problems pr;
  const auto dicts = ledger_.Dictionaries();
  store::ProjectFilter f;
  f.track = Code(dicts, "track", set.track, pr);
  f.category = Code(dicts, "category", set.category, pr);
  f.level = Code(dicts, "level", set.level, pr);
  f.kind = Code(dicts, "kind", set.kind, pr);
  f.stage = Code(dicts, "stage", set.stage, pr);
  f.year = set.year;
  if (!set.region.empty() && !ledger_.Regions()->Find(set.region))
    pr.Add("region", set.region, "unknown region code");
  if (!pr.empty()) return pr.ToError("the project set is not valid");
  auto page = ledger_.ListInRegion(ctx, f, set.region);
  if (!page) return page.error();
  std::vector<ledger::Project> out;
  out.reserve(page->size());
  for (auto& row : page.value()) out.push_back(std::move(row.project));
  return out;
}

Result<targets::Ratio> MetricsService::StartRate(const Ctx& ctx, const ProjectSet& set, const Date& as_of) {
  auto projects = Projects(ctx, set);
  if (!projects) return projects.error();
  return targets::StartRate(projects.value(), as_of);
}

}  // namespace gj::service
