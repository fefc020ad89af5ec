#include "service/assessment/observation_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/enum_names.h"
#include "common/json_field.h"
#include "common/json_limits.h"
#include "store/account_store.h"
#include "store/journal.h"
#include "store/project_store.h"
#include "store/table.h"

namespace gj::service {

namespace {

using nlohmann::json;
namespace as = assessment;

// An event's state as stored; an unknown stored name reads as a draft.
constexpr EnumName<as::EventState> kStateNames[] = {{as::EventState::kDraft, "draft"},
                                                    {as::EventState::kOpen, "open"},
                                                    {as::EventState::kClosed, "closed"},
                                                    {as::EventState::kPublished, "published"}};
const char* StateName(as::EventState s) { return NameOf(kStateNames, s); }
as::EventState StateFrom(const std::string& s) {
  return ValueOf(kStateNames, s).value_or(as::EventState::kDraft);
}

std::string BallotItem(const std::string& group) { return "ballot:" + group; }
std::string SheetItem(const std::string& project_id) { return "sheet:" + project_id; }

bool IsNumber(const json& j) { return j.is_number() && std::isfinite(j.get<double>()); }

// The event's set-up JSON → the domain event (submissions added by the caller).
as::Event EventFrom(const store::EventRecord& r, const json& setup) {
  as::Event e;
  e.name = r.name;
  e.start = ParseIsoDate(r.start_date).value_or(Date{});
  e.end = ParseIsoDate(r.end_date).value_or(Date{});
  e.level = r.level;
  e.groups = setup.value("groups", std::vector<std::string>{});
  e.config.mode =
      setup.value("mode", "sheet") == "ballot" ? as::JudgingMode::kBallot : as::JudgingMode::kSheet;
  e.config.step = setup.value("step", 3.0);
  e.config.trim = setup.value("trim", true);
  e.config.criteria.clear();
  for (const auto& c : setup.value("criteria", json::array()))
    e.config.criteria.push_back({c["name"], c["weight"]});
  e.config.blend.projects = setup["blend"].value("projects", 1.0);
  e.config.blend.indicator = setup["blend"].value("indicator", 0.0);
  for (const auto& n : setup.value("nominations", json::array())) {
    e.nominations.push_back({n["group"], n["county_name"], std::to_string(n["project_id"].get<int64_t>())});
  }
  e.judges = setup.value("judges", std::vector<std::string>{});
  const json indicator_scores = setup.value("indicator_scores", json::object());  // outlives the loop
  for (const auto& [county, score] : indicator_scores.items()) {
    e.indicator_scores[county] = score.get<double>();
  }
  e.state = StateFrom(r.state);
  if (r.publication)
    e.publication = *r.publication == "rank_only" ? as::Publication::kRankOnly : as::Publication::kWithScores;
  return e;
}

void AddSubmissions(as::Event& e, const std::vector<store::SubmissionRecord>& subs) {
  for (const auto& s : subs) {
    const json p = ParseStoredJson(s.payload);
    if (s.item.rfind("ballot:", 0) == 0) {
      for (const auto& place : p["places"])
        e.ballots.push_back({s.judge, p["group"], place["county"], place["rank"]});
    } else {
      as::SheetSubmission sub;
      sub.entry = {s.judge, p["group"], p["county"], p["project"], p["total"].get<double>()};
      for (const auto& [k, v] : p["ratings"].items()) sub.ratings[k] = v.get<double>();
      // Points as the judge gave them; a sheet rated 0..100 is shown in points too.
      if (p.contains("points"))
        for (const auto& [k, v] : p["points"].items()) sub.points[k] = v.get<double>();
      else sub.points = as::PointsOfRatings(e.config.criteria, sub.ratings);
      e.submissions.push_back(std::move(sub));
    }
  }
}

// The stored set-up JSON → its typed form (every key is written by SetupFrom and ReadEvent).
ObservationSetup SetupOf(const json& setup) {
  ObservationSetup s;
  s.groups = setup.value("groups", std::vector<std::string>{});
  s.mode = setup.value("mode", "sheet");
  s.step = setup.value("step", 3.0);
  s.trim = setup.value("trim", true);
  for (const auto& c : setup.value("criteria", json::array())) s.criteria.push_back({c["name"], c["weight"]});
  s.blend = {setup["blend"].value("projects", 1.0), setup["blend"].value("indicator", 0.0)};
  s.indicator_scores = setup.value("indicator_scores", std::map<std::string, double>{});
  s.judges = setup.value("judges", std::vector<std::string>{});
  for (const auto& n : setup.value("nominations", json::array())) {
    s.nominations.push_back({n["group"], n["county_code"], n["county_name"], n["project_id"],
                             n["project_code"], n["project_name"]});
  }
  return s;
}

bool Lists(const std::vector<std::string>& logins, const std::string& login) {
  return std::find(logins.begin(), logins.end(), login) != logins.end();
}

// Reads the set-up fields of a new event; reports every problem.
json SetupFrom(const json& b, Problems& pr) {
  json setup;
  std::vector<std::string> groups;
  if (b.contains("groups") && b["groups"].is_array()) {
    for (const auto& g : b["groups"]) {
      if (!g.is_string() || g.get<std::string>().empty())
        pr.Add("groups", BoundedDump(g), "a group is a non-empty name");
      else if (std::find(groups.begin(), groups.end(), g.get<std::string>()) != groups.end())
        pr.Add("groups", g.get<std::string>(), "listed twice");
      else groups.push_back(g);
    }
  }
  if (groups.empty()) pr.Add("groups", "", "at least one group (e.g. 县市区组)");
  setup["groups"] = groups;
  const std::string mode = b.value("mode", "sheet");
  if (mode != "sheet" && mode != "ballot") pr.Add("mode", mode, "must be sheet or ballot");
  setup["mode"] = mode;
  const json step = b.value("step", json(3));
  if (!IsNumber(step) || step.get<double>() < 0) pr.Add("step", BoundedDump(step), "must be a number ≥ 0");
  else setup["step"] = step.get<double>();
  const json trim = b.value("trim", json(true));
  if (!trim.is_boolean()) pr.Add("trim", BoundedDump(trim), "must be true or false");
  else setup["trim"] = trim.get<bool>();
  json criteria = json::array();
  if (b.contains("criteria")) {
    std::set<std::string> names;
    if (!b["criteria"].is_array() || b["criteria"].empty())
      pr.Add("criteria", BoundedDump(b["criteria"]), "a non-empty list of {name, weight}");
    else
      for (size_t i = 0; i < b["criteria"].size(); ++i) {
        const json& c = b["criteria"][i];
        const std::string f = "criteria[" + std::to_string(i) + "]";
        if (!c.is_object() || !c.contains("name") || !c["name"].is_string() ||
            c["name"].get<std::string>().empty()) {
          pr.Add(f + ".name", BoundedDump(c), "required");
          continue;
        }
        if (!names.insert(c["name"].get<std::string>()).second)
          pr.Add(f + ".name", c["name"], "listed twice");
        if (!c.contains("weight") || !IsNumber(c["weight"]) || c["weight"].get<double>() <= 0) {
          pr.Add(f + ".weight", BoundedDump(c.value("weight", json())), "must be a number > 0");
          continue;
        }
        criteria.push_back({{"name", c["name"]}, {"weight", c["weight"].get<double>()}});
      }
  } else {
    for (const auto& c : as::DefaultCriteria()) criteria.push_back({{"name", c.name}, {"weight", c.weight}});
  }
  setup["criteria"] = criteria;
  const json blend = b.value("blend", json{{"projects", 1}, {"indicator", 0}});
  const double bp =
      blend.is_object() && IsNumber(blend.value("projects", json(1))) ? blend.value("projects", 1.0) : -1;
  const double bi =
      blend.is_object() && IsNumber(blend.value("indicator", json(0))) ? blend.value("indicator", 0.0) : -1;
  if (bp < 0 || bi < 0 || bp + bi <= 0) pr.Add("blend", BoundedDump(blend), "weights ≥ 0, not both 0");
  setup["blend"] = {{"projects", bp}, {"indicator", bi}};
  setup["indicator_scores"] = json::object();
  if (b.contains("indicator_scores")) {
    if (!b["indicator_scores"].is_object())
      pr.Add("indicator_scores", BoundedDump(b["indicator_scores"]), "an object county → score");
    else
      for (const auto& [k, v] : b["indicator_scores"].items()) {
        if (!IsNumber(v) || v.get<double>() < 0 || v.get<double>() > 100)
          pr.Add("indicator_scores." + k, BoundedDump(v), "must be within 0..100");
        else setup["indicator_scores"][k] = v.get<double>();
      }
  }
  return setup;
}

}  // namespace

Result<ObservationService::Loaded> ObservationService::Load(store::Connection& c, const Ctx& ctx,
                                                            int64_t id) {
  auto r = grants_.Visible(ctx, store::LoadEvent(c, id), "observation event", id);
  if (!r) return r.error();
  Loaded l{*r, ParseStoredJson(r->setup), {}};
  l.event = EventFrom(l.record, l.setup);
  AddSubmissions(l.event, store::LoadSubmissions(c, id));
  return l;
}

Result<ObservationService::Loaded> ObservationService::LoadManaged(store::Connection& c, const Ctx& ctx,
                                                                   int64_t id, const std::string& forbidden) {
  auto l = Load(c, ctx, id);
  if (l && !grants_.Manages(ctx, l->record.region_code)) return Error::Forbidden(forbidden);
  return l;
}

ObservationView ObservationService::View(const Ctx& ctx, const Loaded& l, store::Connection& c) {
  ObservationView v;
  v.record = l.record;
  const auto* region = ledger_.Regions()->Find(l.record.region_code);
  v.region_name = region ? region->name : "";
  v.setup = SetupOf(l.setup);
  v.is_judge = Lists(l.event.judges, ctx.caller.login) &&
               access::AllowedAnywhere(ctx.caller, access::kObservationJudge);
  v.can_manage = grants_.Manages(ctx, l.record.region_code);
  // Progress shows how many items each judge has submitted, never what they gave.
  std::map<std::string, int> done;
  for (const auto& s : store::LoadSubmissions(c, l.record.id)) ++done[s.judge];
  const size_t expected =
      l.event.config.mode == as::JudgingMode::kBallot ? l.event.groups.size() : l.event.nominations.size();
  for (const auto& judge_login : l.event.judges) {
    const auto account = store::LoadAccountByLogin(c, judge_login);
    v.progress.push_back({judge_login, account ? account->name : judge_login, done[judge_login], expected});
  }
  if (v.is_judge) {
    for (const auto& b : as::BallotsVisibleTo(l.event, ctx.caller.login)) {
      if (b.judge == ctx.caller.login) v.my_ballots.push_back(b);
    }
    for (const auto& s : as::SheetsVisibleTo(l.event, ctx.caller.login)) {
      if (s.entry.judge == ctx.caller.login) v.my_sheets.push_back(s);
    }
  }
  return v;
}

Result<ObservationList> ObservationService::List(const Ctx& ctx) {
  auto c = db_.Acquire();
  ObservationList out;
  auto tree = ledger_.Regions();
  for (const auto& r : store::ListEvents(*c)) {
    if (!grants_.Sees(ctx, r.region_code)) continue;
    const json setup = ParseStoredJson(r.setup);
    const auto* region = tree->Find(r.region_code);
    out.items.push_back({r, region ? region->name : "", setup.value("mode", "sheet"),
                         setup.value("groups", std::vector<std::string>{}),
                         Lists(setup.value("judges", std::vector<std::string>{}), ctx.caller.login)});
  }
  return out;
}

store::EventRecord ObservationService::ReadEvent(store::Connection& c, const Ctx& ctx, const json& b,
                                                 Problems& pr) {
  auto tree = ledger_.Regions();
  store::EventRecord r;
  r.name = b.value("name", "");
  if (r.name.empty()) pr.Add("name", "", "required");
  r.region_code = b.value("region_code", "");
  const auto* region = tree->Find(r.region_code);
  if (!region) pr.Add("region_code", r.region_code, "unknown region");
  else if (!grants_.Manages(ctx, r.region_code))
    pr.Add("region_code", r.region_code, "you may not set up events there");
  r.level = b.value("level", region ? region->level : "city");
  if (r.level != "city" && r.level != "county") pr.Add("level", r.level, "must be city or county");
  r.start_date = b.value("start_date", "");
  r.end_date = b.value("end_date", "");
  auto start = ParseIsoDate(r.start_date), end = ParseIsoDate(r.end_date);
  if (!start) pr.Add("start_date", r.start_date, "a date like 2026-06-30");
  if (!end) pr.Add("end_date", r.end_date, "a date like 2026-06-30");
  if (start && end && *end < *start) pr.Add("end_date", r.end_date, "before start_date");
  json setup = SetupFrom(b, pr);
  // Judges: users holding the judge role.
  std::vector<std::string> judges;
  for (const auto& j : b.value("judges", json::array())) {
    const std::string login = ShownValue(j);
    if (std::find(judges.begin(), judges.end(), login) != judges.end()) {
      pr.Add("judges", login, "listed twice");
      continue;
    }
    if (!store::IsActiveJudge(c, login)) pr.Add("judges", login, "not a user with the judge role");
    judges.push_back(login);
  }
  if (judges.empty()) pr.Add("judges", "", "at least one judge");
  setup["judges"] = judges;
  // Nominations: each county's projects, from the ledger.
  json nominations = json::array();
  std::set<int64_t> seen;
  // The event's region: what it may nominate, whoever sets it up (Manages checked the region).
  const auto event_projects = access::ReadScope::All().Within(r.region_code, *tree);
  const auto groups = setup["groups"].get<std::vector<std::string>>();
  const json noms = b.value("nominations", json::array());
  for (size_t i = 0; i < noms.size(); ++i) {
    const json& n = noms[i];
    const std::string f = "nominations[" + std::to_string(i) + "]";
    if (!n.is_object()) {
      pr.Add(f, BoundedDump(n), "must be {group, project_id}");
      continue;
    }
    const std::string group = n.value("group", "");
    if (std::find(groups.begin(), groups.end(), group) == groups.end())
      pr.Add(f + ".group", group, "not a group of the event");
    if (!n.contains("project_id") || !n["project_id"].is_number_integer()) {
      pr.Add(f + ".project_id", BoundedDump(n.value("project_id", json())), "required integer");
      continue;
    }
    const int64_t pid = n["project_id"];
    auto row = store::LoadProjectRow(c, event_projects, pid);
    if (!row || row->project.archived || !region || !tree->Within(row->project.county_code, r.region_code)) {
      pr.Add(f + ".project_id", std::to_string(pid),
             "no such project in " + (region ? region->name : r.region_code));
      continue;
    }
    if (!seen.insert(pid).second) {
      pr.Add(f + ".project_id", std::to_string(pid), "nominated twice");
      continue;
    }
    nominations.push_back({{"group", group},
                           {"county_code", row->project.county_code},
                           {"county_name", row->county_name},
                           {"project_id", pid},
                           {"project_code", row->project.code},
                           {"project_name", row->project.name}});
  }
  setup["nominations"] = nominations;
  r.setup = setup.dump();
  return r;
}

Result<ObservationView> ObservationService::Create(const Ctx& ctx, const json& b) {
  const Status allowed =
      CheckWrite(ctx, access::kObservationManage, "you may not set up observation events", b);
  if (!allowed) return allowed.error();
  Problems pr;
  auto c = db_.Acquire();
  store::EventRecord r = ReadEvent(*c, ctx, b, pr);
  if (!pr.empty()) return pr.ToError("the observation event is not valid");
  r.state = "draft";
  r.version = 1;
  r.created_at = r.updated_at = ctx.now;
  store::Transaction tx(*c);
  r.id = store::InsertEvent(*c, r);
  store::WriteJournal(*c, "observation_event", r.id, "create", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", "name"}, {"old", nullptr}, {"new", r.name}},
                                   {{"field", "setup"}, {"old", nullptr}, {"new", r.setup}}}));
  tx.Commit();
  auto l = Load(*c, ctx, r.id);
  return View(ctx, l.value(), *c);
}

