#include "domain/ledger/project.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <variant>

#include "common/body_date.h"
#include "common/json_field.h"
#include "common/json_writer.h"
#include "common/money.h"
#include "domain/enterprises/credit_code.h"

namespace gj::ledger {

const std::vector<std::string> kDictionaryKinds = {"category", "level", "kind", "track", "stage"};

Dictionaries DefaultDictionaries() {
  return {
      {"category",
       {{"industrial", "工业", "Industrial", 1, true},
        {"agriculture", "农业", "Agriculture", 2, true},
        {"service", "服务业", "Services", 3, true},
        {"infrastructure", "基础设施", "Infrastructure", 4, true},
        {"social", "社会民生", "Social welfare", 5, true}}},
      {"level",
       {{"national", "国家重点", "National", 1, true},
        {"provincial", "省重点", "Provincial", 2, true},
        {"city", "市重点", "City", 3, true},
        {"county", "县重点", "County", 4, true}}},
      {"kind", {{"new", "新开工", "New start", 1, true}, {"continuing", "续建", "Continuing", 2, true}}},
      {"track",
       {{"implementation", "实施类", "Implementation", 1, true},
        {"preparatory", "前期类", "Preparatory", 2, true}}},
      {"stage",
       {{"planned", "谋划", "Planned", 1, true},
        {"reserve", "储备", "Reserve", 2, true},
        {"signed", "签约", "Signed", 3, true},
        {"started", "开工", "Started", 4, true},
        {"completed", "竣工", "Completed", 5, true},
        {"operating", "投产", "Operating", 6, true}}},
  };
}

void to_json(nlohmann::json& j, const DictEntry& e) {
  j = {{"code", e.code},
       {"label_zh", e.label_zh},
       {"label_en", e.label_en},
       {"sort", e.sort},
       {"active", e.active}};
}

const DictEntry* FindByCode(const std::vector<DictEntry>& list, const std::string& code) {
  for (const auto& e : list) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

const DictEntry* FindByLabel(const std::vector<DictEntry>& list, const std::string& label_zh) {
  for (const auto& e : list) {
    if (e.label_zh == label_zh) return &e;
  }
  return nullptr;
}

namespace {

constexpr StageRule kStageRules[] = {
    //  stage       needs start  needs completion  counts as completed
    {"started", true, false, false},
    {"completed", true, true, true},
    {"operating", true, true, true},  // 投产运营: completed, then producing
};

// from → stages that may follow.
const std::map<std::string, std::set<std::string>>& StageWorkflow() {
  static const std::map<std::string, std::set<std::string>> kWorkflow = {
      {"planned", {"reserve", "signed", "started"}},
      {"reserve", {"planned", "signed", "started"}},
      {"signed", {"reserve", "started"}},
      {"started", {"signed", "completed", "operating"}},
      {"completed", {"started", "operating"}},
      {"operating", {"completed"}},
  };
  return kWorkflow;
}

using Member = std::variant<std::string Project::*, std::optional<std::string> Project::*, int Project::*,
                            std::optional<int64_t> Project::*, std::optional<double> Project::*,
                            std::optional<Date> Project::*>;
struct FieldDef {
  const char* name;
  Member member;
};

const std::vector<FieldDef>& Fields() {
  static const std::vector<FieldDef> kFields = {
      {"code", &Project::code},
      {"name", &Project::name},
      {"county_code", &Project::county_code},
      {"town_code", &Project::town_code},
      {"category", &Project::category},
      {"level", &Project::level},
      {"kind", &Project::kind},
      {"track", &Project::track},
      {"stage", &Project::stage},
      {"total_investment", &Project::total_investment},
      {"annual_plan", &Project::annual_plan},
      {"annual_completed", &Project::annual_completed},
      {"land_mu", &Project::land_mu},
      {"builder", &Project::builder},
      {"builder_code", &Project::builder_code},
      {"leader_id", &Project::leader_id},
      {"unit_id", &Project::unit_id},
      {"specialist", &Project::specialist},
      {"chain", &Project::chain},
      {"planned_start", &Project::planned_start},
      {"actual_start", &Project::actual_start},
      {"planned_completion", &Project::planned_completion},
      {"actual_completion", &Project::actual_completion},
      {"content", &Project::content},
      {"national_code", &Project::national_code},
      {"longitude", &Project::longitude},
      {"latitude", &Project::latitude},
      {"year", &Project::year},
  };
  return kFields;
}

nlohmann::json FieldToJson(const Project& p, const Member& m) {
  return std::visit(
      [&](auto ptr) -> nlohmann::json {
        const auto& v = p.*ptr;
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::optional<Date>>) {
          return v ? nlohmann::json(v->ToString()) : nlohmann::json(nullptr);
        } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, int>) {
          return nlohmann::json(v);
        } else {
          return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
        }
      },
      m);
}

std::string Show(const nlohmann::json& v) { return ShownValue(v); }

// Sets one field from JSON; on a wrong type, reports and leaves it unchanged.
void FieldFromJson(Project& p, const FieldDef& f, const nlohmann::json& v, Problems& problems) {
  std::visit(
      [&](auto ptr) {
        auto& target = p.*ptr;
        using T = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<T, std::string>) {
          if (v.is_string()) target = v.get<std::string>();
          else if (v.is_null()) target.clear();
          else problems.Add(f.name, Show(v), "must be a string");
        } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
          if (v.is_string() && !v.get<std::string>().empty()) target = v.get<std::string>();
          else if (v.is_null() || v.is_string()) target.reset();
          else problems.Add(f.name, Show(v), "must be a string or null");
        } else if constexpr (std::is_same_v<T, int>) {
          if (v.is_number_integer()) target = v.get<int>();
          else problems.Add(f.name, Show(v), "must be an integer");
        } else if constexpr (std::is_same_v<T, std::optional<int64_t>>) {
          if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
            problems.Add(f.name, Show(v), AmountBoundReason());  // only amounts are this large
          else if (v.is_number_integer()) target = v.get<int64_t>();
          else if (v.is_null()) target.reset();
          else problems.Add(f.name, Show(v), "must be an integer or null");
        } else if constexpr (std::is_same_v<T, std::optional<double>>) {
          if (v.is_number()) target = v.get<double>();
          else if (v.is_null()) target.reset();
          else problems.Add(f.name, Show(v), "must be a number or null");
        } else {
          if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) {
            target.reset();
          } else if (auto d = v.is_string() ? ParseIsoDate(v.get<std::string>()) : std::nullopt) {
            if (InBodyDateRange(*d)) target = *d;
            else problems.Add(f.name, Show(v), kBodyDateRangeReason);
          } else {
            problems.Add(f.name, Show(v), "must be a date YYYY-MM-DD or null");
          }
        }
      },
      f.member);
}

