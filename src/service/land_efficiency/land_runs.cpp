#include "service/land_efficiency/land_service.h"

#include <set>

#include "domain/land_efficiency/workflow.h"
#include "io/file_store.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/land_support.h"
#include "store/journal.h"

namespace gj::service {

using nlohmann::json;
using namespace land_support;

namespace {

json RunJson(const store::RunRow& r) {
  json j = {{"id", r.id},           {"county_code", r.county_code}, {"year", r.year},
            {"run_no", r.run_no},   {"state", r.state},             {"version", r.version},
            {"created_at", r.created_at},
            {"published_on", r.published_on.empty() ? json(nullptr) : json(r.published_on)},
            {"finalized_on", r.finalized_on.empty() ? json(nullptr) : json(r.finalized_on)},
            {"actions", land::ActionsFrom("run", r.state)}};
  if (auto d = ParseIsoDate(r.published_on)) j["appeal_until"] = land::AppealWindowLastDay(*d).ToString();
  return j;
}

std::string ClassLetter(const std::optional<land::Class>& k) {
  return k ? std::string(1, land::kClassLetters[static_cast<int>(*k)]) : std::string();
}

// Final class per credit code: the engine's class, overridden by the latest adjustment.
std::map<std::string, std::string> Overrides(const std::vector<store::AdjustmentRow>& adjs) {
  std::map<std::string, std::string> out;
  for (const auto& a : adjs) out[a.credit_code] = a.new_class;
  return out;
}

bool Evaluated(land::Group g) { return g == land::Group::kAbove || g == land::Group::kBelow; }

// The class an enterprise is managed as: final class; an undetermined one is managed as B (spec §5).
std::string ManagedClass(const land::EnterpriseResult& r, const std::string& final_class) {
  if (!final_class.empty()) return final_class;
  return r.status == land::EnterpriseStatus::kUndetermined ? "B" : "";
}

std::optional<int64_t> SurchargeFen(const land::Scheme& s, const land::Enterprise& e, const std::string& klass) {
  const int k = ClassIndex(klass);
  if (k < 0 || !e.electricity_kwh) return std::nullopt;
  return land::RoundHalfUp(s.surcharge_per_kwh[k] * *e.electricity_kwh * 100);
}

}  // namespace

// ---- runs ----------------------------------------------------------------------------------

Result<json> LandService::Run(const Ctx& ctx, const json& body) {
  if (!body.is_object() || !body.contains("year") || !body["year"].is_number_integer()) {
    return Error::BadRequest("the body must be {\"county_code\": string, \"year\": integer}");
  }
  const std::string county = Str(body, "county_code");
  const int year = body["year"].get<int>();
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto data = store::ListLandData(*c, county, year);
  if (data.empty()) return Error::Invalid("no data for this county and year", {{"year", std::to_string(year), "no data imported", 0, {}}});
  int pending = 0;
  json input = json::array();
  for (const auto& r : data) {
    if (r.state != "confirmed") ++pending;
    input.push_back(EnterpriseToJson(r.e));
  }
  if (pending > 0) {
    Error e = Error::Conflict(std::to_string(pending) + " enterprise(s) not yet reviewed and confirmed");
    e.extra = {{"not_confirmed", pending}};
    return e;
  }
  store::RunRow run;
  run.county_code = county;
  run.year = year;
  run.run_no = store::NextRunNo(*c, county, year);
  auto scheme = SchemeOf(*c, county, &run.scheme_id, nullptr);
  run.scheme_doc = land::SchemeToJson(scheme).dump();
  run.input_doc = input.dump();
  run.state = "computed";
  run.created_at = ctx.now;
  const int64_t id = store::InsertRun(*c, run, ctx.caller.user_id);
  store::WriteJournal(*c, "le_run", id, "run", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "run_no"}, {"old", nullptr}, {"new", run.run_no}},
                                   {{"field", "enterprises"}, {"old", nullptr}, {"new", data.size()}}}));
  tx.Commit();
  return GetRun(ctx, id);
}

Result<json> LandService::ListRuns(const Ctx& ctx, const std::string& county, std::optional<int> year) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  json items = json::array();
  for (const auto& r : store::ListRuns(*c, county, year)) items.push_back(RunJson(r));
  return json{{"items", items}};
}

Result<store::RunRow> LandService::LoadRun(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto run = store::GetRun(c, id);
  if (!run || !CheckCounty(ctx, run->county_code, access::kLandRead)) return Error::NotFound("no evaluation run " + std::to_string(id));
  return std::move(*run);
}

