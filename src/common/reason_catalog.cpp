#include "common/reason_catalog.h"

#include <algorithm>
#include <regex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gj {

namespace {

// Rule code → the reasons that mean it. A `<name>` stands for a figure or a name the call site
// writes in (it is reported as params[name]; a name ending in _yuan is an amount in yuan).
// Reasons of the form "rule <code>: …" need no entry unless they carry a figure.
struct Entry {
  const char* rule;
  const char* text;
};

constexpr Entry kCatalog[] = {
    // ---- presence ----------------------------------------------------------------------------
    {"required", "required"},
    {"required", "is required"},
    {"required", "必填 (required)"},
    {"required", "is required (a string)"},
    {"required", "is required and must be an array"},
    {"required", "is required for mode \"fixed\""},
    {"required", "required boolean"},
    {"required", "required integer"},
    {"required", "required number"},
    {"required", "required when returning"},
    {"required", "missing figure"},
    {"required", "must not be empty"},
    {"required", "a group is a non-empty name"},
    {"required", "required date YYYY-MM-DD"},
    {"required_max", "required, at most <max> characters"},
    {"required_max", "必填，最多 <max> 个字符 (required, at most <max2> characters)"},
    {"not_linked_to_leader", "required (your account is not linked to a leader)"},
    {"person_or_unit", "required: {\"person_id\"} or {\"unit_id\"}"},
    {"person_or_unit", "exactly one of person_id and unit_id"},
    {"unknown_field", "unknown field"},
    {"unknown_field", "unknown key"},
    // ---- type and shape ------------------------------------------------------------------------
    {"not_text", "must be a string"},
    {"not_text", "must be a string or null"},
    {"not_text", "must be text"},
    {"not_integer", "must be an integer"},
    {"not_integer", "must be an integer or null"},
    {"not_number", "must be a number"},
    {"not_number", "must be a number or null"},
    {"not_number", "must be a finite number"},
    {"not_number", "not a number"},
    {"not_boolean", "must be true or false"},
    {"not_boolean", "not a yes/no value (是/否, Y/N, true/false, 1/0)"},
    {"not_amount", "must be an integer amount in yuan"},
    {"not_amount", "must be integer amounts in yuan"},
    {"not_amount", "must be a non-negative integer (yuan)"},
    {"not_amount", "not an amount in 万元 (e.g. 1234.56)"},
    {"not_id", "must be an id (integer ≥ 1)"},
    {"bad_shape", "must be a JSON object"},
    {"bad_shape", "must be an object"},
    {"bad_shape", "must be an array"},
    {"bad_shape", "must be an array of steps"},
    {"bad_shape", "must be an array of category codes"},
    {"bad_shape", "must be an array of strings"},
    {"bad_shape", "must be an object of source → yuan"},
    {"bad_shape", "an object county → score"},
    {"bad_shape", "must be {group, project_id}"},
    {"bad_shape", "a non-empty list of {name, weight}"},
    {"bad_shape", "needs code and label_zh strings"},
    {"bad_shape", "must be an object {\"A\":…,\"B\":…,\"C\":…}"},
    {"bad_shape", "must be an object {\"A\":…,\"D\":…}"},
    {"bad_shape", "must be an object {\"indicators\": […]}"},
    {"bad_shape", "must be an object {\"mode\": …}"},
    {"bad_shape", "must be an industry code prefix (string)"},
    {"bad_json", "must be JSON (<detail>)"},
    // the bounds of JSON read from outside (common/json_limits.h)
    {"json_too_large", "JSON larger than <max> bytes"},
    {"json_too_deep", "JSON nested deeper than <max> levels"},
    {"json_too_many", "JSON with more than <max> values"},
    {"json_string_too_long", "a JSON string longer than <max> bytes"},
    {"twelve_months", "twelve amounts in yuan"},
    {"twelve_months", "twelve monthly amounts in yuan, January first"},
    // ---- dates and periods ---------------------------------------------------------------------
    {"date_format", "must be a date YYYY-MM-DD"},
    {"date_format", "must be a date YYYY-MM-DD or null"},
    {"date_format", "a date YYYY-MM-DD"},
    {"date_format", "a date like 2026-06-30"},
    {"date_format", "must be YYYY-MM-DD"},
    {"date_format", "not a date (2026-10-01)"},
    {"date_format", "not a date (2026-03-15, 2026/3/15 or an Excel date)"},
    {"date_format", "must be a list of dates (2026-10-01)"},
    {"period_format", "2026-W23 (week) or 2026-06 (month)"},
    {"period_format", "like 2026-03 (month), 2026-Q1 (quarter) or 2026 (year)"},
    {"year", "a year such as 2026"},
    {"date_window", "must be a date from <min> to <max>"},
    {"range_too_long", "must be within <max> days of <field> <from>"},
    {"date_in_future", "an actual date cannot be in the future (today is <today>)"},
    {"before_start", "before start_date"},
    {"before_start", "must not be before from"},
    {"before_start", "before the actual start <date>"},
    {"before_start", "before the planned start <date>"},
    {"before_start", "must not be before from_date <date>"},
    {"completed_before_started", "a project cannot be completed before it has started (no actual start)"},
    {"stage_needs_start", "stage '<stage>' needs the actual start date (开工日期)"},
    {"stage_needs_completion", "stage '<stage>' needs the actual completion date (竣工日期)"},
    {"stage.back_before_start", "stage.back_before_start"},
    {"stage.back_before_completion", "stage.back_before_completion"},
    {"too_many_dates", "at most <max> dates"},
    {"too_many_items", "at most <max> items"},
    {"holiday_twice", "<day>: listed as a holiday too"},
    {"makeup_day_weekend", "<day>: a make-up working day is a Saturday or a Sunday"},
    // ---- numbers ---------------------------------------------------------------------------------
    {"negative", "must not be negative"},
    {"negative", "must be ≥ 0"},
    {"negative", "must be a number ≥ 0"},
    {"negative", "not a number ≥ 0"},
    {"negative", "step must be ≥ 0"},
    {"negative", "a number ≥ 0 is required for every subject"},
    {"not_positive", "must be > 0"},
    {"not_positive", "must be a number > 0"},
    {"not_positive", "weight must be positive"},
    {"at_least_one", "must be ≥ 1"},
    {"at_least_one", "must be at least 1"},
    {"at_least_one_day", "must be at least 1 day overdue"},
    {"negative", "must be >= 0"},
    {"greater_than", "must be > <min>"},
    {"min", "must be >= <min>"},
    {"range", "must be a number from <min> to <max>"},
    {"range", "must be an integer from <min> to <max>"},
    {"range", "must be between <min> and <max>"},
    {"range", "must be within <min>..<max>"},
    {"range", "must be a number within <min>..<max>"},
    {"range", "rating must be within <min>..<max>"},
    {"range", "must be <min>–<max>"},
    {"min", "must be an integer ≥ <min>"},
    {"max", "must be an integer ≤ <max>"},
    {"share", "a rate is a share, e.g. 0.6 for 60 %"},
    {"shares_sum", "shares of A, B and C must sum to at most 100"},
    {"weights", "weights ≥ 0, not both 0"},
    {"steps_order", "must be greater than the previous step's"},
    {"light_thresholds", "yellow_below ≥ 0, red_after ≥ 1"},
    {"lag_order", "must not be below lag_yellow_points"},
    {"share_order", "must not be above share_yellow"},
    {"below_previous_cumulative", "below the cumulative figure of the previous report (<previous_yuan>)"},
    {"year_below_period", "the year's cumulative figure cannot be below the period's"},
    {"sources_sum", "the sources must add up to investment_period (<total_yuan>)"},
    {"monthly_plan.sums_to_annual_plan",
     "rule monthly_plan.sums_to_annual_plan: the months add up to <sum_yuan> yuan, the annual plan is <plan_yuan>"},
    {"sum_amount_needs_amount", "sum_amount needs an amount"},
    {"count_stage_needs_stage", "count_stage needs a lifecycle stage"},
    // ---- text ----------------------------------------------------------------------------------
    {"too_long", "longer than <bytes> bytes"},
    {"too_long", "at most <bytes> bytes"},
    {"too_long", "过长 (at most <max> characters)"},
    {"code_format", "lower-case letters, digits and _ only"},
    {"region_code_format", "2–32 位数字或字母 (2 to 32 digits or letters)"},
    {"login_format", "只能用字母、数字和 _ . - (only letters, digits, '_', '.', '-')"},
    {"phone_format", "电话号码格式有误 (digits, + and - only)"},
    {"url_format", "must be an http(s) URL with {z}/{x}/{y}"},
    // ---- lists ---------------------------------------------------------------------------------
    {"listed_twice", "listed twice"},
    {"listed_twice", "subject listed twice"},
    {"listed_twice", "nominated twice"},
    {"listed_twice", "duplicate code"},
    {"listed_twice", "duplicate metric id"},
    {"listed_twice", "indicator appears twice in the group"},
    {"listed_twice", "duplicate: already used in row <row>"},
    {"listed_twice", "duplicate credit code (first in row <row>)"},
    {"column_twice", "the column appears twice"},
    {"column_twice", "the column <column> appears twice"},
    {"column_twice", "该列出现两次 (the column appears twice)"},
    {"column_missing", "required column missing from the header"},
    {"column_missing", "required column missing (<column> or <label>)"},
    {"column_missing", "表头缺少必填列 (required column missing from the header)"},
    {"sheet_empty", "the sheet is empty: the first row must be the header"},
    {"sheet_empty", "工作表为空：第一行须为表头 (the sheet is empty: the first row must be the header)"},
    {"too_many_rows", "每个工作表至多 <max> 行 (at most <max2> rows per sheet)"},
    {"roster_sheets", "须有“单位”或“人员”工作表 (needs a sheet 单位 or 人员)"},
    {"at_least_one_item", "a dictionary needs at least one entry"},
    {"at_least_one_item", "at least one step is required"},
    {"at_least_one_item", "at least one metric"},
    {"at_least_one_item", "a scheme needs at least one metric"},
    {"at_least_one_group", "at least one group (e.g. 县市区组)"},
    {"at_least_one_group", "an event needs at least one group"},
    {"at_least_one_judge", "at least one judge"},
    {"at_least_one_judge", "an event needs at least one judge"},
    {"at_least_one_grant", "至少一项授权 (at least one role grant)"},
    // ---- choices -------------------------------------------------------------------------------
    {"not_allowed_value", "must be one of <allowed>"},
    {"not_allowed_value", "not one of: <allowed>"},
    {"not_allowed_value", "not one of the allowed values"},
    {"not_allowed_value", "不是可选值之一 (not one of the allowed values)"},
    {"not_allowed_value", "不是可选值之一 (<allowed>)"},
    {"not_allowed_value", "不是已知角色 (not a role)"},
    {"not_allowed_value", "unknown preset"},
    {"not_allowed_value", "unknown mode"},
    {"not_allowed_value", "unknown comparator"},
    {"not_allowed_value", "unknown source"},
    {"not_allowed_value", "unknown metric"},
    {"not_allowed_value", "unknown criterion"},
    {"not_allowed_value", "unknown frequency"},
    {"not_allowed_value", "unknown rule for a due date on a rest day"},
    {"not_allowed_value", "unknown indicator id"},
    {"not_allowed_value", "not a light"},
    {"not_allowed_value", "not a metric kind"},
    {"not_allowed_value", "not a problem category"},
    {"not_allowed_value", "not a procedure status"},
    {"not_allowed_value", "not a code of the kind dictionary"},
    {"not_allowed_value", "not a data action"},
    {"not_allowed_value", "not a step of the problem workflow"},
    {"not_allowed_value", "not a sortable column"},
    {"not_allowed_value", "must be A, B, C or D"},
    {"not_allowed_value", "must be city or county"},
    {"not_allowed_value", "must be csv or xlsx"},
    {"not_allowed_value", "must be xlsx or csv"},
    {"not_allowed_value", "pdf or xlsx"},
    {"not_allowed_value", "must be month, quarter or year"},
    {"not_allowed_value", "must be rank_only or with_scores"},
    {"not_allowed_value", "must be ratio or rank"},
    {"not_allowed_value", "must be sheet or ballot"},
    {"not_allowed_value", "must be town, department, chain or county"},
    {"not_allowed_value", "counties are ranked by a scheme of their city"},
    {"not_allowed_value", "a chain metric ranks chains only"},
    {"not_allowed_value", "must be upheld or rejected"},
    {"not_allowed_value", "must be \"aggregate\", \"mean\" or \"fixed\""},
    {"not_allowed_value", "stop (停工) or resume (复工)"},
    {"not_allowed_value", "unknown <what> in this county"},
    {"file_type", "not a PDF, PNG or JPEG file"},
    {"file_type", "must be a JPEG, PNG or WebP image"},
    // ---- references ------------------------------------------------------------------------------
    {"unknown_region", "unknown region"},
    {"unknown_region", "unknown region code"},
    {"unknown_region", "unknown county"},
    {"unknown_region", "未知区域 (unknown region)"},
    {"unknown_region", "未知区划代码 (unknown region code)"},
    {"unknown_region", "not a code of the national division codes"},
    {"unknown_region", "not a code of the national division codes (统计用区划代码)"},
    {"region_not_yours", "未知区域或无权管理 (unknown region, or not yours to manage)"},
    {"not_county", "not a county (县区) code"},
    {"not_county", "须为县（区）的区划代码 (must be a county's code)"},
    {"not_county", "a town is set up with its county: give the county's code"},
    {"not_county", "镇街或园区随其县区设置 (a town is set up with its county)"},
    {"not_town_of_county", "not a town (镇街) of county <county>"},
    {"not_region_of_county", "不是本县（区）的区域 (not a region of this county)"},
    {"town_parent", "镇街的上级须为县区 (a town's parent is a county)"},
    {"zone_parent", "园区的上级须为县区或市 (a zone's parent is a county or city)"},
    {"archive_level", "只能归档镇街和园区 (only towns and zones are archived)"},
    {"still_named", "仍被引用: <reference>"},
    {"unknown_unit", "unknown unit"},
    {"unknown_unit", "未知单位 (unknown unit)"},
    {"unknown_unit", "该区划下无此单位 (no such unit in this region)"},
    {"unit_archived", "the unit is archived"},
    {"unknown_person", "unknown person"},
    {"unknown_person", "未知人员 (unknown person)"},
    {"unknown_person", "未知人员 (unknown person id)"},
    {"person_archived", "the person is archived"},
    {"person_archived", "该人员已归档 (the person is archived)"},
    {"holder_format", "person:ID or unit:ID"},
    {"unknown_project", "未知项目 (unknown project)"},
    {"unknown_project", "not a project id"},
    {"unknown_project", "no such project in <region>"},
    {"not_in_region", "not a <kind> of this region"},
    {"not_carried_over", "not a project that carries over to <year>"},
    {"not_other_milestone", "not another milestone of this project"},
    {"enterprise_other_county", "the enterprise belongs to county <county>"},
    {"not_evaluated", "not evaluated in this run"},
    {"no_data", "no data imported"},
    {"unknown_group", "unknown group"},
    {"unknown_group", "not a group of the event"},
    {"no_nomination", "county has no nomination in this group"},
    {"no_nominations", "no county has nominated projects"},
    {"no_criteria", "no criteria configured"},
    {"criterion_not_rated", "criterion not rated"},
    {"county_not_ranked", "county not ranked"},
    {"not_judge", "not a user with the judge role"},
    // ---- who may do what -----------------------------------------------------------------------
    {"not_yours", "you may not edit projects there (outside your region or unit)"},
    {"not_yours", "this project exists and you may not change it"},
    {"not_yours", "you may not set up rankings there"},
    {"not_yours", "you may not set up events there"},
    {"not_yours", "holds no open assignment you manage"},
    {"fixed_after_create", "cannot change; create a new scheme"},
    {"fixed_after_create", "cannot change; set up a new event for another region"},
    {"assignment_ended", "the assignment has ended already"},
    {"same_holder", "must differ from the holder handing over"},
    {"unit_role_needs_unit", "单位角色须指定单位 (the unit role needs a unit)"},
    {"tier_only_helper", "只有红帮办/助企专员有级别 (only a helper has a tier)"},
    {"disable_self", "不能停用自己的账号 (you cannot disable your own account)"},
    {"ambiguous_name", "县内有多个同名<what>，无法确定更新哪一个 (ambiguous: several active records match)"},
    {"archived_restore", "该<what>已归档，请先在系统管理中恢复 (archived: restore it in 系统管理 first)"},
    {"ambiguous_region", "县内有多个同名区域，请填区划代码 (several regions have this name: give the code)"},
    {"listed_twice", "重复：与第 <row> 行相同 (repeated: same as row <row2>)"},
    {"listed_twice", "重复：与第 <row> 行的姓名和所属单位相同 (repeated: same name and unit as row <row2>)"},
    {"unknown_unit", "未知单位：须为本县（区）的单位或本表“单位”页中的单位 (unknown unit of this county)"},
    {"not_applicable", "does not apply to mode \"fixed\""},
    {"not_applicable", "only applies to mode \"fixed\""},
    {"login_taken", "登录名已存在 (already exists)"},
    // ---- passwords -----------------------------------------------------------------------------
    {"password_short", "密码至少 <min> 个字符 (at least <min2> characters)"},
    {"password_common", "密码过于常见，请换一个 (a common password, easily guessed)"},
    {"password_is_login", "密码不能与登录名相同 (must differ from the login)"},
    {"password_unchanged", "新密码不能与原密码相同 (must differ from the current password)"},
    {"password_wrong", "原密码不正确 (the current password is wrong)"},
    // ---- rules with figures --------------------------------------------------------------------
    {"assignment.handover_after_start",
     "rule assignment.handover_after_start: project <project> was assigned from <date>; the handover must be later"},
    {"assignment.no_overlap",
     "rule assignment.no_overlap: <holder> holds project <project> on or after that date"},
    {"assignment.no_overlap",
     "rule assignment.no_overlap: <holder> is assigned to the project on or after it"},
    {"milestone.after_predecessor",
     "rule milestone.after_predecessor: before the predecessor's actual date <date>"},
    {"milestone.after_predecessor",
     "rule milestone.after_predecessor: before the predecessor's planned date <date>"},
    {"procedure.approved_after_applied",
     "rule procedure.approved_after_applied: before the application date <date>"},
    {"visit.unit_assigned", "rule visit.unit_assigned: the unit was not assigned to the project on <date>"},
    {"visit.unit_member", "rule visit.unit_member: the visitor is not of unit <unit>"},
    {"attraction.step_forward", "rule attraction.step_forward: the next step is <step>"},
    {"attraction.step_date", "rule attraction.step_date: before the previous step's date <date>"},
    {"attraction.step_date", "rule attraction.step_date: after the next step's date <date>"},
    {"attraction.funds_before_signed",
     "rule attraction.funds_before_signed: before the signing month <month>"},
    {"month_format", "a month YYYY-MM"},
    {"attraction.project_needs_signed",
     "rule attraction.project_needs_signed: only a signed lead becomes a project"},
    {"attraction.project_linked", "rule attraction.project_linked: the lead has a project"},
    {"plausible.amount_above_bound",
     "rule plausible.amount_above_bound: above the bound of any amount, <max_yuan> yuan"},
};

struct Pattern {
  const char* rule;
  std::regex re;
  std::vector<std::string> names;
};

std::string Escaped(std::string_view s) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{}/)";
  std::string out;
  for (char c : s) {
    if (kSpecial.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

struct Compiled {
  std::unordered_map<std::string_view, const char*> exact;
  std::vector<Pattern> patterns;
};

const Compiled& Table() {
  static const Compiled kTable = [] {
    Compiled t;
    for (const auto& e : kCatalog) {
      std::string_view text = e.text;
      if (text.find('<') == std::string_view::npos) {
        t.exact.emplace(text, e.rule);
        continue;
      }
      std::string re;
      std::vector<std::string> names;
      size_t at = 0;
      while (at < text.size()) {
        const size_t open = text.find('<', at);
        const size_t close = open == std::string_view::npos ? open : text.find('>', open);
        if (close == std::string_view::npos) {
          re += Escaped(text.substr(at));
          break;
        }
        re += Escaped(text.substr(at, open - at));
        re += "([\\s\\S]+?)";
        names.emplace_back(text.substr(open + 1, close - open - 1));
        at = close + 1;
      }
      t.patterns.push_back({e.rule, std::regex(re), std::move(names)});
    }
    return t;
  }();
  return kTable;
}

}  // namespace

std::optional<ReasonRule> RuleOfReason(std::string_view reason) {
  const Compiled& t = Table();
  if (auto it = t.exact.find(reason); it != t.exact.end()) return ReasonRule{it->second, {}};
  const std::string text(reason);
  std::smatch m;
  for (const auto& p : t.patterns) {
    if (!std::regex_match(text, m, p.re)) continue;
    ReasonRule out{p.rule, {}};
    for (size_t i = 0; i < p.names.size(); ++i) {
      // "<min2>" repeats a figure already named (the Chinese and the English half of a reason).
      if (!p.names[i].empty() && p.names[i].back() == '2') continue;
      out.params[p.names[i]] = m[i + 1].str();
    }
    return out;
  }
  // "rule <code>: what went wrong" names its code.
  if (reason.rfind("rule ", 0) == 0) {
    const size_t colon = reason.find(':');
    if (colon != std::string_view::npos && colon > 5)
      return ReasonRule{std::string(reason.substr(5, colon - 5)), {}};
  }
  return std::nullopt;
}

std::vector<std::string> CatalogRules() {
  std::vector<std::string> out;
  for (const auto& e : kCatalog) {
    if (std::find(out.begin(), out.end(), e.rule) == out.end()) out.emplace_back(e.rule);
  }
  return out;
}

}  // namespace gj
