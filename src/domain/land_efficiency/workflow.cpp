#include "domain/land_efficiency/workflow.h"

namespace gj::land {

const std::vector<Transition>& Transitions() {
  static const std::vector<Transition> kTable = {
      {"data", "submitted", "review", "reviewed", "land.review", false},
      {"data", "submitted", "return", "returned", "land.review", true},
      {"data", "reviewed", "return", "returned", "land.review", true},
      {"data", "returned", "resubmit", "submitted", "land.write", false},
      {"data", "reviewed", "confirm", "confirmed", "land.confirm", false},
      {"run", "computed", "adjust", "computed", "land.evaluate", true},
      {"run", "computed", "preliminary", "preliminary", "land.evaluate", false},
      {"run", "preliminary", "adjust", "preliminary", "land.evaluate", true},
      {"run", "preliminary", "publish", "published", "land.evaluate", false},
      {"run", "published", "appeal", "published", "land.appeal", true},
      {"run", "published", "decide_appeal", "published", "land.evaluate", true},
      {"run", "published", "finalize", "final", "land.evaluate", false},
  };
  return kTable;
}

const Transition* FindTransition(std::string_view machine, std::string_view from, std::string_view action) {
  for (const auto& t : Transitions()) {
    if (machine == t.machine && from == t.from && action == t.action) return &t;
  }
  return nullptr;
}

std::vector<std::string> ActionsFrom(std::string_view machine, std::string_view from) {
  std::vector<std::string> out;
  for (const auto& t : Transitions()) {
    if (machine == t.machine && from == t.from) out.emplace_back(t.action);
  }
  return out;
}

}  // namespace gj::land
