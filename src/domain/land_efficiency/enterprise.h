// One row of the land-efficiency input (spec §1): one enterprise and year. Money in 万元 as
// doubles: these are statistics to be divided and ranked, not ledger amounts.
#pragma once

#include <optional>
#include <string>

namespace gj::land {

struct Enterprise {
  std::string credit_code;
  std::string name;
  std::string county;
  std::string town;
  std::string industry_code;
  double land_mu = 0;  // > 0
  double tax = 0;      // may be negative (refunds)
  double revenue = 0;  // >= 0
  std::optional<double> value_added;
  std::optional<double> energy_tce;
  std::optional<double> emission_eq;
  std::optional<double> rd_spend;
  std::optional<double> employees;
  std::optional<double> electricity_kwh;
  double bonus = 0;
  double penalty = 0;
  bool above_scale = false;  // with the other flags: no padding (a million rows are held at once)
  bool veto = false;
  bool undetermined = false;
};

}  // namespace gj::land
