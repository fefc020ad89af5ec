#include "domain/supervision/procedure.h"

#include <algorithm>
#include <map>

namespace gj::supervision {

const std::vector<std::string> kProcedureStatuses = {"not_started", "applied", "accepted_pending", "approved",
                                                     "not_required"};

const std::vector<ProcedureKind>& DefaultProcedureKinds() {
  static const std::vector<ProcedureKind> kKinds = {
      {"project_approval", "立项/备案", "Approval / filing", true},
      {"land_preexam", "用地预审与选址", "Land pre-examination and site selection", true},
      {"planning_permit", "规划许可", "Planning permit", true},
      {"property_cert", "不动产权证", "Real-estate title", true},
      {"construction_permit", "施工许可", "Construction permit", true},
      {"eia", "环评批复", "Environmental impact approval", true},
      {"energy_review", "节能审查", "Energy-saving review", true},
  };
  return kKinds;
}

bool BlocksStart(const ProcedureFact& p, const std::optional<Date>& planned_start,
                 const std::optional<Date>& actual_start, const Date& as_of, int horizon_days) {
  if (actual_start && *actual_start <= as_of) return false;
  if (!planned_start || !p.required_for_start) return false;
  if (p.status == "approved" || p.status == "not_required" || p.status == "accepted_pending" ||
      p.accepted_pending) {
    // An approval dated after as_of did not exist yet on that date.
    if (!(p.status == "approved" && p.approved_on && *p.approved_on > as_of)) return false;
  }
  return *planned_start <= as_of.AddDays(horizon_days);
}

std::vector<std::string> BlockingKinds(const std::vector<const ProcedureFact*>& recorded,
                                       const std::vector<ProcedureKind>& kinds,
                                       const std::optional<Date>& planned_start,
                                       const std::optional<Date>& actual_start, const Date& as_of) {
  std::vector<std::string> out;
  // Most projects of a board are started or plan to start later: nothing to look at (lights of
  // 100,000 projects call this for each).
  if (!planned_start || (actual_start && *actual_start <= as_of) ||
      *planned_start > as_of.AddDays(kStartHorizonDays))
    return out;
  for (const auto& k : kinds) {
    auto it = std::find_if(recorded.begin(), recorded.end(),
                           [&](const ProcedureFact* f) { return f->kind == k.code; });
    // Never recorded: not started, so it blocks when the kind is required.
    const bool blocks =
        it != recorded.end() ? BlocksStart(**it, planned_start, actual_start, as_of) : k.required_for_start;
    if (blocks) out.push_back(k.code);
  }
  return out;
}

std::optional<int64_t> DurationDays(const ProcedureFact& p) {
  if (!p.applied_on || !p.approved_on) return std::nullopt;
  return p.approved_on->ToDays() - p.applied_on->ToDays();
}

std::vector<UnitDuration> DurationsByUnit(const std::vector<ProcedureFact>& ps) {
  std::map<int64_t, std::vector<int64_t>> days;
  for (const auto& p : ps) {
    if (auto d = DurationDays(p); d && p.status == "approved") days[p.unit_id.value_or(0)].push_back(*d);
  }
  std::vector<UnitDuration> out;
  for (const auto& [unit, v] : days) {
    UnitDuration u;
    u.unit_id = unit;
    u.approved = static_cast<int>(v.size());
    int64_t sum = 0;
    for (int64_t d : v) sum += d;
    u.average_days = static_cast<double>(sum) / static_cast<double>(v.size());
    u.min_days = *std::min_element(v.begin(), v.end());
    u.max_days = *std::max_element(v.begin(), v.end());
    out.push_back(u);
  }
  std::sort(out.begin(), out.end(), [](const UnitDuration& a, const UnitDuration& b) {
    return a.average_days != b.average_days ? a.average_days < b.average_days : a.unit_id < b.unit_id;
  });
  return out;
}

Problems ValidateProcedure(const ProcedureFact& p, const std::optional<std::string>& approval_no) {
  Problems pr;
  if (std::find(kProcedureStatuses.begin(), kProcedureStatuses.end(), p.status) == kProcedureStatuses.end()) {
    ErrorDetail d{"status", p.status, "not a procedure status", 0, kProcedureStatuses};
    pr.Add(d);
  }
  if (p.applied_on && p.approved_on && *p.approved_on < *p.applied_on) {
    pr.Add("approved_on", p.approved_on->ToString(),
           "rule procedure.approved_after_applied: before the application date " + p.applied_on->ToString());
  }
  if (p.status == "approved") {
    if (!p.approved_on)
      pr.Add("approved_on", "",
             "rule procedure.approved_needs_date: an approved procedure needs its approval date");
    if (!approval_no || approval_no->empty())
      pr.Add(
          "approval_no", "",
          "rule procedure.approved_needs_number: an approved procedure needs its approval number (批复文号)");
  }
  if ((p.status == "applied" || p.status == "accepted_pending") && !p.applied_on) {
    pr.Add("applied_on", "", "rule procedure.applied_needs_date: required once applied");
  }
  return pr;
}

}  // namespace gj::supervision
