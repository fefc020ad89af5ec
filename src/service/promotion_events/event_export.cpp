#include "service/promotion_events/event_export.h"

#include <map>

#include <nlohmann/json.hpp>

#include "io/list_exports.h"

namespace gj::service {

namespace {

using io::ListCell;

// The kinds in the words of the page (web locales events.kind.*).
const std::map<std::string, std::string> kKindLabels = {{"industry_topic", "产业专题"},
                                                        {"small_group", "小团组"},
                                                        {"expo", "展会"},
                                                        {"business_referral", "以商招商"}};

// companies_met is stored as JSON [{"name", "credit_code"}]: the names, joined with 、.
std::string CompaniesText(const std::string& stored) {
  const auto j = nlohmann::json::parse(stored, nullptr, false);
  if (!j.is_array()) return "";
  std::string out;
  for (const auto& c : j) {
    if (!c.is_object() || !c.contains("name") || !c["name"].is_string()) continue;
    if (!out.empty()) out += "、";
    out += c["name"].get<std::string>();
  }
  return out;
}

std::vector<ListCell> Row(const store::PromotionEventRow& e) {
  auto kind = kKindLabels.find(e.kind);
  return {ListCell::DateOf(e.held_on),
          ListCell::Text(e.leader_name),
          ListCell::Text(e.team_name),
          ListCell::Text(kind == kKindLabels.end() ? e.kind : kind->second),
          ListCell::Text(e.destination_city),
          ListCell::Text(CompaniesText(e.companies_met)),
          ListCell::Number(std::optional<int64_t>(static_cast<int64_t>(e.lead_ids.size()))),
          ListCell::Text(e.note),
          ListCell::Text(e.archived ? "已归档" : "")};
}

}  // namespace

Result<NamedFile> ExportEvents(EventService& svc, const Ctx& ctx, const PromotionEventQuery& q) {
  auto list = svc.List(ctx, q);
  if (!list) return list.error();
  io::ListSheet sheet{"招商活动",
                      {{"活动日期", 12},
                       {"带队领导", 10},
                       {"专班", 14},
                       {"活动类型", 10},
                       {"目的地", 12},
                       {"洽谈企业", 36},
                       {"形成线索(条)", 12},
                       {"备注", 30},
                       {"状态", 8}},
                      {},
                      true};
  for (const auto& e : list->items) sheet.rows.push_back(Row(e));
  return NamedFile{io::ListXlsx({sheet}), "招商活动-" + q.from.ToString() + "至" + q.to.ToString() + ".xlsx"};
}

}  // namespace gj::service
