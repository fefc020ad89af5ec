// The attraction routes (双招双引), registered by AllRoutes (routes.cpp).
#pragma once

#include <vector>

#include "api/routes.h"

namespace gj::api {

// Leads, steps, funds entries, summary and export. The service object is made here from
// Services::db and ::ledger and lives as long as the process (see routes_attraction.cpp).
void AttractionRoutes(Services& s, std::vector<Route>& r);

}  // namespace gj::api
