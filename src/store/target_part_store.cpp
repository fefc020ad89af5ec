#include "store/target_part_store.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/json_limits.h"
#include "store/row.h"

namespace gj::store {

namespace {

std::string FilterOf(const targets::Part& p) {
  nlohmann::json j = nlohmann::json::object();
  if (!p.categories.empty()) j["categories"] = p.categories;
  if (!p.track.empty()) j["track"] = p.track;
  if (!p.kind.empty()) j["kind"] = p.kind;
  if (!p.level.empty()) j["level"] = p.level;
  return j.dump();
}

void ReadFilter(const std::string& text, targets::Part& p) {
  const auto j = ParseStoredJson(text);
  if (!j.is_object()) return;
  if (j.contains("categories") && j["categories"].is_array())
    for (const auto& c : j["categories"])
      if (c.is_string()) p.categories.push_back(c.get<std::string>());
  auto text_of = [&](const char* key, std::string& out) {
    if (j.contains(key) && j[key].is_string()) out = j[key].get<std::string>();
  };
  text_of("track", p.track);
  text_of("kind", p.kind);
  text_of("level", p.level);
}

}  // namespace

void ReplaceTargetParts(Connection& c, int64_t target_id, const std::vector<targets::Part>& parts) {
  c.Exec("DELETE FROM target_parts WHERE target_id = ?", {target_id});
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& p = parts[i];
    c.Exec(
        "INSERT INTO target_parts (target_id, position, name, metric, goal, filter) VALUES (?, ?, ?, ?, ?, ?)",
        {target_id, static_cast<int64_t>(i), p.name, p.metric, p.goal, FilterOf(p)});
  }
}

void AttachTargetParts(Connection& c, std::vector<targets::Target>& targets) {
  std::unordered_map<int64_t, targets::Target*> by_id;
  for (auto& t : targets) {
    t.parts.clear();
    if (t.metric == "composite") by_id[t.id] = &t;
  }
  if (by_id.empty()) return;
  ForEachRow(c, "SELECT target_id, name, metric, goal, filter FROM target_parts ORDER BY target_id, position",
             {}, [&](RowReader& r) {
               auto it = by_id.find(r.Int("target_id"));
               if (it == by_id.end()) return;
               targets::Part p;
               p.name = r.Text("name");
               p.metric = r.Text("metric");
               p.goal = r.Int("goal");
               ReadFilter(r.Text("filter"), p);
               it->second->parts.push_back(std::move(p));
             });
}

}  // namespace gj::store
