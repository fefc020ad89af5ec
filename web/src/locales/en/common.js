// Labels of the shared pieces (composables, components): the conflict dialog, periods.
export default {
  'conflict.any_title': 'Changed by someone else',
  'conflict.any_text':
    'Someone else saved a newer version while you were editing. Loading the latest version discards your edits.',
  'print.print': 'Print',

  // Periods in words (format.js formatPeriod) and the period picker (components/PeriodPicker.vue).
  'period.week': 'Week {n}, {year}',
  'period.month': 'Month {n}, {year}',
  'period.quarter': 'Q{n} {year}',
  'period.year': '{year}',
  'period.current': 'This period',
  'period.previous': 'Previous period',
}
