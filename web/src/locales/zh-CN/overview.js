// The overview (总览).
// zh-CN (the fallback); ../en/overview.js has the same keys. Merged in ../../messages.js.
export default {
  'overview.title': '重点项目总览',
  'overview.region': '区域',
  'overview.project_count': '项目总数',
  'overview.rate': '完成率 {rate}',
  'overview.by_stage': '按项目阶段',
  'overview.by_category': '按项目类别',
  'overview.by_town': '按镇(街道)',
  'overview.by_county': '按县(市、区)',
  'overview.count_series': '项目数(个)',
  'overview.investment_series': '总投资(万元)',
}
