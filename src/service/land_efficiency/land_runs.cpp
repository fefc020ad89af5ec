#include "service/land_efficiency/land_service.h"

#include <set>

#include "common/json_limits.h"
#include "domain/land_efficiency/workflow.h"
#include "io/byte_sink.h"
#include "io/xlsx_table.h"
#include "service/land_efficiency/export.h"
#include "service/land_efficiency/land_support.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service {

using nlohmann::json;
using namespace land_support;

namespace {

LandRun RunView(store::RunRow r) {
  LandRun out{{}, land::ActionsFrom("run", r.state), std::nullopt};
  if (auto d = ParseIsoDate(r.published_on)) out.appeal_until = land::AppealWindowLastDay(*d).ToString();
  out.row = std::move(r);
  return out;
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

std::optional<int64_t> SurchargeFen(const land::Scheme& s, const land::Enterprise& e,
                                    const std::string& klass) {
  const int k = ClassIndex(klass);
  if (k < 0 || !e.electricity_kwh) return std::nullopt;
  return land::RoundHalfUp(s.surcharge_per_kwh[k] * *e.electricity_kwh * 100);
}

}  // namespace

// ---- runs ----------------------------------------------------------------------------------

Result<LandRunDetail> LandService::Run(const Ctx& ctx, const json& body) {
  static const char* kShape = "the body must be {\"county_code\": string, \"year\": integer}";
  if (!body.is_object()) return Error::BadRequest(kShape);
  // The county and land.evaluate on it (404, 403) before the rest of the body.
  const std::string county = Str(body, "county_code");
  if (auto st = CheckCounty(ctx, county, access::kLandEvaluate); !st) return st.error();
  if (!body.contains("year") || !body["year"].is_number_integer()) return Error::BadRequest(kShape);
  const int year = body["year"].get<int>();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  // After land.evaluate on the county: a run evaluates every enterprise of it.
  auto data = store::ListLandData(*c, access::ReadScope::All(), county, year);
  if (data.empty())
    return Error::Invalid("no data for this county and year",
                          {{"year", std::to_string(year), "no data imported", 0, {}}});
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

Result<LandRunList> LandService::ListRuns(const Ctx& ctx, const std::string& county,
                                          std::optional<int> year) {
  if (auto st = CheckCounty(ctx, county, access::kLandRead); !st) return st.error();
  auto c = db_.Acquire();
  LandRunList out;
  for (auto& r : store::ListRuns(*c, county, year)) out.items.push_back(RunView(std::move(r)));
  return out;
}

Result<store::RunRow> LandService::LoadRun(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto run = store::GetRun(c, id);
  if (!run || !CheckCounty(ctx, run->county_code, access::kLandRead))
    return Error::NotFound("no evaluation run " + std::to_string(id));
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
  for (const auto& j : ParseStoredJson(run.input_doc)) out->input.push_back(EnterpriseFromJson(j));
  out->ev = land::Evaluate(out->scheme, out->input);
  std::lock_guard lock(mu_);
  // A few runs are looked at at a time; keep the most recent ids (snapshots never change, so an
  // evicted run is simply recomputed).
  if (cache_.size() >= kCachedRuns) cache_.erase(cache_.begin());
  cache_[run.id] = out;
  return out;
}

Result<LandRunDetail> LandService::GetRun(const Ctx& ctx, int64_t id,
                                          const std::map<std::string, std::string>& filters, int64_t offset,
                                          int64_t limit) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  LandRunDetail out;
  out.computed = Compute(*run);
  const auto& comp = out.computed;
  auto adjustments = store::ListAdjustments(*c, id);
  const auto overrides = Overrides(adjustments);
  auto filter = [&](const char* k) {
    auto it = filters.find(k);
    return it == filters.end() ? std::string() : it->second;
  };
  const std::string f_class = filter("class"), f_town = filter("town"), f_group = filter("group");
  // The counts are the county's; the enterprises listed, those of the caller's remit.
  const auto remit = Remit(*c, ctx);
  std::map<std::string, bool> town_readable;
  auto readable = [&](const land::Enterprise& e) {
    auto it = town_readable.find(e.town);
    if (it == town_readable.end())
      it = town_readable.emplace(e.town, Readable(remit, run->county_code, e.town)).first;
    return it->second;
  };
  int64_t matched = 0;
  for (size_t i = 0; i < comp->input.size(); ++i) {
    const auto& e = comp->input[i];
    const auto& r = comp->ev.results[i];
    const std::string group(land::GroupName(r.group));
    std::string computed = ClassLetter(r.klass);
    auto ov = overrides.find(e.credit_code);
    std::string final_class = ov != overrides.end() ? ov->second : computed;
    const std::string bucket = final_class.empty()
                                   ? (r.status == land::EnterpriseStatus::kUndetermined ? "undetermined" : "")
                                   : final_class;
    if (Evaluated(r.group)) {
      out.counts[group][bucket]++;
      out.by_town[e.town][bucket]++;
    }
    if ((!f_class.empty() && f_class != bucket) || (!f_town.empty() && f_town != e.town) ||
        (!f_group.empty() && f_group != group) || !readable(e))
      continue;
    const int64_t index = matched++;
    if (index < offset || (limit > 0 && index >= offset + limit)) continue;
    auto surcharge = SurchargeFen(comp->scheme, e, final_class);
    out.results.push_back({i + 1, &e, &r, Evaluated(r.group) ? std::optional<double>(r.total) : std::nullopt,
                           r.rank > 0 ? std::optional<int>(r.rank) : std::nullopt, std::move(computed),
                           std::move(final_class), ov != overrides.end(), surcharge});
  }
  out.total_count = matched;
  out.offset = offset;
  out.limit = limit;
  std::map<std::string, std::string> names;  // of the enterprises in the remit
  for (const auto& e : comp->input) {
    if (readable(e)) names[e.credit_code] = e.name;
  }
  for (auto& a : adjustments) {
    if (!names.count(a.credit_code)) continue;
    std::string name = names[a.credit_code];
    out.adjustments.push_back({std::move(a), std::move(name)});
  }
  for (auto& a : store::ListAppeals(*c, id)) {
    if (!names.count(a.credit_code)) continue;
    std::string name = names[a.credit_code];
    out.appeals.push_back({std::move(a), std::move(name)});
  }
  out.run = RunView(std::move(*run));
  return out;
}

Result<LandCard> LandService::Card(const Ctx& ctx, int64_t id, const std::string& credit_code) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  auto comp = Compute(*run);
  size_t i = 0;
  while (i < comp->input.size() && comp->input[i].credit_code != credit_code) ++i;
  if (i == comp->input.size() || !Readable(Remit(*c, ctx), run->county_code, comp->input[i].town))
    return Error::NotFound("no enterprise " + credit_code + " in this run");
  const auto& e = comp->input[i];
  const auto& r = comp->ev.results[i];
  const land::GroupScheme* gs =
      r.group == land::Group::kAbove   ? (comp->scheme.above ? &*comp->scheme.above : nullptr)
      : r.group == land::Group::kBelow ? (comp->scheme.below ? &*comp->scheme.below : nullptr)
                                       : nullptr;
  const land::GroupSummary* summary = nullptr;
  for (const auto& g : comp->ev.groups) {
    if (g.group == r.group) summary = &g;
  }
  LandCard out;
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
      out.indicators.push_back({std::string(land::IndicatorName(spec.id)), spec.weight, spec.cap, x, bench,
                                x && bench && *bench > 0 ? std::optional<double>(*x / *bench) : std::nullopt,
                                comp->ev.S(i, col)});
    }
  }
  out.final_class = ClassLetter(r.klass);
  for (auto& a : store::ListAdjustments(*c, id)) {
    if (a.credit_code != credit_code) continue;
    out.final_class = a.new_class;
    out.adjustments.push_back(std::move(a));
  }
  for (auto& a : store::ListAppeals(*c, id)) {
    if (a.credit_code == credit_code) out.appeals.push_back(std::move(a));
  }
  out.surcharge_fen = SurchargeFen(comp->scheme, e, out.final_class);
  out.run = RunView(std::move(*run));
  out.enterprise = e;
  out.group = r.group;
  out.status = r.status;
  out.score = Evaluated(r.group) ? std::optional<double>(r.total) : std::nullopt;
  out.rank = r.rank > 0 ? std::optional<int>(r.rank) : std::nullopt;
  out.group_count = summary ? summary->count : 0;
  out.computed_class = ClassLetter(r.klass);
  out.tax_to_next_class_cents = r.tax_to_next_class_cents;
  return out;
}

