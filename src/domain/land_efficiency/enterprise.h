// One row of the land-efficiency input (spec §1): one enterprise and year. Money in 万元 as
// doubles: these are statistics to be divided and ranked, not ledger amounts.
#pragma once

#include <cstdint>
#include <limits>
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

// The group an enterprise is evaluated in (spec §2); which one depends on the scheme.
enum class Group : uint8_t { kExcluded, kAbove, kBelow, kNotEvaluated };

// What the engine reads of an enterprise: its figures and flags, and its group under the scheme
// being evaluated. 88 bytes and no strings, so that a million rows fit where the engine needs
// them (the CLI parses its input straight into these; the server converts its Enterprises).
struct Figures {
  static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  double land_mu = 0;
  double tax = 0;
  double revenue = 0;
  double value_added = kMissing;  // NaN: missing (an empty cell)
  double energy_tce = kMissing;
  double emission_eq = kMissing;
  double rd_spend = kMissing;
  double employees = kMissing;
  double electricity_kwh = kMissing;
  double bonus_minus_penalty = 0;  // what the total adds, computed as bonus − penalty
  Group group = Group::kNotEvaluated;
  bool veto = false;
  bool undetermined = false;
};

}  // namespace gj::land