void CheckDict(const Dictionaries& dicts, const char* kind, const std::string& value, Problems& pr) {
  auto it = dicts.find(kind);
  const DictEntry* e = it == dicts.end() ? nullptr : FindByCode(it->second, value);
  if (value.empty()) {
    pr.Add(kind, value, "required");
  } else if (!e || !e->active) {
    std::string allowed;
    if (it != dicts.end()) {
      for (const auto& x : it->second) {
        if (x.active) allowed += (allowed.empty() ? "" : ", ") + x.code;
      }
    }
    pr.Add(kind, value, "not one of: " + allowed);
  }
}

void CheckLength(const char* field, const std::string& v, size_t max, bool required, Problems& pr) {
  if (required && v.empty()) pr.Add(field, v, "required");
  if (v.size() > max) pr.Add(field, v.substr(0, 40), "longer than " + std::to_string(max) + " bytes");
}

void CheckNonNegative(const char* field, const std::optional<int64_t>& v, Problems& pr) {
  if (v && *v < 0) pr.Add(field, std::to_string(*v), "must not be negative");
}

void CheckDates(const Project& p, const Date& today, Problems& pr) {
  for (auto [field, d] :
       {std::pair{"actual_start", p.actual_start}, std::pair{"actual_completion", p.actual_completion}}) {
    if (d && *d > today)
      pr.Add(field, d->ToString(),
             "an actual date cannot be in the future (today is " + today.ToString() + ")");
  }
  if (p.planned_start && p.planned_completion && *p.planned_completion < *p.planned_start) {
    pr.Add("planned_completion", p.planned_completion->ToString(),
           "before the planned start " + p.planned_start->ToString());
  }
  if (p.actual_completion && !p.actual_start) {
    pr.Add("actual_completion", p.actual_completion->ToString(),
           "a project cannot be completed before it has started (no actual start)");
  } else if (p.actual_start && p.actual_completion && *p.actual_completion < *p.actual_start) {
    pr.Add("actual_completion", p.actual_completion->ToString(),
           "before the actual start " + p.actual_start->ToString());
  }
  if (const StageRule* rule = FindStageRule(p.stage)) {
    if (rule->needs_actual_start && !p.actual_start) {
      pr.Add("actual_start", "", "stage '" + p.stage + "' needs the actual start date (开工日期)");
    }
    if (rule->needs_actual_completion && !p.actual_completion) {
      pr.Add("actual_completion", "", "stage '" + p.stage + "' needs the actual completion date (竣工日期)");
    }
  }
}

}  // namespace

