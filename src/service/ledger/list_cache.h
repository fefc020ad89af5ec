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

// The JSON members of projects as the list endpoint writes them, kept per (id, year) under the
// project's version and its year row's.
//
// Why it stays correct: a project's own fields change only through store::UpdateProject, which
// bumps its version, and its year's fields only through writes that move the year row's version,
// so a text kept under (id, version, year, year version) is the text of those rows for good. The
// names a project references (county, town, leader, unit) are not in the text: they change
// without the project's version changing and are joined at every request.
class ProjectJsonCache {
 public:
  using Text = std::shared_ptr<const std::string>;

  explicit ProjectJsonCache(size_t capacity = 30000) : capacity_(capacity) {}

  // The text kept for these versions of the project and its year row (year 0: none), or null.
  Text Find(int64_t id, int64_t version, int year, int64_t year_version) const;
  void Put(int64_t id, int64_t version, int year, int64_t year_version, Text text);

 private:
  struct Key {
    int64_t id;
    int year;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return std::hash<int64_t>()(k.id * 4099 + k.year); }
  };
  struct Kept {
    int64_t version, year_version;
    Text text;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::unordered_map<Key, Kept, KeyHash> texts_;  // (id, year) → versions and JSON members
};

}  // namespace gj::service
