// `gongjian reports tasks`: the running period's report tasks of every county (for a daily cron).
#pragma once

#include <string>

namespace gj::cli {

struct ReportTasksOptions {
  std::string db_url;
  std::string region;  // empty: every county
};
int RunReportTasks(const ReportTasksOptions& o);

}  // namespace gj::cli
