#include "domain/supervision/gantt.h"

#include <algorithm>

#include "domain/ledger/project.h"

namespace gj::supervision {

namespace {

bool Has(const std::string& s, const char* word) { return s.find(word) != std::string::npos; }

// The gate a name says itself, or "".
std::string NamedGate(const std::string& name) {
  if (Has(name, "投产")) return "operating";
  if (Has(name, "竣工") || Has(name, "完工")) return "completed";
  if (Has(name, "开工")) return "started";
  return "";
}

// The place of a built-in stage in the stage order (谋划 1 … 投产 6); 0 for a stage an admin added.
int StageRank(const std::string& stage) {
  static const std::vector<ledger::DictEntry> kStages = ledger::DefaultDictionaries().at("stage");
  const ledger::DictEntry* e = ledger::FindByCode(kStages, stage);
  return e ? e->sort : 0;
}

// The project's date that says when a node was done: the actual start for a 开工 node, the actual
// completion for a 竣工 node (主体完工 is before 竣工: the completion date is not its date).
std::optional<Date> StageDateOf(const Milestone& m, const StageFacts& p) {
  if (Has(m.name, "开工")) return p.actual_start;
  if (Has(m.name, "竣工")) return p.actual_completion;
  return std::nullopt;
}

}  // namespace

const char* NodeStateCode(NodeState s) {
  switch (s) {
    case NodeState::kDone: return "done";
    case NodeState::kLate: return "late";
    case NodeState::kPending: break;
  }
  return "pending";
}

std::vector<std::string> NodeGates(const std::vector<Milestone>& ms) {
  std::vector<std::string> gates(ms.size());
  std::string next = "operating";
  for (size_t i = ms.size(); i-- > 0;) {
    if (auto g = NamedGate(ms[i].name); !g.empty()) next = g;
    gates[i] = next;
  }
  return gates;
}

bool StagePassed(const StageFacts& p, const std::string& gate) {
  if (gate == "started" && p.actual_start) return true;
  if (gate == "completed" && p.actual_completion) return true;
  const int have = StageRank(p.stage);
  const int need = StageRank(gate);
  return have > 0 && need > 0 && have >= need;
}

std::vector<NodeStatus> NodeStatuses(const std::vector<Milestone>& ms, const StageFacts& facts,
                                     const Date& as_of) {
  // A stage date after the as-of date had not happened yet on it: the project had not passed that
  // stage then, whatever its stage is now.
  StageFacts p = facts;
  int passed_before = 0;  // the stage rank the project had not reached on the as-of date (0: none)
  if (p.actual_completion && *p.actual_completion > as_of) {
    p.actual_completion.reset();
    passed_before = StageRank("completed");
  }
  if (p.actual_start && *p.actual_start > as_of) {
    p.actual_start.reset();
    passed_before = StageRank("started");
  }
  const auto passed = [&](const std::string& gate) {
    return StagePassed(p, gate) && (passed_before == 0 || StageRank(gate) < passed_before);
  };
  const auto gates = NodeGates(ms);
  std::vector<NodeStatus> out;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Milestone& m = ms[i];
    NodeStatus s;
    s.gate = gates[i];
    s.done_on = m.actual_date ? m.actual_date : StageDateOf(m, p);
    if (s.done_on && *s.done_on > as_of) s.done_on.reset();  // not done yet on the as-of date
    if (s.done_on) {
      s.state = NodeState::kDone;
      s.days_late = std::max<int64_t>(0, s.done_on->ToDays() - m.planned_date.ToDays());
    } else if (passed(s.gate)) {
      s.state = NodeState::kDone;
      s.done_unrecorded = true;
      s.plan_shown = m.planned_date <= as_of;
    } else if (m.planned_date < as_of) {
      s.state = NodeState::kLate;
      s.days_late = as_of.ToDays() - m.planned_date.ToDays();
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace gj::supervision
