// The enterprise registry's demo (issue 15 item 8): land efficiency's demo enterprises are the
// registry; a few of 东阿县 are tagged 骨干企业 with two years of revenue and tax, 冠县 gets a few
// registrations of its own, and some demo projects of 东阿县 name their builder by credit code.
#pragma once

#include <string>

#include "common/date.h"
#include "common/result.h"
#include "store/db.h"

namespace gj::service {

// Runs after the land-efficiency demo (its enterprises must exist).
Status BuildEnterpriseDemo(store::Database& db, const Date& today, const std::string& now_iso);

}  // namespace gj::service