const StageRule* FindStageRule(const std::string& stage) {
  for (const auto& r : kStageRules) {
    if (stage == r.stage) return &r;
  }
  return nullptr;
}

bool StageCountsAsCompleted(const std::string& stage) {
  const StageRule* r = FindStageRule(stage);
  return r && r->counts_as_completed;
}

std::vector<std::string> CompletedStages() {
  std::vector<std::string> out;
  for (const auto& r : kStageRules) {
    if (r.counts_as_completed) out.emplace_back(r.stage);
  }
  return out;
}

bool StageTransitionAllowed(const std::string& from, const std::string& to) {
  if (from == to) return true;
  const auto& wf = StageWorkflow();
  auto it = wf.find(from);
  if (it == wf.end() || !wf.count(to)) return true;  // admin-added stages are not constrained
  return it->second.count(to) > 0;
}

Problems ValidateProject(const Project& p, const Dictionaries& dicts, const Date& today) {
  Problems pr;
  CheckLength("code", p.code, 64, true, pr);
  CheckLength("name", p.name, 300, true, pr);
  if (p.national_code) CheckLength("national_code", *p.national_code, 64, false, pr);
  CheckLength("builder", p.builder, 300, false, pr);
  if (p.builder_code) {
    if (auto why = enterprises::CreditCodeProblem(*p.builder_code); !why.empty())
      pr.Add("builder_code", *p.builder_code, why);
  }
  CheckLength("content", p.content, 20000, false, pr);
  if (p.county_code.empty()) pr.Add("county_code", "", "required");
  if (p.year < 2000 || p.year > 2100) pr.Add("year", std::to_string(p.year), "must be between 2000 and 2100");
  for (auto [kind, member] : {std::pair{"category", &Project::category}, std::pair{"level", &Project::level},
                              std::pair{"kind", &Project::kind}, std::pair{"track", &Project::track},
                              std::pair{"stage", &Project::stage}}) {
    CheckDict(dicts, kind, p.*member, pr);
  }
  CheckNonNegative("total_investment", p.total_investment, pr);
  CheckNonNegative("annual_plan", p.annual_plan, pr);
  CheckNonNegative("annual_completed", p.annual_completed, pr);
  if (p.land_mu && (!std::isfinite(*p.land_mu) || *p.land_mu < 0))
    pr.Add("land_mu", std::to_string(*p.land_mu), "must not be negative");
  if (p.longitude && (*p.longitude < -180 || *p.longitude > 180))
    pr.Add("longitude", std::to_string(*p.longitude), "must be within -180..180");
  if (p.latitude && (*p.latitude < -90 || *p.latitude > 90))
    pr.Add("latitude", std::to_string(*p.latitude), "must be within -90..90");
  CheckDates(p, today, pr);
  return pr;
}

nlohmann::json ToJson(const Project& p) {
  nlohmann::json j;
  j["id"] = p.id;
  for (const auto& f : Fields()) j[f.name] = FieldToJson(p, f.member);
  j["archived"] = p.archived;
  j["version"] = p.version;
  j["created_at"] = p.created_at;
  j["updated_at"] = p.updated_at;
  return j;
}

