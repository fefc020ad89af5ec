#include "domain/supervision/attention.h"

#include <algorithm>
#include <map>

namespace gj::supervision {

int AttentionOrder(const std::string& kind) {
  static const std::map<std::string, int> kOrder = {{"overdue", 0},   {"escalated", 1}, {"verify", 2},
                                                    {"returned", 3},  {"assigned", 4},  {"due", 5},
                                                    {"unassigned", 6}};
  return kOrder.at(kind);
}

namespace {

// Whether the step reached is the ladder's contact_leader step or a later one.
bool ReachesLeader(const std::optional<EscalationStep>& reached, const EscalationPolicy& policy) {
  if (!reached) return false;
  for (const auto& s : policy.steps) {
    if (s.level == "contact_leader") return reached->after_days >= s.after_days;
  }
  return false;
}

}  // namespace

std::vector<AttentionItem> AttentionFor(const AttentionSubject& who,
                                        const std::vector<AttentionProblem>& problems, const Date& as_of,
                                        const std::set<std::string>& read_keys,
                                        const EscalationPolicy& escalation) {
  std::vector<AttentionItem> out;
  for (const auto& ap : problems) {
    const ProblemFact& p = ap.fact;
    const bool mine_unit = p.unit_id && who.unit_ids.count(*p.unit_id);
    const bool mine_verify = p.coordinator_id && who.person_id && *p.coordinator_id == *who.person_id;
    const auto step = EscalationAt(p, as_of, escalation);
    auto add = [&](const std::string& kind) {
      AttentionItem it;
      it.kind = kind;
      it.key = "problem:" + std::to_string(p.id) + ":v" + std::to_string(ap.version) + ":" + kind;
      if ((kind == "overdue" || kind == "escalated") && step) {
        it.escalation = step;
        it.key += ":" + step->level;
      }
      it.problem_id = p.id;
      it.project_id = p.project_id;
      it.title = ap.description;
      it.project_name = ap.project_name;
      it.deadline = p.deadline;
      it.days_overdue = DaysOverdue(p, as_of);
      it.read = read_keys.count(it.key) > 0;
      out.push_back(std::move(it));
    };
    if (p.status == "verifying" && mine_verify) add("verify");
    if (p.status == "raised" && who.office) add("unassigned");
    if (mine_unit && p.status == "assigned") add("assigned");
    if (mine_unit && p.status == "returned") add("returned");
    const bool involved = mine_unit || mine_verify || who.office;
    const bool chasing = IsOpen(p.status) && p.status != "verifying" && p.deadline;
    if (involved && chasing) {
      if (IsOverdue(p, as_of)) add("overdue");
      else if (p.deadline->ToDays() - as_of.ToDays() <= who.due_soon_days && (mine_unit || mine_verify))
        add("due");
    } else if (chasing && who.led_projects.count(p.project_id) && ReachesLeader(step, escalation)) {
      add("escalated");
    }
  }
  std::sort(out.begin(), out.end(), [](const AttentionItem& a, const AttentionItem& b) {
    if (AttentionOrder(a.kind) != AttentionOrder(b.kind))
      return AttentionOrder(a.kind) < AttentionOrder(b.kind);
    if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
    return a.problem_id < b.problem_id;
  });
  return out;
}

}  // namespace gj::supervision