std::shared_ptr<const LandService::Computed> LandService::Compute(const store::RunRow& run) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(run.id); it != cache_.end()) return it->second;
  }
  auto out = std::make_shared<Computed>();
  auto scheme = land::ParseScheme(run.scheme_doc);
  out->scheme = scheme ? scheme.value() : land::ShandongScheme();
  for (const auto& j : json::parse(run.input_doc)) out->input.push_back(EnterpriseFromJson(j));
  out->ev = land::Evaluate(out->scheme, out->input);
  std::lock_guard lock(mu_);
  // A few runs are looked at at a time; keep the most recent ids (snapshots never change, so an
  // evicted run is simply recomputed).
  if (cache_.size() >= kCachedRuns) cache_.erase(cache_.begin());
  cache_[run.id] = out;
  return out;
}

Result<json> LandService::GetRun(const Ctx& ctx, int64_t id, const std::map<std::string, std::string>& filters,
                                 int64_t offset, int64_t limit) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  auto comp = Compute(*run);
  const auto adjustments = store::ListAdjustments(*c, id);
  const auto overrides = Overrides(adjustments);
  auto filter = [&](const char* k) { auto it = filters.find(k); return it == filters.end() ? std::string() : it->second; };
  const std::string f_class = filter("class"), f_town = filter("town"), f_group = filter("group");
  json results = json::array();
  int64_t matched = 0;
  std::map<std::string, std::map<std::string, int>> by_group, by_town;
  for (size_t i = 0; i < comp->input.size(); ++i) {
    const auto& e = comp->input[i];
    const auto& r = comp->ev.results[i];
    const std::string group(land::GroupName(r.group));
    const std::string computed = ClassLetter(r.klass);
    auto ov = overrides.find(e.credit_code);
    const std::string final_class = ov != overrides.end() ? ov->second : computed;
    const std::string bucket = final_class.empty() ? (r.status == land::EnterpriseStatus::kUndetermined ? "undetermined" : "") : final_class;
    if (Evaluated(r.group)) {
      by_group[group][bucket]++;
      by_town[e.town][bucket]++;
    }
    if ((!f_class.empty() && f_class != bucket) || (!f_town.empty() && f_town != e.town) || (!f_group.empty() && f_group != group)) continue;
    const int64_t index = matched++;
    if (index < offset || (limit > 0 && index >= offset + limit)) continue;
    const auto surcharge = SurchargeFen(comp->scheme, e, final_class);
    results.push_back({{"row", i + 1}, {"credit_code", e.credit_code}, {"name", e.name}, {"town", e.town},
                       {"industry_code", e.industry_code}, {"group", group}, {"status", land::StatusName(r.status)},
                       {"score", Evaluated(r.group) ? json(r.total) : json(nullptr)},
                       {"rank", r.rank > 0 ? json(r.rank) : json(nullptr)},
                       {"class", computed.empty() ? json(nullptr) : json(computed)},
                       {"final_class", final_class.empty() ? json(nullptr) : json(final_class)},
                       {"adjusted", ov != overrides.end()},
                       {"surcharge_yuan", surcharge ? json(land::FormatCents(*surcharge)) : json(nullptr)},
                       {"tax_to_next_class", r.tax_to_next_class_cents ? json(land::FormatCents(*r.tax_to_next_class_cents)) : json(nullptr)}});
  }
  json out = RunJson(*run);
  out["scheme"] = json::parse(run->scheme_doc);
  out["summary"] = land::SummaryJson(comp->scheme, comp->ev);
  out["counts"] = by_group;
  out["by_town"] = by_town;
  out["results"] = results;
  out["total_count"] = matched;
  out["offset"] = offset;
  out["limit"] = limit;
  out["enterprises"] = comp->input.size();
  std::map<std::string, std::string> names;
  for (const auto& e : comp->input) names[e.credit_code] = e.name;
  json adj = json::array(), appeals = json::array();
  for (const auto& a : adjustments) {
    adj.push_back({{"id", a.id}, {"credit_code", a.credit_code}, {"name", names[a.credit_code]}, {"old_class", a.old_class},
                   {"new_class", a.new_class}, {"reason", a.reason}, {"source", a.source}, {"at", a.at}});
  }
  for (const auto& a : store::ListAppeals(*c, id)) {
    appeals.push_back({{"id", a.id}, {"credit_code", a.credit_code}, {"name", names[a.credit_code]}, {"reason", a.reason},
                       {"filed_on", a.filed_on}, {"state", a.state}, {"decision", a.decision}, {"new_class", a.new_class},
                       {"decided_on", a.decided_on}});
  }
  out["adjustments"] = adj;
  out["appeals"] = appeals;
  return out;
}