namespace {
// Appends one field's value as JSON; returns false (appending nothing) when it is null.
bool AppendFieldValue(std::string& out, const Project& p, const Member& m) {
  return std::visit(
      [&](auto ptr) {
        const auto& v = p.*ptr;
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) json::AppendString(out, v);
        else if constexpr (std::is_same_v<T, int>) json::AppendInt(out, v);
        else if (!v) return false;
        else if constexpr (std::is_same_v<T, std::optional<std::string>>) json::AppendString(out, *v);
        else if constexpr (std::is_same_v<T, std::optional<int64_t>>) json::AppendInt(out, *v);
        else if constexpr (std::is_same_v<T, std::optional<double>>) json::AppendDouble(out, *v);
        else json::AppendString(out, v->ToString());
        return true;
      },
      m);
}
}  // namespace

std::string CreationChangesText(const Project& p) {
  std::string out = "[";
  std::string value;
  for (const auto& f : Fields()) {
    value.clear();
    if (!AppendFieldValue(value, p, f.member)) continue;
    if (out.size() > 1) out += ',';
    out += "{\"field\":";
    json::AppendString(out, f.name);
    out += ",\"new\":" + value + ",\"old\":null}";
  }
  out += std::string(out.size() > 1 ? "," : "") +
         "{\"field\":\"archived\",\"new\":" + (p.archived ? "true" : "false") + ",\"old\":null}]";
  return out;
}

void AppendJsonMembers(std::string& out, const Project& p, bool& first) {
  json::AppendKey(out, "id", first);
  json::AppendInt(out, p.id);
  for (const auto& f : Fields()) {
    json::AppendKey(out, f.name, first);
    if (!AppendFieldValue(out, p, f.member)) out += "null";
  }
  json::AppendKey(out, "archived", first);
  out += p.archived ? "true" : "false";
  json::AppendKey(out, "version", first);
  json::AppendInt(out, p.version);
  json::AppendKey(out, "created_at", first);
  json::AppendString(out, p.created_at);
  json::AppendKey(out, "updated_at", first);
  json::AppendString(out, p.updated_at);
}

const std::vector<std::string>& EditableFields() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> v;
    for (const auto& f : Fields()) v.emplace_back(f.name);
    return v;
  }();
  return kNames;
}

Status ApplyPatch(Project& p, const nlohmann::json& patch) {
  if (!patch.is_object()) return Error::BadRequest("the body must be a JSON object");
  Problems pr;
  Project copy = p;
  for (const auto& [key, value] : patch.items()) {
    if (key == "version") continue;
    auto it = std::find_if(Fields().begin(), Fields().end(),
                           [&key = key](const FieldDef& f) { return key == f.name; });
    if (it == Fields().end()) {
      pr.Add(key, Show(value), "unknown field");
      continue;
    }
    FieldFromJson(copy, *it, value, pr);
  }
  if (!pr.empty()) {
    Error e = pr.ToError("the request has fields that cannot be applied");
    e.code = ErrorCode::kBadRequest;
    return e;
  }
  p = std::move(copy);
  return Ok{};
}

std::vector<FieldChange> Diff(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<FieldChange> out;
  for (const auto& f : Fields()) {
    const auto& a = before.contains(f.name) ? before.at(f.name) : nlohmann::json(nullptr);
    const auto& b = after.contains(f.name) ? after.at(f.name) : nlohmann::json(nullptr);
    if (a != b) out.push_back({f.name, a, b});
  }
  for (const char* extra : {"archived"}) {
    const auto& a = before.contains(extra) ? before.at(extra) : nlohmann::json(nullptr);
    const auto& b = after.contains(extra) ? after.at(extra) : nlohmann::json(nullptr);
    if (a != b) out.push_back({extra, a, b});
  }
  return out;
}

nlohmann::json ChangesToJson(const std::vector<FieldChange>& changes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : changes)
    out.push_back({{"field", c.field}, {"old", c.old_value}, {"new", c.new_value}});
  return out;
}

nlohmann::json CreationChanges(const Project& p) {
  return ChangesToJson(Diff(nlohmann::json::object(), ToJson(p)));
}

}  // namespace gj::ledger
