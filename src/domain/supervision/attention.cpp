#include "domain/supervision/attention.h"

#include <algorithm>
#include <map>

namespace gj::supervision {

namespace {

int Rank(const std::string& kind) {
  static const std::map<std::string, int> kOrder = {{"overdue", 0}, {"verify", 1}, {"returned", 2},
                                                    {"assigned", 3}, {"due", 4}, {"unassigned", 5}};
  return kOrder.at(kind);
}

}  // namespace

std::vector<AttentionItem> AttentionFor(const AttentionSubject& who, const std::vector<AttentionProblem>& problems,
                                        const Date& as_of, const std::set<std::string>& read_keys) {
  std::vector<AttentionItem> out;
  for (const auto& ap : problems) {
    const ProblemFact& p = ap.fact;
    const bool mine_unit = p.unit_id && who.unit_ids.count(*p.unit_id);
    const bool mine_verify = p.coordinator_id && who.person_id && *p.coordinator_id == *who.person_id;
    auto add = [&](const std::string& kind) {
      AttentionItem it;
      it.kind = kind;
      it.key = "problem:" + std::to_string(p.id) + ":v" + std::to_string(ap.version) + ":" + kind;
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
    if (involved && IsOpen(p.status) && p.status != "verifying" && p.deadline) {
      if (IsOverdue(p, as_of)) add("overdue");
      else if (p.deadline->ToDays() - as_of.ToDays() <= who.due_soon_days && (mine_unit || mine_verify)) add("due");
    }
  }
  std::sort(out.begin(), out.end(), [](const AttentionItem& a, const AttentionItem& b) {
    if (Rank(a.kind) != Rank(b.kind)) return Rank(a.kind) < Rank(b.kind);
    if (a.days_overdue != b.days_overdue) return a.days_overdue > b.days_overdue;
    return a.problem_id < b.problem_id;
  });
  return out;
}

}  // namespace gj::supervision
