#include "domain/access/read_scope.h"

#include <algorithm>

namespace gj::access {

namespace {

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool Has(const std::vector<std::string>& sorted, const std::string& code) {
  return !code.empty() && std::binary_search(sorted.begin(), sorted.end(), code);
}

// `code` (when `self`) and the regions above it, nearest first.
std::vector<std::string> Above(const std::string& code, const RegionTree& tree, bool self) {
  std::vector<std::string> out;
  const Region* r = tree.Find(code);
  if (r && self) out.push_back(r->code);
  for (int guard = 0; r && !r->parent_code.empty() && guard < 16; ++guard) {
    r = tree.Find(r->parent_code);
    if (r) out.push_back(r->code);
  }
  return out;
}

}  // namespace

ReadScope::ReadScope(bool all, std::vector<std::string> down, std::vector<std::string> up,
                     const RegionTree* tree)
    : all_(all), down_(std::move(down)), up_(std::move(up)) {
  SortUnique(down_);
  SortUnique(up_);
  if (!tree) return;
  for (const auto& code : down_) {
    const Region* r = tree->Find(code);
    if (r && r->level == "county") counties_.push_back(code);
  }
  for (const auto& code : down_) {
    const Region* r = tree->Find(code);
    if (!r || (r->level != "town" && r->level != "zone")) continue;
    if (!Has(counties_, tree->CountyOf(code))) towns_.push_back(code);
  }
}

ReadScope ReadScope::All() { return ReadScope(true, {}, {}, nullptr); }

ReadScope ReadScope::Of(const Caller& caller, const std::string& action, const RegionTree& tree) {
  std::vector<std::string> down, up;
  bool reaches_up = false;
  for (const auto& g : caller.grants) {
    if (ScopeOf(g.role, action) == Scope::kNone) continue;
    const auto sub = tree.Subtree(g.region_code);
    down.insert(down.end(), sub.begin(), sub.end());
    if (ReachOf(g.role, action) == Reach::kUpAndDown && !sub.empty()) {
      reaches_up = true;
      const auto above = Above(g.region_code, tree, false);
      up.insert(up.end(), above.begin(), above.end());
    }
  }
  ReadScope out(false, std::move(down), std::move(up), &tree);
  out.reaches_up_ = reaches_up;
  return out;
}

ReadScope ReadScope::Within(const std::string& region, const RegionTree& tree) const {
  if (region.empty()) return *this;
  std::vector<std::string> down, up;
  for (const auto& code : tree.Subtree(region)) {
    if (all_ || Has(down_, code)) down.push_back(code);
  }
  if (reaches_up_) {
    // Up and down: the readable regions above the asked one concern it too.
    for (const auto& code : Above(region, tree, true)) {
      if ((Has(down_, code) || Has(up_, code)) && std::find(down.begin(), down.end(), code) == down.end())
        up.push_back(code);
    }
  }
  ReadScope out(false, std::move(down), std::move(up), &tree);
  out.reaches_up_ = reaches_up_;
  return out;
}

bool ReadScope::Contains(const std::string& county_code, const std::string& town_code) const {
  return all_ || Has(down_, county_code) || Has(down_, town_code);
}

bool ReadScope::ContainsRegion(const std::string& code) const {
  return all_ || Has(down_, code) || Has(up_, code);
}

std::string ReadScope::Key() const {
  if (all_) return "*";
  std::string key;
  for (const auto& code : down_) key += code + ",";
  key += "^";
  for (const auto& code : up_) key += code + ",";
  return key;
}

}  // namespace gj::access
