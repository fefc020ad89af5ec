// The overview (总览).
// en; ../zh-CN/overview.js has the same keys. Merged in ../../messages.js.
export default {
  'overview.title': 'Overview',
  'overview.region': 'Region',
  'overview.project_count': 'Projects',
  'overview.rate': 'Completion {rate}',
  'overview.by_stage': 'By stage',
  'overview.by_category': 'By category',
  'overview.by_town': 'By town',
  'overview.by_county': 'By county',
  'overview.count_series': 'Projects',
  'overview.investment_series': 'Investment (10k yuan)',
}
