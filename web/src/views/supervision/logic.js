// Pure helpers of the supervision screens (tested with vitest).
import { parseWan, yuanToWanInput, isoWeekKey } from '../../format.js'
import { STATUS_TYPES, statusType } from '../../status.js'

export const SOURCES = ['central_budget', 'special_bonds', 'local_fiscal', 'enterprise', 'bank_loan', 'other']

/** A report from the API → the form's 万元 text fields. */
export function reportToForm(r) {
  const form = {
    investment_period: yuanToWanInput(r.investment_period),
    investment_year: yuanToWanInput(r.investment_year),
    workers: r.workers ?? 0,
    visual_progress: r.visual_progress || '',
    problems_raised: r.problems_raised || '',
    by_source: {},
  }
  for (const s of SOURCES) form.by_source[s] = yuanToWanInput((r.by_source || {})[s] || 0)
  return form
}

/**
 * The form → the PATCH body in yuan, or { errors } naming every bad field.
 * The sources, when given, must add up to the period's investment (the server
 * checks it too; saying it here saves a round trip).
 */
export function formToBody(form, version, submit) {
  const errors = {}
  const money = (key, text) => {
    const v = parseWan(text)
    if (v === null) return 0
    if (Number.isNaN(v) || v < 0) {
      errors[key] = 'invalid'
      return 0
    }
    return v
  }
  const body = {
    version,
    submit: !!submit,
    investment_period: money('investment_period', form.investment_period),
    investment_year: money('investment_year', form.investment_year),
    workers: Number.parseInt(form.workers, 10) || 0,
    visual_progress: form.visual_progress || '',
    problems_raised: form.problems_raised || '',
    by_source: {},
  }
  let sum = 0
  for (const s of SOURCES) {
    body.by_source[s] = money('by_source.' + s, form.by_source[s])
    sum += body.by_source[s]
  }
  if (sum !== 0 && sum !== body.investment_period) errors.by_source = 'sum'
  if (body.investment_year < body.investment_period) errors.investment_year = 'below_period'
  return Object.keys(errors).length ? { errors } : { body }
}

/** Progress of a target towards its threshold, 0–100 (for a progress bar). */
export function targetProgress(t) {
  if (!t || !t.threshold) return t && t.value > 0 ? 100 : 0
  const ascending = t.comparator === '>=' || t.comparator === '>'
  if (!ascending) return t.value <= t.threshold ? 100 : Math.max(0, Math.round((t.threshold / t.value) * 100))
  return Math.min(100, Math.max(0, Math.round((t.value / t.threshold) * 100)))
}

/** A target's value as text: rates as percentages, counts as integers, sums in 万元. */
export function targetValueText(t, v, formatWan) {
  if (v === null || v === undefined) return '—'
  if (t.metric === 'start_rate' || t.metric === 'investment_rate') return `${(v * 100).toFixed(1)}%`
  if (t.metric === 'sum_amount') return formatWan(v)
  return String(Math.round(v))
}

/** Element Plus tag type of a light or a target status. */
export function tagType(x) {
  return STATUS_TYPES.light[x] || statusType('target', x)
}

/** ISO week key "2026-W23" of a yyyy-mm-dd date (the one helper: format.js). */
export { isoWeekKey }

export { queryText, initialRegion } from '../../query.js'