Result<ObservationView> ObservationService::Update(const Ctx& ctx, int64_t id, const json& b) {
  if (auto v = VersionOf(b); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto l = LoadManaged(*c, ctx, id, "only the organisers may edit the event");
  if (!l) return l.error();
  if (b["version"].get<int64_t>() != l->record.version)
    return store::StaleVersion("observation event", l->record.version);
  if (auto st = as::CheckEditable(l->event); !st) return st.error();
  // A partial body: the fields it names replace the current ones, then the whole event is checked
  // as on creation, so every problem is reported at once.
  const json& cur = l->setup;
  json merged = {{"name", l->record.name},
                 {"region_code", l->record.region_code},
                 {"level", l->record.level},
                 {"start_date", l->record.start_date},
                 {"end_date", l->record.end_date}};
  for (const char* k :
       {"groups", "mode", "step", "trim", "criteria", "blend", "indicator_scores", "judges"}) {
    if (cur.contains(k)) merged[k] = cur[k];
  }
  merged["nominations"] = json::array();
  for (const auto& n : cur.value("nominations", json::array()))
    merged["nominations"].push_back({{"group", n["group"]}, {"project_id", n["project_id"]}});
  Problems pr;
  for (const auto& [k, v] : b.items()) {
    if (k == "version") continue;
    // The organiser's region decides who manages the event: it stays (set up a new event instead).
    if (k == "region_code" && v != json(l->record.region_code)) {
      pr.Add("region_code", v.is_string() ? v.get<std::string>() : BoundedDump(v),
             "cannot change; set up a new event for another region");
      continue;
    }
    merged[k] = v;
  }
  store::EventRecord next = ReadEvent(*c, ctx, merged, pr);
  if (!pr.empty()) return pr.ToError("the observation event is not valid");
  next.id = id;
  next.region_code = l->record.region_code;
  next.state = l->record.state;
  next.publication = l->record.publication;
  next.version = l->record.version + 1;
  next.created_at = l->record.created_at;
  next.updated_at = ctx.now;
  const json changes = store::EventChanges(l->record, next);  // the event's journaled fields
  if (changes.empty()) return View(ctx, l.value(), *c);  // nothing changed: no new version, no journal entry
  if (auto st = store::UpdateEvent(*c, next, l->record.version); !st) return st.error();
  store::WriteJournal(*c, "observation_event", id, "update", ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  auto fresh = Load(*c, ctx, id);
  return View(ctx, fresh.value(), *c);
}

Result<ObservationView> ObservationService::Get(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto l = Load(*c, ctx, id);
  if (!l) return l.error();
  return View(ctx, l.value(), *c);
}

Result<ObservationView> ObservationService::Transition(const Ctx& ctx, int64_t id, const std::string& action,
                                                       const json& b) {
  if (auto v = VersionOf(b); !v) return v.error();
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto l = LoadManaged(*c, ctx, id, "only the organisers may " + action + " the event");
  if (!l) return l.error();
  if (b["version"].get<int64_t>() != l->record.version)
    return store::StaleVersion("observation event", l->record.version);
  Status st = Ok{};
  if (action == "open") st = as::Open(l->event);
  else if (action == "close") st = as::Close(l->event);
  else if (action == "publish") {
    const std::string how = b.value("publication", "with_scores");
    if (how != "rank_only" && how != "with_scores")
      return Error::Invalid("bad publication",
                            {{"publication", how, "must be rank_only or with_scores", 0, {}}});
    st =
        as::Publish(l->event, how == "rank_only" ? as::Publication::kRankOnly : as::Publication::kWithScores);
  } else {
    return Error::NotFound("no such action: " + action);
  }
  if (!st) return st.error();
  store::EventRecord next = l->record;
  next.state = StateName(l->event.state);
  if (l->event.publication)
    next.publication = *l->event.publication == as::Publication::kRankOnly ? "rank_only" : "with_scores";
  next.version = l->record.version + 1;
  next.updated_at = ctx.now;
  if (auto st = store::UpdateEvent(*c, next, l->record.version); !st) return st.error();
  json changes = json::array({{{"field", "state"}, {"old", l->record.state}, {"new", next.state}}});
  if (next.publication != l->record.publication)
    changes.push_back({{"field", "publication"}, {"old", nullptr}, {"new", *next.publication}});
  store::WriteJournal(*c, "observation_event", id, action, ctx.caller.user_id, ctx.now, changes);
  tx.Commit();
  auto fresh = Load(*c, ctx, id);
  return View(ctx, fresh.value(), *c);
}

Result<ObservationView> ObservationService::Submit(const Ctx& ctx, int64_t id, const std::string& item,
                                                   json payload,
                                                   const std::function<Status(as::Event&, json&)>& apply) {
  if (!access::AllowedAnywhere(ctx.caller, access::kObservationJudge))
    return Error::Forbidden("only judges submit scores");
  auto c = db_.Acquire();
  store::Transaction tx(*c);
  auto l = Load(*c, ctx, id);
  if (!l) return l.error();
  const bool open = store::LockOpenEvent(*c, id);
  if (auto st = apply(l->event, payload); !st) return st.error();
  if (!open) return Error::Conflict("the event is no longer open: nothing changes after close");
  store::UpsertSubmission(*c, id, {ctx.caller.login, item, payload.dump(), ctx.now});
  store::WriteJournal(*c, "observation_event", id, "submit", ctx.caller.user_id, ctx.now,
                      json::array({{{"field", item}, {"old", nullptr}, {"new", payload.dump()}}}));
  tx.Commit();
  auto fresh = Load(*c, ctx, id);
  return View(ctx, fresh.value(), *c);
}

Status ObservationService::MayJudge(const Ctx& ctx, int64_t id) {
  if (!access::AllowedAnywhere(ctx.caller, access::kObservationJudge))
    return Error::Forbidden("only judges submit scores");
  auto c = db_.Acquire();
  auto l = Load(*c, ctx, id);
  if (!l) return l.error();
  if (!Lists(l->event.judges, ctx.caller.login))
    return Error::Forbidden("not a judge of this event: " + ctx.caller.login);
  return Ok{};
}

Result<ObservationView> ObservationService::SubmitBallot(const Ctx& ctx, int64_t id, const json& b) {
  if (auto st = MayJudge(ctx, id); !st) return st.error();
  if (!b.is_object() || !b.contains("group") || !b["group"].is_string() || !b.contains("places") ||
      !b["places"].is_array()) {
    return Error::BadRequest("the body must be {\"group\": string, \"places\": [{\"county\", \"rank\"}]}");
  }
  std::vector<as::RankedPlace> places;
  json stored = json::array();
  for (const auto& p : b["places"]) {
    if (!p.is_object() || !p.contains("county") || !p["county"].is_string() || !p.contains("rank") ||
        !p["rank"].is_number_integer()) {
      return Error::BadRequest("each place is {\"county\": string, \"rank\": integer}");
    }
    places.push_back({p["county"], p["rank"]});
    stored.push_back({{"county", p["county"]}, {"rank", p["rank"]}});
  }
  const std::string group = b["group"];
  return Submit(ctx, id, BallotItem(group), {{"group", group}, {"places", stored}},
                [&](as::Event& e, json&) { return as::SubmitBallot(e, ctx.caller.login, group, places); });
}

Result<ObservationView> ObservationService::SubmitSheet(const Ctx& ctx, int64_t id, const json& b) {
  if (auto st = MayJudge(ctx, id); !st) return st.error();
  // Marks are ratings 0..100 or points out of each criterion's weight (as on the paper form).
  const char* kind = b.is_object() && b.contains("points") ? "points" : "ratings";
  if (!b.is_object() || !b.contains("project_id") || !b["project_id"].is_number_integer() ||
      !b.contains(kind) || !b[kind].is_object() || (b.contains("points") && b.contains("ratings"))) {
    return Error::BadRequest(
        "the body must be {\"project_id\": integer, \"points\": {criterion: 0..weight}} or "
        "{\"project_id\": integer, \"ratings\": {criterion: 0..100}}");
  }
  const bool points = std::string(kind) == "points";
  std::map<std::string, double> marks;
  for (const auto& [k, v] : b[kind].items()) {
    if (!IsNumber(v))
      return Error::Invalid(points ? "points are numbers" : "ratings are numbers",
                            {{std::string(kind) + "." + k,
                              BoundedDump(v),
                              points ? "must be a number" : "must be a number within 0..100",
                              0,
                              {}}});
    marks[k] = v.get<double>();
  }
  const std::string pid = std::to_string(b["project_id"].get<int64_t>());
  return Submit(ctx, id, SheetItem(pid), json(), [&](as::Event& e, json& payload) -> Status {
    const auto it = std::find_if(e.nominations.begin(), e.nominations.end(),
                                 [&](const as::Nomination& n) { return n.project == pid; });
    if (it == e.nominations.end()) return Error::NotFound("not a nominated project: " + pid);
    const as::Nomination nomination = *it;
    const Status st = points ? as::SubmitSheetPoints(e, ctx.caller.login, nomination, marks)
                             : as::SubmitSheet(e, ctx.caller.login, nomination, marks);
    if (!st) return st;
    // The total is computed once, by the domain, and stored with the marks behind it.
    const auto& sub = *std::find_if(e.submissions.begin(), e.submissions.end(), [&](const auto& s) {
      return s.entry.judge == ctx.caller.login && s.entry.project == pid;
    });
    payload = {{"group", nomination.group},
               {"county", nomination.county},
               {"project", nomination.project},
               {"ratings", sub.ratings},
               {"total", sub.entry.score}};
    if (points) payload["points"] = sub.points;
    return Ok{};
  });
}

Result<ObservationResults> ObservationService::Results(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  auto l = Load(*c, ctx, id);
  if (!l) return l.error();
  const auto& e = l->event;
  const bool insider = grants_.Manages(ctx, l->record.region_code) || Lists(e.judges, ctx.caller.login);
  ObservationResults out{
      id, l->record.name, l->record.state, l->setup["mode"], l->record.publication, false, {}, {}};
  auto group_of = [&](const std::string& g) -> ObservationResults::Group& {
    for (auto& x : out.groups)
      if (x.group == g) return x;
    return out.groups.emplace_back(ObservationResults::Group{g, {}});
  };
  for (const auto& g : e.groups) group_of(g);
  if (insider && e.state != as::EventState::kPublished) {
    auto res = as::Results(e);
    if (!res) return res.error();
    out.with_scores = true;
    for (const auto& r : res.value()) group_of(r.group).items.push_back({r.county, r.rank, r.score});
  } else {
    auto res = as::PublishedResults(e);
    if (!res) return res.error();
    out.with_scores = e.publication == as::Publication::kWithScores;
    for (const auto& r : res.value()) group_of(r.group).items.push_back({r.county, r.rank, r.score});
  }
  if (out.with_scores && e.config.mode == as::JudgingMode::kSheet) {
    for (const auto& n : SetupOf(l->setup).nominations) {
      std::vector<double> totals;
      const std::string pid = std::to_string(n.project_id);
      for (const auto& s : e.submissions)
        if (s.entry.project == pid) totals.push_back(s.entry.score);
      out.projects.push_back(
          {n.group, n.county_name, n.project_id, n.project_name, totals.size(),
           totals.empty() ? std::nullopt : std::optional<double>(as::TrimmedMean(totals, e.config.trim))});
    }
  }
  return out;
}

Result<ObservationJudges> ObservationService::Judges(const Ctx& ctx) {
  if (!access::AllowedAnywhere(ctx.caller, access::kObservationManage))
    return Error::Forbidden("only organisers name judges");
  auto c = db_.Acquire();
  return ObservationJudges{store::ListJudges(*c)};
}

}  // namespace gj::service
