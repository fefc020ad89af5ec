#include "domain/land_efficiency/scheme.h"

#include <cmath>
#include <set>

#include "common/json_field.h"
#include "common/json_limits.h"

namespace gj::land {

namespace {

constexpr std::array<std::string_view, kIndicatorCount> kIndicatorNames = {
    "tax_per_mu",          "revenue_per_energy", "revenue_per_emission", "rd_intensity",
    "labour_productivity", "revenue_per_mu",     "value_added_per_mu"};

using json = nlohmann::json;

// Validation walks the document once and records every problem with its JSON path.
class SchemeParser {
 public:
  Result<Scheme> Parse(const json& doc) {
    Scheme s = ShandongScheme();
    s.above.reset();
    s.below.reset();
    if (!doc.is_object()) return Error::Invalid("scheme must be a JSON object");
    CheckKeys(doc, "",
              {"name", "below_min_mu", "excluded_industries", "class_shares", "surcharge_per_kwh", "groups"});
    if (doc.contains("name")) {
      if (doc["name"].is_string()) s.name = doc["name"].get<std::string>();
      else Problem("name", doc["name"], "must be a string");
    }
    if (doc.contains("below_min_mu")) ReadNonNegative(doc["below_min_mu"], "below_min_mu", s.below_min_mu);
    if (doc.contains("excluded_industries")) ReadIndustries(doc["excluded_industries"], s);
    if (doc.contains("class_shares")) ReadShares(doc["class_shares"], s);
    if (doc.contains("surcharge_per_kwh")) ReadSurcharges(doc["surcharge_per_kwh"], s);
    if (!doc.contains("groups")) {
      problems_.Add("groups", "", "is required");
    } else if (!doc["groups"].is_object()) {
      Problem("groups", doc["groups"], "must be an object");
    } else {
      const json& g = doc["groups"];
      CheckKeys(g, "groups.", {"above", "below"});
      if (g.contains("above")) s.above = ReadGroup(g["above"], "groups.above");
      if (g.contains("below")) s.below = ReadGroup(g["below"], "groups.below");
    }
    if (!problems_.empty()) return problems_.ToError("invalid scheme");
    return s;
  }

 private:
  void Problem(const std::string& path, const json& value, const std::string& reason) {
    problems_.Add(path, BoundedDump(value), reason);
  }

  void CheckKeys(const json& obj, const std::string& prefix,
                 std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : obj.items()) {
      bool known = false;
      for (auto a : allowed) known = known || key == a;
      if (!known) Problem(prefix + key, value, "unknown key");
    }
  }

  bool ReadNumber(const json& v, const std::string& path, double& out) {
    if (!v.is_number()) {
      Problem(path, v, "must be a number");
      return false;
    }
    const double d = v.get<double>();
    if (!std::isfinite(d)) {
      Problem(path, v, "must be a finite number");
      return false;
    }
    out = d;
    return true;
  }

  void ReadNonNegative(const json& v, const std::string& path, double& out) {
    double d = 0;
    if (!ReadNumber(v, path, d)) return;
    if (d < 0) return Problem(path, v, "must not be negative");
    out = d;
  }

  void ReadIndustries(const json& v, Scheme& s) {
    if (!v.is_array()) return Problem("excluded_industries", v, "must be an array of strings");
    s.excluded_industries.clear();
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string path = "excluded_industries[" + std::to_string(i) + "]";
      if (v[i].is_string() && !v[i].get<std::string>().empty()) {
        s.excluded_industries.push_back(v[i].get<std::string>());
      } else if (v[i].is_number_unsigned()) {
        s.excluded_industries.push_back(std::to_string(v[i].get<uint64_t>()));  // 44 as "44"
      } else {
        Problem(path, v[i], "must be an industry code prefix (string)");
      }
    }
  }

  void ReadShares(const json& v, Scheme& s) {
    if (!v.is_object()) return Problem("class_shares", v, "must be an object {\"A\":…,\"B\":…,\"C\":…}");
    CheckKeys(v, "class_shares.", {"A", "B", "C"});
    for (int c = 0; c < 3; ++c) {
      const std::string key(1, kClassLetters[c]);
      if (v.contains(key)) ReadNonNegative(v[key], "class_shares." + key, s.class_shares[c]);
    }
    const double sum = s.class_shares[0] + s.class_shares[1] + s.class_shares[2];
    if (sum > 100 + 1e-9) Problem("class_shares", v, "shares of A, B and C must sum to at most 100");
  }

