// The one way OrgService reads, creates and updates a unit, person or 专班: the kind supplies its
// hooks (RecordKind), the skeleton is written once here.
// GetRecord: 404 unless the caller sees the record's region. CreateRecord/AddRecord: org.admin
// somewhere (403) and over the body's region_code when the caller sees it (403) before the body
// is read, the body's fields (400), the kind's rules and a region the caller sees (422),
// admin over it (403), then the insert (409 on a duplicate where the kind has one) and its journal.
// InsertRecord and WriteRecord are the same on a connection the caller holds: they call begin()
// where the write transaction starts (AddRecord and UpdateRecord open it there, the roster import
// has one open around all its writes) and never commit.
// UpdateRecord: the version (400), the current record (404), admin over its region (403), the
// body's fields (400), the version (409), not archived (409), the kind's rules and the new region's
// reach (422), what still names it when archiving (422), then the write and its journal entry.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json_field.h"
#include "service/org/org_service.h"
#include "service/org/org_support.h"
#include "service/unique_write.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service::org {

template <class T>
struct RecordKind {
  const char* entity;     // the journal's, the 404's and the stale version's name: unit, person, team
  const char* what_zh;    // its name in messages: 单位
  const char* invalid;    // the 422's message
  const char* duplicate;  // the 409 of a unique violation on write; nullptr: the store has none
  Status (OrgService::*apply)(const nlohmann::json&, T&, bool create);
  void (OrgService::*check)(store::Connection&, const T&, Problems&);
  std::vector<store::Reference> (*references)(store::Connection&, int64_t);  // nullptr: archive freely
  int64_t (*insert)(store::Connection&, const T&);
  Status (*update)(store::Connection&, const T&, int64_t expected_version);
  nlohmann::json (*changes)(const T&, const T&);
  std::optional<T> (*load)(store::Connection&, const access::ReadScope&, int64_t);
  // What the record names (a person's unit, a team's lead, members and projects) must lie in the
  // caller's read scope: each one newly named (not in `before`, null on create) that does not is
  // reported as unknown, alike whether it exists elsewhere or not at all. nullptr: names nothing.
  void (OrgService::*reach)(const Ctx&, store::Connection&, const T* before, const T& r, Problems&) = nullptr;
};

// Reads a create's or an update's body into `r`: read(f) takes the kind's own fields; an update
// also takes "version" (checked by the caller) and "archived"; an unknown or unreadable field is a 400.
template <class T, class Read>
Status ReadFields(const nlohmann::json& body, T& r, bool create, Read read) {
  Problems pr;
  JsonFields f(body, pr);
  if (!create) f.Int("version");
  read(f, pr);
  if (!create) r.archived = f.Bool("archived").value_or(r.archived);
  f.RejectUnknown();
  return Readable(pr);
}

// Runs `write` (→ T, or a Status), a unique violation becoming the kind's 409 when it has one.
template <class T, class Write>
auto KindWrite(const RecordKind<T>& kind, Write write) -> Result<std::invoke_result_t<Write>> {
  if (kind.duplicate) return UniqueWrite(write, kind.duplicate);
  return write();
}

}  // namespace gj::service::org