Result<LandRunDetail> LandService::RunAction(const Ctx& ctx, int64_t id, const json& body) {
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
  if (t->needs_reason && reason.empty())
    return Error::Invalid("a reason is required", {{"reason", "", "required", 0, {}}});
  if (body["version"].get<int64_t>() != run.version)
    return store::StaleVersion("evaluation run", run.version);
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
      return Error::Invalid("not an evaluated enterprise of this run",
                            {{"credit_code", code, "not evaluated in this run", 0, {}}});
    }
    if (action == "adjust") {
      const std::string to = Str(body, "class");
      if (ClassIndex(to) < 0)
        return Error::Invalid("bad class", {{"class", to, "must be A, B, C or D", 0, {"A", "B", "C", "D"}}});
      const std::string from = current_class(*r);
      store::InsertAdjustment(*c, id, {0, code, from, to, reason, "adjust", ctx.now, ctx.caller.user_id});
      changes.push_back({{"field", "class:" + code}, {"old", from}, {"new", to}});
      changes.push_back({{"field", "reason"}, {"old", nullptr}, {"new", reason}});
    } else {
      if (!land::InAppealWindow(*ParseIsoDate(run.published_on), ctx.today)) {
        return Error::Conflict("the appeal window (" + run.published_on + " + " +
                               std::to_string(land::kAppealDays) + " days) is closed");
      }
      const int64_t aid =
          store::InsertAppeal(*c, {0, id, code, reason, ctx.today.ToString(), "open", "", "", "", 1});
      changes.push_back({{"field", "appeal:" + std::to_string(aid)}, {"old", nullptr}, {"new", reason}});
    }
  } else if (action == "decide_appeal") {
    auto appeal = body.contains("appeal_id") && body["appeal_id"].is_number_integer()
                      ? store::GetAppeal(*c, body["appeal_id"].get<int64_t>())
                      : std::nullopt;
    if (!appeal || appeal->run_id != id) return Error::NotFound("no such appeal in this run");
    if (appeal->state != "open") return Error::Conflict("the appeal was already decided");
    const std::string decision = Str(body, "decision"), to = Str(body, "class");
    if (decision != "upheld" && decision != "rejected") {
      return Error::Invalid(
          "bad decision", {{"decision", decision, "must be upheld or rejected", 0, {"upheld", "rejected"}}});
    }
    if (decision == "upheld" && ClassIndex(to) < 0)
      return Error::Invalid("an upheld appeal needs the new class",
                            {{"class", to, "must be A, B, C or D", 0, {}}});
    const auto* r = [&] {
      for (size_t i = 0; i < comp->input.size(); ++i)
        if (comp->input[i].credit_code == appeal->credit_code) return &comp->ev.results[i];
      return static_cast<const land::EnterpriseResult*>(nullptr);
    }();
    appeal->state = decision;
    appeal->decision = reason;
    appeal->new_class = decision == "upheld" ? to : "";
    appeal->decided_on = ctx.today.ToString();
    if (auto st = store::UpdateAppeal(*c, *appeal); !st) return st.error();
    if (decision == "upheld" && r) {
      auto it = overrides.find(appeal->credit_code);
      const std::string from = it != overrides.end() ? it->second : ClassLetter(r->klass);
      store::InsertAdjustment(
          *c, id, {0, appeal->credit_code, from, to, reason, "appeal", ctx.now, ctx.caller.user_id});
      changes.push_back({{"field", "class:" + appeal->credit_code}, {"old", from}, {"new", to}});
    }
    changes.push_back(
        {{"field", "appeal:" + std::to_string(appeal->id)}, {"old", "open"}, {"new", decision}});
  } else if (action == "publish") {
    const std::string on =
        Str(body, "published_on").empty() ? ctx.today.ToString() : Str(body, "published_on");
    if (!ParseIsoDate(on))
      return Error::Invalid("bad date", {{"published_on", on, "must be YYYY-MM-DD", 0, {}}});
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
                                {e.credit_code, e.name, managed, SurchargeFen(comp->scheme, e, managed),
                                 p.land_mu, p.energy_tce, p.emission_t});
    }
  }
  if (t->to != run.state) changes.push_back({{"field", "state"}, {"old", run.state}, {"new", t->to}});
  run.state = t->to;
  if (auto st = store::UpdateRun(*c, run); !st) return st.error();
  store::WriteJournal(*c, "le_run", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  return GetRun(ctx, id);
}