  void ReadSurcharges(const json& v, Scheme& s) {
    if (!v.is_object()) return Problem("surcharge_per_kwh", v, "must be an object {\"A\":…,\"D\":…}");
    CheckKeys(v, "surcharge_per_kwh.", {"A", "B", "C", "D"});
    for (int c = 0; c < 4; ++c) {
      const std::string key(1, kClassLetters[c]);
      if (v.contains(key)) ReadNumber(v[key], "surcharge_per_kwh." + key, s.surcharge_per_kwh[c]);
    }
  }

  GroupScheme ReadGroup(const json& v, const std::string& path) {
    GroupScheme g;
    if (!v.is_object()) {
      Problem(path, v, "must be an object {\"indicators\": […]}");
      return g;
    }
    CheckKeys(v, path + ".", {"indicators"});
    if (!v.contains("indicators") || !v["indicators"].is_array()) {
      problems_.Add(path + ".indicators", v.contains("indicators") ? BoundedDump(v["indicators"]) : "",
                    "is required and must be an array");
      return g;
    }
    std::set<IndicatorId> seen;
    const json& list = v["indicators"];
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string ipath = path + ".indicators[" + std::to_string(i) + "]";
      auto spec = ReadIndicator(list[i], ipath);
      if (!spec) continue;
      if (!seen.insert(spec->id).second) {
        Problem(ipath + ".id", list[i]["id"], "indicator appears twice in the group");
        continue;
      }
      g.indicators.push_back(*spec);
    }
    return g;
  }

  std::optional<IndicatorSpec> ReadIndicator(const json& v, const std::string& path) {
    if (!v.is_object()) {
      Problem(path, v, "must be an object");
      return std::nullopt;
    }
    CheckKeys(v, path + ".", {"id", "weight", "benchmark", "cap"});
    IndicatorSpec spec;
    const size_t before = problems_.details().size();
    if (!v.contains("id") || !v["id"].is_string()) {
      problems_.Add(path + ".id", v.contains("id") ? BoundedDump(v["id"]) : "", "is required (a string)");
    } else if (auto id = IndicatorFromName(v["id"].get<std::string>())) {
      spec.id = *id;
    } else {
      Problem(path + ".id", v["id"], "unknown indicator id");
    }
    if (!v.contains("weight")) problems_.Add(path + ".weight", "", "is required");
    else ReadNonNegative(v["weight"], path + ".weight", spec.weight);
    if (v.contains("benchmark")) ReadBenchmark(v["benchmark"], path + ".benchmark", spec.benchmark);
    if (v.contains("cap")) {
      if (v["cap"].is_null()) {
        spec.cap.reset();
      } else {
        double cap = 0;
        ReadNonNegative(v["cap"], path + ".cap", cap);
        spec.cap = cap;
      }
    }
    if (problems_.details().size() != before) return std::nullopt;
    return spec;
  }

  void ReadBenchmark(const json& v, const std::string& path, Benchmark& b) {
    if (!v.is_object()) return Problem(path, v, "must be an object {\"mode\": …}");
    CheckKeys(v, path + ".", {"mode", "multiplier", "value"});
    if (v.contains("mode")) {
      const json& m = v["mode"];
      if (m == "aggregate") b.mode = BenchmarkMode::kAggregate;
      else if (m == "mean") b.mode = BenchmarkMode::kMean;
      else if (m == "fixed") b.mode = BenchmarkMode::kFixed;
      else return Problem(path + ".mode", m, "must be \"aggregate\", \"mean\" or \"fixed\"");
    }
    if (v.contains("multiplier")) ReadNumber(v["multiplier"], path + ".multiplier", b.multiplier);
    if (b.mode == BenchmarkMode::kFixed) {
      // A multiplier on a fixed benchmark would be ambiguous (the spec says B = the value), so
      // only the neutral 1 is accepted.
      if (b.multiplier != 1)
        Problem(path + ".multiplier", v["multiplier"], "does not apply to mode \"fixed\"");
      if (!v.contains("value")) problems_.Add(path + ".value", "", "is required for mode \"fixed\"");
      else ReadNumber(v["value"], path + ".value", b.value);
    } else if (v.contains("value")) {
      Problem(path + ".value", v["value"], "only applies to mode \"fixed\"");
    }
  }

  Problems problems_;
};

}  // namespace

