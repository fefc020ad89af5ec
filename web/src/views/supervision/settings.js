// Pure helpers of the supervision settings and target forms (tested with vitest): the API's
// light rules ⇄ the form (shares shown as percentages), and a target ⇄ its form (rates in %,
// sums in 万元, exact integer yuan on the wire).
import { parseWan, yuanToWanInput } from '../../format.js'

export const PRESETS = ['default', 'sanya', 'wuhan']
export const LIGHTS = ['green', 'yellow', 'red']
/** What a report due date on a rest day becomes (the server's kRestDayRules). */
export const REST_DAY_RULES = ['next_workday', 'previous_workday', 'keep']
export const RULE_FIELDS = [
  'start_red_months',
  'lag_mode',
  'lag_yellow_points',
  'lag_red_points',
  'share_yellow',
  'share_red',
  'problem_red_days',
  'missing_reports_yellow',
  'stopped_light',
  'blocking_procedure_light',
]
const SHARES = ['share_yellow', 'share_red']

/** 0.575 → 57.5 (a share shown as a percentage, without float noise). */
export function shareToPercent(v) {
  return Math.round(Number(v) * 1000000) / 10000
}
/** 57.5 → 0.575. */
export function percentToShare(v) {
  return Math.round(Number(v) * 10000) / 1000000
}

/** The API's light_rules → the form's values. */
export function rulesToForm(rules) {
  const r = rules || {}
  const form = { preset: r.preset || 'default' }
  for (const k of RULE_FIELDS) form[k] = SHARES.includes(k) ? shareToPercent(r[k] ?? 0) : r[k]
  return form
}

/**
 * The form → the light_rules body. With the same preset every value is sent (they are the stored
 * overrides); after switching the preset only the values changed in the form are sent, so the
 * rest take the new preset's values on the server.
 */
export function formToRules(form, loaded) {
  const before = rulesToForm(loaded)
  const body = { preset: form.preset }
  const switched = form.preset !== before.preset
  for (const k of RULE_FIELDS) {
    if (switched && form[k] === before[k]) continue
    body[k] = SHARES.includes(k) ? percentToShare(form[k]) : form[k]
  }
  return body
}

/** Field names of the settings' 422 details as the form names them. */
export function settingsFieldOf(field) {
  return field.replace(/^light_rules\./, '')
}

// ---- targets (时间表)

// The dialog's metrics: the project ones and the funds ones (到位资金 yuan, 外资 USD); a composite
// goal (parts) is defined through the API and shown on its own page (views/targets).
export const METRICS = ['start_rate', 'count_stage', 'investment_rate', 'sum_amount', 'funds_in_place', 'funds_in_place_usd']
export const COMPARATORS = ['>=', '>', '<=', '<', '==']
export const AMOUNTS = ['total_investment', 'annual_plan', 'annual_completed']
export const STAGES = ['planned', 'reserve', 'signed', 'started', 'completed', 'operating']

export const isRate = (metric) => metric === 'start_rate' || metric === 'investment_rate'

/** How the threshold is typed for a metric: percent, count, 万元 or 万美元 (wan_usd). */
export function thresholdUnit(metric) {
  if (metric === 'funds_in_place_usd') return 'wan_usd'
  return isRate(metric) ? 'percent' : metric === 'sum_amount' || metric === 'funds_in_place' ? 'wan' : 'count'
}

export function blankTarget(region, deadline) {
  return {
    name: '',
    region: region || '',
    metric: 'start_rate',
    stage: 'started',
    amount: 'annual_completed',
    comparator: '>=',
    threshold: '',
    deadline: deadline || '',
    categories: [],
    track: '',
    kind: '',
    level: '',
  }
}

function thresholdText(metric, v) {
  if (v === null || v === undefined || v === '') return ''
  const unit = thresholdUnit(metric)
  if (unit === 'percent') return String(shareToPercent(v))
  if (unit === 'wan' || unit === 'wan_usd') return yuanToWanInput(v)
  return String(v)
}

