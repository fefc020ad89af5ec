// Preparatory procedures (前期手续): the kinds an office keeps (with their handling guide), each
// project's procedure per kind with its approval document, what blocks a planned start, and how
// long each unit takes to approve. Each use case takes one connection lease and passes it down.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "service/context.h"
#include "service/supervision/attachments.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

class ProcedureService {
 public:
  ProcedureService(store::Database& db, LedgerService& ledger, Attachments& attachments)
      : db_(db), projects_(ledger), attachments_(attachments) {}

  Result<nlohmann::json> ProcedureKinds(const Ctx& ctx);
  Result<nlohmann::json> PutProcedureKind(const Ctx& ctx, const std::string& code, const nlohmann::json& body);
  Result<nlohmann::json> Procedures(const Ctx& ctx, int64_t project_id, const Date& as_of);
  // Creates the project's procedure of `kind` (version 0) or updates it.
  Result<nlohmann::json> PutProcedure(const Ctx& ctx, int64_t project_id, const std::string& kind, const nlohmann::json& body);
  Result<nlohmann::json> AttachToProcedure(const Ctx& ctx, int64_t id, const Upload& up);
  Result<nlohmann::json> ProcedureDurations(const Ctx& ctx, const std::string& region);

  // The caller may read procedure `id` (its attachments are readable when it is).
  bool Readable(store::Connection& c, const Ctx& ctx, int64_t id);
  static nlohmann::json KindsJson(store::Connection& c);

 private:
  nlohmann::json ProceduresOn(store::Connection& c, const store::ProjectRow& p, const Date& as_of);
  Status StoreProcedure(store::Connection& c, const Ctx& ctx, int64_t project_id, const std::string& kind, int64_t version,
                        const nlohmann::json& body);

  store::Database& db_;
  supervision_support::ProjectAccess projects_;
  Attachments& attachments_;
};

}  // namespace gj::service
