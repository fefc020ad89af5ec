// Preparatory procedures (前期手续): the kinds an office keeps (with their handling guide), each
// project's procedure per kind with its approval document, what blocks a planned start, and how
// long each unit takes to approve. Each use case takes one connection lease and passes it down.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/supervision/attachments.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// The procedure kinds an office keeps, in their order.
struct ProcedureKindList {
  std::vector<store::ProcedureKindRow> items;
};

// A project's procedure of one kind (id 0 and version 0 before anything is recorded), whether it
// blocks the planned start, how long its approval took, and its approval documents.
struct ProcedureView {
  store::ProcedureRow row;
  store::ProcedureKindRow kind;
  bool blocks_start = false;
  std::optional<int64_t> duration_days;
  std::vector<store::AttachmentRow> attachments;
};

// A project's procedure checklist as of a date: one procedure per kind.
struct ProcedureList {
  int64_t project_id = 0;
  std::optional<Date> planned_start, actual_start;
  Date as_of;
  int blocking = 0;
  std::vector<ProcedureView> items;
};

// How long one handling unit took to approve (no unit_id: procedures without a unit; no
// unit_name: a unit outside the caller's scope).
struct UnitApprovalTimes {
  std::optional<int64_t> unit_id;
  std::optional<std::string> unit_name;
  supervision::UnitDuration durations;
};

struct ApprovalDurations {
  std::vector<UnitApprovalTimes> items;
};

class ProcedureService {
 public:
  ProcedureService(store::Database& db, LedgerService& ledger, Attachments& attachments)
      : db_(db), projects_(ledger), attachments_(attachments) {}

  // The kinds as `region` reads them (empty: the caller's own region), each saying whose it is.
  Result<ProcedureKindList> ProcedureKinds(const Ctx& ctx, const std::string& region = "");
  // A kind new to the region becomes its own; the region's own kind is rewritten; a kind from
  // above gets the region's own guide ({"inherit": true} drops it). Without ?region= the system
  // admin writes the system's dictionary, an office its own region.
  Result<ProcedureKindList> PutProcedureKind(const Ctx& ctx, const std::string& code,
                                             const nlohmann::json& body, const std::string& region = "");
  Result<ProcedureList> Procedures(const Ctx& ctx, int64_t project_id, const Date& as_of);
  // Creates the project's procedure of `kind` (version 0) or updates it. A stale version:
  // StaleVersion("procedure", the stored version, 0 while none is recorded).
  Result<ProcedureList> PutProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind,
                                     const nlohmann::json& body);
  Result<store::AttachmentRow> AttachToProcedure(const Ctx& ctx, int64_t id, const Upload& up);
  Result<ApprovalDurations> ProcedureDurations(const Ctx& ctx, const std::string& region);

  // The caller may read procedure `id` (its attachments are readable when it is).
  bool Readable(store::Connection& c, const Ctx& ctx, int64_t id);

 private:
  std::string KindRegion(const Ctx& ctx, const std::string& region);
  ProcedureList ProceduresOn(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p,
                             const Date& as_of);
  Status StoreProcedure(store::Connection& c, const Ctx& ctx, int64_t project_id, const std::string& kind,
                        int64_t version, const nlohmann::json& body);

  store::Database& db_;
  supervision_support::ProjectAccess projects_;
  Attachments& attachments_;
};

}  // namespace gj::service
