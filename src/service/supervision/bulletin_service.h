// 调度通报: gathers a bulletin for a period and region (headline figures, targets, rankings,
// lights, missing reports, stops) and renders it as PDF or xlsx.
#pragma once

#include <string>

#include "common/result.h"
#include "domain/supervision/bulletin.h"
#include "service/context.h"
#include "service/supervision/progress_service.h"
#include "service/targets/target_service.h"

namespace gj::service {

class BulletinService {
 public:
  BulletinService(LedgerService& ledger, ProgressService& supervision, TargetService& targets)
      : ledger_(ledger), supervision_(supervision), targets_(targets) {}

  // period: 2026-W23 or 2026-06; the bulletin is as of the period's last day.
  Result<supervision::Bulletin> Build(const Ctx& ctx, const std::string& region, const std::string& period);
  // format: pdf or xlsx → the file's bytes.
  Result<std::string> Render(const Ctx& ctx, const std::string& region, const std::string& period,
                             const std::string& format);

 private:
  LedgerService& ledger_;
  ProgressService& supervision_;
  TargetService& targets_;
};

}  // namespace gj::service
