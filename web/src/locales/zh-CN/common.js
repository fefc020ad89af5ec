// Labels of the shared pieces (composables, components): the conflict dialog, periods.
export default {
  'conflict.any_title': '已被他人修改',
  'conflict.any_text': '该记录已被他人修改：您编辑期间，其他人保存了新的版本。加载最新版本会放弃您的修改。',
  'print.print': '打印',

  // Periods in words (format.js formatPeriod) and the period picker (components/PeriodPicker.vue).
  'period.week': '{year}年第{n}周',
  'period.month': '{year}年{n}月',
  'period.quarter': '{year}年第{n}季度',
  'period.year': '{year}年',
  'period.current': '本期',
  'period.previous': '上一期',
}
