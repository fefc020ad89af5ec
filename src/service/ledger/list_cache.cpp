#include "service/ledger/list_cache.h"

namespace gj::service {

FilterIdCache::Ids FilterIdCache::Find(const std::string& key, int64_t version) const {
  std::lock_guard lock(mu_);
  if (version != version_) return nullptr;
  auto it = lists_.find(key);
  return it == lists_.end() ? nullptr : it->second;
}

void FilterIdCache::Put(const std::string& key, int64_t version, Ids ids) {
  std::lock_guard lock(mu_);
  if (version < version_ || ids->size() > max_ids_) return;
  if (version > version_ || total_ + ids->size() > max_ids_) {
    lists_.clear();
    total_ = 0;
    version_ = version;
  }
  auto& slot = lists_[key];
  if (slot) total_ -= slot->size();
  total_ += ids->size();
  slot = std::move(ids);
}

ProjectJsonCache::Text ProjectJsonCache::Find(int64_t id, int64_t version, int year,
                                              int64_t year_version) const {
  std::lock_guard lock(mu_);
  auto it = texts_.find({id, year});
  if (it == texts_.end() || it->second.version != version || it->second.year_version != year_version)
    return nullptr;
  return it->second.text;
}

void ProjectJsonCache::Put(int64_t id, int64_t version, int year, int64_t year_version, Text text) {
  std::lock_guard lock(mu_);
  if (texts_.size() >= capacity_ && !texts_.count({id, year})) texts_.clear();
  texts_[{id, year}] = {version, year_version, std::move(text)};
}

}  // namespace gj::service