/** A target from the API → the form. */
export function targetToForm(t) {
  return {
    ...blankTarget(t.region, t.deadline),
    name: t.name || '',
    metric: t.metric,
    stage: t.stage || 'started',
    amount: t.amount || 'annual_completed',
    comparator: t.comparator || '>=',
    threshold: thresholdText(t.metric, t.threshold),
    categories: [...(t.categories || [])],
    track: t.track || '',
    kind: t.kind || '',
    level: t.level || '',
  }
}

/** The form → the POST/PATCH body, or { errors } naming each bad field (message keys). */
export function formToTarget(form) {
  const errors = {}
  if (!String(form.name || '').trim()) errors.name = 'target.err.required'
  if (!form.region) errors.region = 'target.err.required'
  if (!form.deadline) errors.deadline = 'target.err.required'
  let threshold = null
  const unit = thresholdUnit(form.metric)
  const text = String(form.threshold ?? '').trim()
  if (text === '') errors.threshold = 'target.err.required'
  else if (unit === 'wan' || unit === 'wan_usd') {
    threshold = parseWan(text)
    if (threshold === null || Number.isNaN(threshold) || threshold < 0) errors.threshold = 'target.err.wan'
  } else {
    const n = Number(text)
    if (!Number.isFinite(n) || n < 0) errors.threshold = 'target.err.number'
    else threshold = unit === 'percent' ? percentToShare(n) : n
  }
  if (Object.keys(errors).length) return { errors }
  return {
    body: {
      name: String(form.name).trim(),
      region: form.region,
      metric: form.metric,
      stage: form.metric === 'count_stage' ? form.stage : '',
      amount: form.metric === 'sum_amount' ? form.amount : '',
      comparator: form.comparator,
      threshold,
      deadline: form.deadline,
      categories: [...(form.categories || [])],
      track: form.track || '',
      kind: form.kind || '',
      level: form.level || '',
    },
  }
}

// ---- the server's validation reasons (English) → message keys, so Chinese users read Chinese

const REASONS = [
  [/^must be a number from ([\d.]+) to ([\d.]+)$/, 'reason.range'],
  [/^must be (\d+)–(\d+)$/, 'reason.range'],
  [/^1 to 28$/, 'reason.due_day'],
  [/^1 \(Monday\) to 7 \(Sunday\)$/, 'reason.weekday'],
  [/^must not be below lag_yellow_points$/, 'reason.red_below_yellow'],
  [/^must not be above share_yellow$/, 'reason.red_above_yellow'],
  [/^(unknown preset|unknown mode|unknown frequency|not a light|unknown rule for a due date on a rest day)$/, 'reason.unknown_value'],
  [/^must be a list of dates/, 'reason.date_list'],
  [/^not a date \(/, 'reason.not_a_date'],
  [/^at most (?<n>\d+) dates$/, 'reason.at_most_dates'],
  [/^(?<d>\d{4}-\d{2}-\d{2}): a make-up working day is a Saturday or a Sunday$/, 'reason.workday_weekend'],
  [/^(?<d>\d{4}-\d{2}-\d{2}): listed as a holiday too$/, 'reason.workday_holiday'],
  [/^must be at least 1 day overdue$/, 'reason.at_least_one_day'],
  [/^must be greater than the previous step's$/, 'reason.after_previous'],
  [/^at least one step is required$/, 'reason.one_step'],
  [/^must be at least 1$/, 'reason.at_least_one'],
  [/^required/, 'reason.required'],
  [/^must be an http\(s\) URL/, 'reason.tile_url'],
  [/^lower-case letters, digits and _ only$/, 'reason.code'],
]

/**
 * { key, params } for a reason the UI can say in its own words, or null (show the server's).
 * Shares are typed in percent, so their range is given in percent too.
 */
export function reasonKey(field, reason) {
  for (const [re, key] of REASONS) {
    const m = re.exec(reason || '')
    if (!m) continue
    if (key !== 'reason.range') return { key, params: { ...(m.groups || {}) } }
    const share = SHARES.includes(settingsFieldOf(field || ''))
    const n = (x) => String(share ? shareToPercent(x) : Number(x))
    return { key, params: { min: n(m[1]), max: n(m[2]) } }
  }
  return null
}
