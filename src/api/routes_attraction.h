// The attraction routes (双招双引), registered by AllRoutes (routes.cpp).
#pragma once

#include <vector>

#include "api/routes.h"

namespace gj::api {

// Leads, steps, funds entries, summary and export, served by Services::attraction.
void AttractionRoutes(Services& s, std::vector<Route>& r);

}  // namespace gj::api
