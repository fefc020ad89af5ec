#include "service/enterprises/enterprise_export.h"

#include <map>
#include <sstream>

#include "io/list_exports.h"

namespace gj::service {

namespace {

using io::ListCell;

// The registry's tags in the words of the list page (web locales ent.tag.*).
const std::map<std::string, std::string> kTagLabels = {{"backbone", "骨干企业"},
                                                       {"chain_leader", "链主企业"},
                                                       {"hi_tech", "高新技术企业"},
                                                       {"specialised", "专精特新"},
                                                       {"foreign", "外资企业"}};

std::string TagsText(const std::string& joined) {
  std::string out, tag;
  std::istringstream in(joined);
  while (std::getline(in, tag, ',')) {
    if (tag.empty()) continue;
    auto it = kTagLabels.find(tag);
    if (!out.empty()) out += "、";
    out += it == kTagLabels.end() ? tag : it->second;
  }
  return out;
}

std::vector<ListCell> Row(const EnterpriseView& v) {
  const auto& e = v.record;
  std::string klass = v.land && !v.land->klass.empty() ? v.land->klass : "";
  return {ListCell::Text(e.name),
          ListCell::Text(e.credit_code),
          ListCell::Text(v.county_name),
          ListCell::Text(e.town),
          ListCell::Text(e.industry_code),
          ListCell::Text(e.above_scale ? "是" : "否"),
          ListCell::Text(TagsText(e.tags)),
          ListCell::Text(klass),
          v.land ? ListCell::Number(std::optional<int64_t>(v.land->year)) : ListCell{},
          ListCell::Text(e.address),
          ListCell::Text(e.contact),
          ListCell::Text(e.phone)};
}

}  // namespace

Result<NamedFile> ExportEnterprises(EnterpriseService& svc, const Ctx& ctx, EnterpriseQuery q,
                                    const Date& as_of) {
  io::ListSheet sheet{"企业库",
                      {{"企业名称", 34},
                       {"统一社会信用代码", 22},
                       {"县（市、区）", 12},
                       {"镇街", 14},
                       {"行业代码", 10},
                       {"规模以上", 9},
                       {"标签", 20},
                       {"亩产效益等级", 12},
                       {"评价年度", 10},
                       {"地址", 30},
                       {"联系人", 10},
                       {"联系电话", 16}},
                      {},
                      true};
  // Page through the list as the page does (the store's own bound on a page), one lease at a time.
  q.offset = 0;
  q.limit = 200;
  for (;;) {
    auto page = svc.List(ctx, q);
    if (!page) return page.error();
    if (page->total_count > kEnterpriseExportMaxRows)
      return Error{ErrorCode::kPayloadTooLarge,
                   "导出行数过多：企业库至多导出 200000 家企业，请按镇街或标签筛选后导出",
                   {{"limit", std::to_string(page->total_count), "more than 200000 rows"}},
                   {}};
    for (const auto& v : page->items) sheet.rows.push_back(Row(v));
    q.offset += static_cast<int64_t>(page->items.size());
    if (page->items.empty() || q.offset >= page->total_count) break;
  }
  return NamedFile{io::ListXlsx({sheet}), "企业库-" + as_of.ToString() + ".xlsx"};
}

}  // namespace gj::service