Result<json> LandService::Card(const Ctx& ctx, int64_t id, const std::string& credit_code) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  auto comp = Compute(*run);
  size_t i = 0;
  while (i < comp->input.size() && comp->input[i].credit_code != credit_code) ++i;
  if (i == comp->input.size()) return Error::NotFound("no enterprise " + credit_code + " in this run");
  const auto& e = comp->input[i];
  const auto& r = comp->ev.results[i];
  const land::GroupScheme* gs = r.group == land::Group::kAbove ? (comp->scheme.above ? &*comp->scheme.above : nullptr)
                              : r.group == land::Group::kBelow ? (comp->scheme.below ? &*comp->scheme.below : nullptr)
                                                               : nullptr;
  const land::GroupSummary* summary = nullptr;
  for (const auto& g : comp->ev.groups) {
    if (g.group == r.group) summary = &g;
  }
  json indicators = json::array();
  if (gs) {
    for (const auto& spec : gs->indicators) {
      size_t col = 0;
      while (comp->ev.indicators[col] != spec.id) ++col;
      std::optional<double> bench;
      if (summary) {
        for (const auto& [bid, b] : summary->benchmarks) {
          if (bid == spec.id) bench = b;
        }
      }
      const auto x = comp->ev.X(i, col);
      const auto s = comp->ev.S(i, col);
      json item = {{"id", land::IndicatorName(spec.id)}, {"weight", spec.weight},
                   {"cap", spec.cap ? json(*spec.cap) : json(nullptr)}, {"value", OptJ(x)}, {"benchmark", OptJ(bench)},
                   {"ratio", x && bench && *bench > 0 ? json(*x / *bench) : json(nullptr)}, {"score", OptJ(s)},
                   {"missing", !x.has_value()}};
      indicators.push_back(item);
    }
  }
  json adjustments = json::array(), appeals = json::array();
  std::string final_class = ClassLetter(r.klass);
  for (const auto& a : store::ListAdjustments(*c, id)) {
    if (a.credit_code != credit_code) continue;
    final_class = a.new_class;
    adjustments.push_back({{"id", a.id}, {"old_class", a.old_class}, {"new_class", a.new_class}, {"reason", a.reason},
                           {"source", a.source}, {"at", a.at}});
  }
  for (const auto& a : store::ListAppeals(*c, id)) {
    if (a.credit_code != credit_code) continue;
    appeals.push_back({{"id", a.id}, {"reason", a.reason}, {"filed_on", a.filed_on}, {"state", a.state},
                       {"decision", a.decision}, {"new_class", a.new_class}, {"decided_on", a.decided_on}, {"version", a.version}});
  }
  const auto surcharge = SurchargeFen(comp->scheme, e, final_class);
  return json{{"run", RunJson(*run)}, {"enterprise", EnterpriseToJson(e)}, {"group", land::GroupName(r.group)},
              {"status", land::StatusName(r.status)}, {"score", Evaluated(r.group) ? json(r.total) : json(nullptr)},
              {"rank", r.rank > 0 ? json(r.rank) : json(nullptr)}, {"group_count", summary ? summary->count : 0},
              {"class", r.klass ? json(ClassLetter(r.klass)) : json(nullptr)},
              {"final_class", final_class.empty() ? json(nullptr) : json(final_class)},
              {"bonus", e.bonus}, {"penalty", e.penalty}, {"indicators", indicators},
              {"surcharge_yuan", surcharge ? json(land::FormatCents(*surcharge)) : json(nullptr)},
              {"tax_to_next_class", r.tax_to_next_class_cents ? json(land::FormatCents(*r.tax_to_next_class_cents)) : json(nullptr)},
              {"adjustments", adjustments}, {"appeals", appeals}};
}