namespace gj::service {

template <class T>
Result<T> OrgService::GetRecord(const Ctx& ctx, int64_t id, const org::RecordKind<T>& kind) {
  auto c = Acquire();
  auto r = kind.load(*c, Reads(ctx), id);
  if (!r || !Visible(ctx, r->region_code))
    return Error::NotFound(std::string("no ") + kind.entity + " " + std::to_string(id));
  return std::move(*r);
}

template <class T>
Result<T> OrgService::CreateRecord(const Ctx& ctx, const nlohmann::json& body,
                                   const org::RecordKind<T>& kind) {
  if (auto st = MayCreate(ctx, body, "region_code"); !st) return st.error();
  T r;
  if (auto st = (this->*kind.apply)(body, r, true); !st) return st.error();
  return AddRecord(ctx, std::move(r), kind);
}

template <class T>
Result<T> OrgService::AddRecord(const Ctx& ctx, T r, const org::RecordKind<T>& kind) {
  auto c = Acquire();
  std::optional<store::Transaction> tx;
  auto id = InsertRecord(*c, ctx, std::move(r), kind, [&] { tx.emplace(*c); });
  if (!id) return id.error();
  tx->Commit();
  return *kind.load(*c, access::ReadScope::All(), *id);  // the write checked access
}

template <class T>
Result<int64_t> OrgService::InsertRecord(store::Connection& c, const Ctx& ctx, T r,
                                         const org::RecordKind<T>& kind, const std::function<void()>& begin) {
  if (!access::AllowedAnywhere(ctx.caller, access::kOrgAdmin)) return org::NotAdmin();
  Problems pr;
  (this->*kind.check)(c, r, pr);
  if (kind.reach) (this->*kind.reach)(ctx, c, nullptr, r, pr);
  if (!r.region_code.empty() && !Visible(ctx, r.region_code))
    pr.Add("region_code", r.region_code, "未知区域 (unknown region)");
  if (!pr.empty()) return pr.ToError(kind.invalid);
  if (auto st = MayAdmin(ctx, r.region_code); !st) return st.error();
  begin();
  r.archived = false;
  auto id = org::KindWrite(kind, [&] { return kind.insert(c, r); });
  if (!id) return id.error();
  r.id = *id;
  store::WriteJournal(c, kind.entity, r.id, "create", ctx.caller.user_id, ctx.now, kind.changes({}, r));
  return r.id;
}

template <class T>
Result<T> OrgService::UpdateRecord(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                   const org::RecordKind<T>& kind) {
  auto c = Acquire();
  std::optional<store::Transaction> tx;
  auto st = WriteRecord(*c, ctx, id, body, kind, [&] { tx.emplace(*c); });
  if (!st) return st.error();
  tx->Commit();
  return *kind.load(*c, access::ReadScope::All(), id);  // the write checked access
}

template <class T>
Status OrgService::WriteRecord(store::Connection& c, const Ctx& ctx, int64_t id, const nlohmann::json& body,
                               const org::RecordKind<T>& kind, const std::function<void()>& begin) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto current = kind.load(c, Reads(ctx), id);
  if (!current || !Visible(ctx, current->region_code))
    return Error::NotFound(std::string("no ") + kind.entity + " " + std::to_string(id));
  if (auto st = MayAdmin(ctx, current->region_code); !st) return st.error();
  T next = *current;
  if (auto st = (this->*kind.apply)(body, next, false); !st) return st.error();
  if (current->version != *version) return store::StaleVersion(kind.entity, current->version);
  if (auto st = org::NotArchived(current->archived, next.archived, kind.what_zh); !st) return st.error();
  Problems pr;
  (this->*kind.check)(c, next, pr);
  if (kind.reach) (this->*kind.reach)(ctx, c, &*current, next, pr);
  if (next.region_code != current->region_code && !MayWrite(ctx, next.region_code))
    pr.Add("region_code", next.region_code, "未知区域或无权管理 (unknown region, or not yours to manage)");
  if (!pr.empty()) return pr.ToError(kind.invalid);
  begin();
  if (kind.references && next.archived && !current->archived) {
    if (auto refs = kind.references(c, id); !refs.empty()) return org::StillNamed(kind.what_zh, refs);
  }
  auto st = org::KindWrite(kind, [&] { return kind.update(c, next, *version); });
  if (!st) return st.error();
  if (!*st) return st->error();
  store::WriteJournal(c, kind.entity, id, org::WriteAction(current->archived, next.archived),
                      ctx.caller.user_id, ctx.now, kind.changes(*current, next));
  return Ok{};
}

}  // namespace gj::service
