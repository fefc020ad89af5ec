// `gongjian metrics attraction`: the 双招双引 figures of a region as of a date, as JSON.
#pragma once

#include <string>

namespace gj::cli {

struct AttractionMetricsOptions {
  std::string db_url;
  std::string region;  // a county, or a city (its counties summed)
  std::string as_of;   // YYYY-MM-DD
};
// Prints {"leads_by_step":{…},"signed_count":…,"signed_amount":…,"signed_100m_count":…,
// "signed_100m_amount":…,"started_count":…,"funds_in_place":…,"funds_in_place_usd":…} (yuan).
int RunAttractionMetrics(const AttractionMetricsOptions& o);

}  // namespace gj::cli