Result<json> LandService::RunAction(const Ctx& ctx, int64_t id, const json& body) {
  if (auto v = VersionOf(body); !v) return v.error();
  const std::string action = Str(body, "action"), reason = Str(body, "reason");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto loaded = LoadRun(*c, ctx, id);
  if (!loaded) return loaded.error();
  store::RunRow run = std::move(loaded.value());
  const land::Transition* t = land::FindTransition("run", run.state, action);
  if (!t) {
    Error e = Error::Conflict("action " + action + " is not allowed while the run is " + run.state);
    e.extra = {{"allowed", land::ActionsFrom("run", run.state)}};
    return e;
  }
  if (auto st = CheckCounty(ctx, run.county_code, t->permission); !st) return st.error();
  if (t->needs_reason && reason.empty()) return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  if (body["version"].get<int64_t>() != run.version) return VersionConflict("the evaluation run", run.version);
  auto comp = Compute(run);
  const std::string code = Str(body, "credit_code");
  auto find = [&]() -> const land::EnterpriseResult* {
    for (size_t i = 0; i < comp->input.size(); ++i) {
      if (comp->input[i].credit_code == code) return &comp->ev.results[i];
    }
    return nullptr;
  };
  const auto overrides = Overrides(store::ListAdjustments(*c, id));
  auto current_class = [&](const land::EnterpriseResult& r) {
    auto it = overrides.find(code);
    return it != overrides.end() ? it->second : ClassLetter(r.klass);
  };
  json changes = json::array();
  if (action == "adjust" || action == "appeal") {
    const auto* r = find();
    if (!r || !Evaluated(r->group)) {
      return Error::Invalid("not an evaluated enterprise of this run", {{"credit_code", code, "not evaluated in this run", 0, {}}});
    }
    if (action == "adjust") {
      const std::string to = Str(body, "class");
      if (ClassIndex(to) < 0) return Error::Invalid("bad class", {{"class", to, "must be A, B, C or D", 0, {"A", "B", "C", "D"}}});
      const std::string from = current_class(*r);
      store::InsertAdjustment(*c, id, {0, code, from, to, reason, "adjust", ctx.now, ctx.caller.user_id});
      changes.push_back({{"field", "class:" + code}, {"old", from}, {"new", to}});
      changes.push_back({{"field", "reason"}, {"old", nullptr}, {"new", reason}});
    } else {
      if (!land::InAppealWindow(*ParseIsoDate(run.published_on), ctx.today)) {
        return Error::Conflict("the appeal window (" + run.published_on + " + " + std::to_string(land::kAppealDays) + " days) is closed");
      }
      const int64_t aid = store::InsertAppeal(*c, {0, id, code, reason, ctx.today.ToString(), "open", "", "", "", 1});
      changes.push_back({{"field", "appeal:" + std::to_string(aid)}, {"old", nullptr}, {"new", reason}});
    }
  } else if (action == "decide_appeal") {
    auto appeal = body.contains("appeal_id") && body["appeal_id"].is_number_integer()
                      ? store::GetAppeal(*c, body["appeal_id"].get<int64_t>()) : std::nullopt;
    if (!appeal || appeal->run_id != id) return Error::NotFound("no such appeal in this run");
    if (appeal->state != "open") return Error::Conflict("the appeal was already decided");
    const std::string decision = Str(body, "decision"), to = Str(body, "class");
    if (decision != "upheld" && decision != "rejected") {
      return Error::Invalid("bad decision", {{"decision", decision, "must be upheld or rejected", 0, {"upheld", "rejected"}}});
    }
    if (decision == "upheld" && ClassIndex(to) < 0) return Error::Invalid("an upheld appeal needs the new class", {{"class", to, "must be A, B, C or D", 0, {}}});
    const auto* r = [&] { for (size_t i = 0; i < comp->input.size(); ++i) if (comp->input[i].credit_code == appeal->credit_code) return &comp->ev.results[i]; return static_cast<const land::EnterpriseResult*>(nullptr); }();
    appeal->state = decision;
    appeal->decision = reason;
    appeal->new_class = decision == "upheld" ? to : "";
    appeal->decided_on = ctx.today.ToString();
    if (!store::UpdateAppeal(*c, *appeal)) return VersionConflict("the appeal", appeal->version);
    if (decision == "upheld" && r) {
      auto it = overrides.find(appeal->credit_code);
      const std::string from = it != overrides.end() ? it->second : ClassLetter(r->klass);
      store::InsertAdjustment(*c, id, {0, appeal->credit_code, from, to, reason, "appeal", ctx.now, ctx.caller.user_id});
      changes.push_back({{"field", "class:" + appeal->credit_code}, {"old", from}, {"new", to}});
    }
    changes.push_back({{"field", "appeal:" + std::to_string(appeal->id)}, {"old", "open"}, {"new", decision}});
  } else if (action == "publish") {
    const std::string on = Str(body, "published_on").empty() ? ctx.today.ToString() : Str(body, "published_on");
    if (!ParseIsoDate(on)) return Error::Invalid("bad date", {{"published_on", on, "must be YYYY-MM-DD", 0, {}}});
    run.published_on = ParseIsoDate(on)->ToString();
    changes.push_back({{"field", "published_on"}, {"old", nullptr}, {"new", run.published_on}});
  } else if (action == "finalize") {
    const Date last = land::AppealWindowLastDay(*ParseIsoDate(run.published_on));
    if (ctx.today <= last) return Error::Conflict("the appeal window runs until " + last.ToString());
    for (const auto& a : store::ListAppeals(*c, id)) {
      if (a.state == "open") return Error::Conflict("appeal " + std::to_string(a.id) + " is not decided yet");
    }
    run.finalized_on = ctx.today.ToString();
    // The policy ledger: each enterprise's consequences under its final class, frozen with the run.
    std::map<std::string, store::PolicyRow> policy;
    for (const auto& p : store::ListPolicies(*c, run.county_code)) policy[p.klass] = p;
    for (size_t i = 0; i < comp->input.size(); ++i) {
      const auto& e = comp->input[i];
      const auto& r = comp->ev.results[i];
      auto it = overrides.find(e.credit_code);
      const std::string managed = ManagedClass(r, it != overrides.end() ? it->second : ClassLetter(r.klass));
      if (managed.empty()) continue;
      const auto& p = policy[managed];
      store::InsertPolicyLedger(*c, id, run.county_code, run.year,
                                {e.credit_code, e.name, managed, SurchargeFen(comp->scheme, e, managed), p.land_mu, p.energy_tce, p.emission_t});
    }
  }
  if (t->to != run.state) changes.push_back({{"field", "state"}, {"old", run.state}, {"new", t->to}});
  run.state = t->to;
  if (!store::UpdateRun(*c, run)) return VersionConflict("the evaluation run", run.version);
  store::WriteJournal(*c, "le_run", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return GetRun(ctx, id);
}

Result<json> LandService::PolicyLedger(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  json items = json::array();
  for (const auto& r : store::ListPolicyLedger(*c, id)) {
    items.push_back({{"credit_code", r.credit_code}, {"name", r.name}, {"class", r.klass},
                     {"surcharge_yuan", r.surcharge_fen ? json(land::FormatCents(*r.surcharge_fen)) : json(nullptr)},
                     {"land_mu", r.land_mu}, {"energy_tce", r.energy_tce}, {"emission_t", r.emission_t}});
  }
  return json{{"run_id", id}, {"final", run->state == "final"}, {"items", items}};
}

Result<LandExport> LandService::Export(const Ctx& ctx, int64_t id, const std::string& format) {
  if (format != "csv" && format != "xlsx") return Error::Invalid("bad format", {{"format", format, "must be csv or xlsx", 0, {"csv", "xlsx"}}});
  store::RunRow run;
  {
    auto c = db_.Acquire();
    auto loaded = LoadRun(*c, ctx, id);
    if (!loaded) return loaded.error();
    run = std::move(loaded.value());
  }
  auto comp = Compute(run);
  auto bytes = io::BytesWrittenTo("." + format, [&](const std::string& path) {
    return format == "csv" ? land::WriteResultsCsv(path, comp->input, comp->ev) : land::WriteResultsXlsx(path, comp->input, comp->ev);
  });
  if (!bytes) return bytes.error();
  const std::string name = "land-" + run.county_code + "-" + std::to_string(run.year) + "-v" + std::to_string(run.run_no) + "." + format;
  return LandExport{std::move(bytes.value()), format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name};
}

Result<json> LandService::Journal(const Ctx& ctx, const std::string& entity, int64_t id) {
  auto c = db_.Acquire();
  if (entity == "le_run") {
    if (auto run = LoadRun(*c, ctx, id); !run) return run.error();
  } else {
    auto row = store::GetLandData(*c, id);
    if (!row || !CheckCounty(ctx, row->county_code, access::kLandRead)) return Error::NotFound("no enterprise data " + std::to_string(id));
  }
  json items = json::array();
  for (const auto& r : store::ReadJournal(*c, entity, id).rows) {
    items.push_back({{"id", store::AsInt(r[0])}, {"at", store::AsText(r[1])}, {"user_name", store::AsText(r[3])},
                     {"action", store::AsText(r[4])}, {"changes", json::parse(store::AsText(r[5]))}});
  }
  return json{{"items", items}};
}

}  // namespace gj::service