std::string_view IndicatorName(IndicatorId id) { return kIndicatorNames[static_cast<int>(id)]; }

std::optional<IndicatorId> IndicatorFromName(std::string_view name) {
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (kIndicatorNames[i] == name) return static_cast<IndicatorId>(i);
  }
  return std::nullopt;
}

std::string_view BenchmarkModeName(BenchmarkMode m) {
  switch (m) {
    case BenchmarkMode::kAggregate: return "aggregate";
    case BenchmarkMode::kMean: return "mean";
    case BenchmarkMode::kFixed: return "fixed";
  }
  return "aggregate";
}

const IndicatorSpec* GroupScheme::Find(IndicatorId id) const {
  for (const auto& spec : indicators) {
    if (spec.id == id) return &spec;
  }
  return nullptr;
}

std::vector<IndicatorId> Scheme::AllIndicators() const {
  std::vector<IndicatorId> ids;
  for (const auto* g : {&above, &below}) {
    if (!g->has_value()) continue;
    for (const auto& spec : (*g)->indicators) {
      bool seen = false;
      for (auto id : ids) seen = seen || id == spec.id;
      if (!seen) ids.push_back(spec.id);
    }
  }
  return ids;
}

Scheme ShandongScheme() {
  Scheme s;
  auto agg = [](IndicatorId id, double w) { return IndicatorSpec{id, w, Benchmark{}, 2.0}; };
  s.above = GroupScheme{{agg(IndicatorId::kTaxPerMu, 40), agg(IndicatorId::kRevenuePerEnergy, 15),
                         agg(IndicatorId::kRevenuePerEmission, 15), agg(IndicatorId::kRdIntensity, 15),
                         agg(IndicatorId::kLabourProductivity, 15)}};
  s.below = GroupScheme{{agg(IndicatorId::kTaxPerMu, 100)}};
  return s;
}

Result<Scheme> SchemeFromJson(const nlohmann::json& doc) { return SchemeParser().Parse(doc); }

Result<Scheme> ParseScheme(std::string_view json_text) {
  // A scheme is a few hundred lines: 1 MB and the default depth are bounds no real one reaches.
  auto doc = ParseJsonBounded(json_text, JsonLimits{}, "scheme");
  if (!doc) {
    const auto& d = doc.error().details;
    const bool malformed = d.empty() || d[0].reason.rfind("must be JSON", 0) == 0;
    if (malformed) return Error::Invalid("scheme is not valid JSON");
    return Error::Invalid("scheme is beyond the bounds of JSON the product reads", d);  // deep, huge
  }
  return SchemeFromJson(doc.value());
}

nlohmann::json SchemeToJson(const Scheme& s) {
  json doc;
  doc["name"] = s.name;
  doc["below_min_mu"] = s.below_min_mu;
  doc["excluded_industries"] = s.excluded_industries;
  doc["class_shares"] = ByClass(s.class_shares);
  doc["surcharge_per_kwh"] = ByClass(s.surcharge_per_kwh);
  doc["groups"] = json::object();
  auto group_json = [](const GroupScheme& g) {
    json list = json::array();
    for (const auto& spec : g.indicators) {
      json b = {{"mode", BenchmarkModeName(spec.benchmark.mode)}};
      if (spec.benchmark.mode == BenchmarkMode::kFixed) b["value"] = spec.benchmark.value;
      else b["multiplier"] = spec.benchmark.multiplier;
      list.push_back({{"id", IndicatorName(spec.id)},
                      {"weight", spec.weight},
                      {"benchmark", b},
                      {"cap", spec.cap ? json(*spec.cap) : json(nullptr)}});
    }
    return json{{"indicators", list}};
  };
  if (s.above) doc["groups"]["above"] = group_json(*s.above);
  if (s.below) doc["groups"]["below"] = group_json(*s.below);
  return doc;
}

}  // namespace gj::land
