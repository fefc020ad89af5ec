// What the project list endpoint keeps between requests, so that a page costs the rows it shows,
// not the rows it skips. Both caches are bounded and start afresh when full.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace gj::service {

// The ids a filter selects, in its sort order, per projects version (store::ProjectsVersion,
// bumped by every project write in its transaction): valid exactly while no project changed.
// A page is then a slice, and the total count its size; deep pages cost no more than the first.
class FilterIdCache {
 public:
  using Ids = std::shared_ptr<const std::vector<int64_t>>;

  explicit FilterIdCache(size_t max_ids = 2'000'000) : max_ids_(max_ids) {}

  Ids Find(const std::string& key, int64_t version) const;
  // Lists of older versions are dropped (versions only grow); a list older than one kept is not kept.
  void Put(const std::string& key, int64_t version, Ids ids);

 private:
  const size_t max_ids_;
  mutable std::mutex mu_;
  int64_t version_ = -1;
  size_t total_ = 0;
  std::unordered_map<std::string, Ids> lists_;  // filter and order key → ids (all of version_)
};

// The JSON members of projects as the list endpoint writes them, kept per (id, version).
//
// Why it stays correct: a project's own fields change only through store::UpdateProject, which
// bumps its version, so a text kept under (id, version) is the text of that row for good. The
// names a project references (county, town, leader, unit) are not in the text: they change
// without the project's version changing and are joined at every request.
class ProjectJsonCache {
 public:
  using Text = std::shared_ptr<const std::string>;

  explicit ProjectJsonCache(size_t capacity = 30000) : capacity_(capacity) {}

  // The text kept for this version of the project, or null.
  Text Find(int64_t id, int64_t version) const;
  void Put(int64_t id, int64_t version, Text text);

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  std::unordered_map<int64_t, std::pair<int64_t, Text>> texts_;  // id → (version, JSON members)
};

}  // namespace gj::service
