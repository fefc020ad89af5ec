// Organisation admin (系统管理): regions (towns, custom areas), units, people and 专班 (teams) of
// the caller's region. Reads follow the caller's read scope (404 for what it does not reach);
// writes need org.admin over the record's region (403 when readable but not allowed). Every write
// is versioned (409 on a stale version), journaled in its transaction, and nothing is deleted:
// {"version", "archived": true} in the PATCH archives, and is refused (422, the references as
// details and `references`) while open projects, open problems, assignments or active records
// still name the record.
#pragma once

#include <functional>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/item_list.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"
#include "store/org_store.h"

namespace gj::service {

// The values each field accepts (the API's and the web app's one list).
extern const std::vector<std::string> kUnitKinds;    // department, town, park, soe, other
extern const std::vector<std::string> kPersonKinds;  // leader, head, specialist, helper, liaison, staff
extern const std::vector<std::string> kHelperTiers;  // county, town, village

namespace org {
template <class T>
struct RecordKind;  // org_record.h
}  // namespace org

class OrgService {
 public:
  OrgService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  Result<store::OrgRegion> GetRegion(const Ctx& ctx, const std::string& code);
  // {code, name, level: town|zone, parent_code, sort?}
  Result<store::OrgRegion> CreateRegion(const Ctx& ctx, const nlohmann::json& body);
  // {version, name?, sort?, archived?}
  Result<store::OrgRegion> UpdateRegion(const Ctx& ctx, const std::string& code, const nlohmann::json& body);

  Result<store::Unit> GetUnit(const Ctx& ctx, int64_t id);
  Result<store::Unit> CreateUnit(const Ctx& ctx, const nlohmann::json& body);  // {name, kind, region_code}
  Result<store::Unit> UpdateUnit(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // The same for code that already holds the fields (no JSON); CreateUnit reads them into it.
  Result<store::Unit> AddUnit(const Ctx& ctx, store::Unit u);

  Result<store::Person> GetPerson(const Ctx& ctx, int64_t id);
  // {name, title?, phone?, kind, tier?, region_code, unit_id?}
  Result<store::Person> CreatePerson(const Ctx& ctx, const nlohmann::json& body);
  Result<store::Person> UpdatePerson(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<store::Person> AddPerson(const Ctx& ctx, store::Person p);

  // The roster import's writes: the same rules, checks and journal as AddUnit/UpdateUnit and
  // AddPerson/UpdatePerson, on the caller's connection inside the caller's open transaction
  // (nothing is committed here). Returns the new id, or the update's outcome.
  Result<int64_t> AddUnitIn(store::Connection& c, const Ctx& ctx, store::Unit u);
  Status UpdateUnitIn(store::Connection& c, const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<int64_t> AddPersonIn(store::Connection& c, const Ctx& ctx, store::Person p);
  Status UpdatePersonIn(store::Connection& c, const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // 404 unless the caller sees `region`, 403 unless they hold org.admin over it (the roster's).
  Status MayAdminister(const Ctx& ctx, const std::string& region) { return MayWrite(ctx, region); }

  // Teams of the read scope within `region` ("" = all of it); archived ones too when asked.
  Result<ItemList<store::Team>> ListTeams(const Ctx& ctx, const std::string& region, bool include_archived);
  Result<store::Team> GetTeam(const Ctx& ctx, int64_t id);
  // {name, region_code, lead_person_id?, member_ids?, project_ids?}
  Result<store::Team> CreateTeam(const Ctx& ctx, const nlohmann::json& body);
  Result<store::Team> UpdateTeam(const Ctx& ctx, int64_t id, const nlohmann::json& body);

 private:
  // A lease, the region tree loaded first (the checks below read it while the lease is held).
  store::Lease Acquire();
  // 404 unless the caller reads `region` (project.read scope, or for a region the regions list's).
  Status Visible(const Ctx& ctx, const std::string& region);
  // The request's scope of organisation records (what Visible checks), for the stores' reads.
  const access::ReadScope& Reads(const Ctx& ctx);
  // 403 unless the caller holds org.admin over `region`.
  Status MayAdmin(const Ctx& ctx, const std::string& region);
  // Visible, then allowed.
  Status MayWrite(const Ctx& ctx, const std::string& region);
  // Before a create's body is read: org.admin somewhere (403), and admin over the body's `field`
  // when it names a region the caller sees (403); a region not seen is left to the body's checks
  // (422, worded as an unknown one).
  Status MayCreate(const Ctx& ctx, const nlohmann::json& body, const char* field);
  // The unit's and person's rules (every problem at once) on the caller's connection.
  void CheckUnit(store::Connection& c, const store::Unit& u, Problems& pr);
  void CheckPerson(store::Connection& c, const store::Person& p, Problems& pr);
  void CheckTeam(store::Connection& c, const store::Team& t, Problems& pr);
  // What a person or team names, within the caller's read scope (RecordKind::reach).
  void ReachPerson(const Ctx& ctx, store::Connection& c, const store::Person* before, const store::Person& p,
                   Problems& pr);
  void ReachTeam(const Ctx& ctx, store::Connection& c, const store::Team* before, const store::Team& t,
                 Problems& pr);
  // The unit's, person's and team's one read, create and versioned update (org_record.h).
  template <class T>
  Result<T> GetRecord(const Ctx& ctx, int64_t id, const org::RecordKind<T>& kind);
  template <class T>
  Result<T> CreateRecord(const Ctx& ctx, const nlohmann::json& body, const org::RecordKind<T>& kind);
  template <class T>
  Result<T> AddRecord(const Ctx& ctx, T r, const org::RecordKind<T>& kind);
  template <class T>
  Result<int64_t> InsertRecord(store::Connection& c, const Ctx& ctx, T r, const org::RecordKind<T>& kind,
                               const std::function<void()>& begin);
  template <class T>
  Status WriteRecord(store::Connection& c, const Ctx& ctx, int64_t id, const nlohmann::json& body,
                     const org::RecordKind<T>& kind, const std::function<void()>& begin);
  template <class T>
  Result<T> UpdateRecord(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                         const org::RecordKind<T>& kind);
  static const org::RecordKind<store::Unit> kUnitKind;
  static const org::RecordKind<store::Person> kPersonKind;
  static const org::RecordKind<store::Team> kTeamKind;
  // The body's fields into the record (400 naming each unreadable one); an update also takes
  // version and archived.
  Status ApplyUnitFields(const nlohmann::json& body, store::Unit& u, bool create);
  Status ApplyPersonFields(const nlohmann::json& body, store::Person& p, bool create);
  Status ApplyTeamFields(const nlohmann::json& body, store::Team& t, bool create);

  store::Database& db_;
  LedgerService& ledger_;
};

}  // namespace gj::service