Result<LandPolicyLedger> LandService::PolicyLedger(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto run = LoadRun(*c, ctx, id);
  if (!run) return run.error();
  if (auto st = WholeCounty(Remit(*c, ctx), run->county_code); !st) return st.error();
  return LandPolicyLedger{id, run->state == "final", store::ListPolicyLedger(*c, id)};
}

Result<LandExport> LandService::Export(const Ctx& ctx, int64_t id, const std::string& format) {
  if (format != "csv" && format != "xlsx")
    return Error::Invalid("bad format", {{"format", format, "must be csv or xlsx", 0, {"csv", "xlsx"}}});
  store::RunRow run;
  {
    auto c = db_.Acquire();
    auto loaded = LoadRun(*c, ctx, id);
    if (!loaded) return loaded.error();
    if (auto st = WholeCounty(Remit(*c, ctx), loaded->county_code); !st) return st.error();
    run = std::move(loaded.value());
  }
  auto comp = Compute(run);
  Result<std::string> bytes = std::string();
  if (format == "csv") {
    io::StringSink sink;
    land::WriteResultsCsv(sink, land::NamesOf(comp->input), comp->ev);
    bytes = std::move(sink.bytes());
  } else {
    bytes = io::XlsxTableBytes("results", [&](io::XlsxTable& table) -> Status {
      land::WriteResultsXlsx(table, land::NamesOf(comp->input), comp->ev);
      return Ok{};
    });
  }
  if (!bytes) return bytes.error();
  const std::string name = "land-" + run.county_code + "-" + std::to_string(run.year) + "-v" +
                           std::to_string(run.run_no) + "." + format;
  return LandExport{std::move(bytes.value()),
                    format == "csv" ? "text/csv; charset=utf-8"
                                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    name};
}

Result<LandJournal> LandService::Journal(const Ctx& ctx, const std::string& entity, int64_t id) {
  auto c = db_.Acquire();
  if (entity == "le_run") {
    if (auto run = LoadRun(*c, ctx, id); !run) return run.error();
  } else {
    auto row = store::GetLandData(*c, Remit(*c, ctx), id);
    if (!row || !CheckCounty(ctx, row->county_code, access::kLandRead))
      return Error::NotFound("no enterprise data " + std::to_string(id));
  }
  LandJournal out;
  for (const auto& r : store::ReadJournal(*c, entity, id).rows) {
    out.items.push_back({store::AsInt(r[0]), store::AsText(r[1]), store::AsText(r[3]), store::AsText(r[4]),
                         store::AsText(r[5])});
  }
  return out;
}

}  // namespace gj::service
