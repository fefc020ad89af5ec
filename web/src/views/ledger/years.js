// 年度: the logic of the year screens (ledger list year, 年度投资, 年度滚动, the overview's 同比),
// kept out of the components so it is tested on its own. Money is integer yuan; people type 万元.
import { parseWan } from '../../format.js'

/** The roll-over reasons the server gives, each with its label key "years.reason.<reason>". */
export const ROLLOVER_REASONS = ['unfinished', 'completed', 'archived', 'already_listed']

/**
 * The years a selector offers, newest first: from one year after the latest known year back to
 * three years before the earliest (known = the server's list year, today's year, the selected
 * one, a project's years …). Non-years are ignored; none known → [].
 */
export function yearOptions(...known) {
  const years = known.flat().map(Number).filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100)
  if (!years.length) return []
  const hi = Math.max(...years) + 1
  const lo = Math.min(...years) - 3
  const out = []
  for (let y = hi; y >= lo; y--) out.push(y)
  return out
}

/** The year of a list answer: its own `year`, else its first item's (null when neither says). */
export function listYear(res) {
  if (!res) return null
  if (Number.isInteger(res.year)) return res.year
  const first = (res.items || [])[0]
  return first && Number.isInteger(first.year) ? first.year : null
}

/**
 * Change from `previous` to `current` in percent with one decimal and its sign: 120 vs 100 →
 * "+20.0%", 90 vs 120 → "-25.0%", equal → "0.0%". '' when there is nothing to compare with
 * (previous missing or zero, either not a number).
 */
export function changePercent(current, previous) {
  const cur = Number(current)
  const prev = Number(previous)
  if (previous === null || previous === undefined || current === null || current === undefined) return ''
  if (!Number.isFinite(cur) || !Number.isFinite(prev) || prev === 0) return ''
  const pct = ((cur - prev) / Math.abs(prev)) * 100
  const text = Math.abs(pct).toFixed(1)
  if (text === '0.0') return '0.0%'
  return `${pct > 0 ? '+' : '-'}${text}%`
}

/** The figures the overview compares with last year, in card order. */
export const YOY_FIGURES = ['project_count', 'total_investment', 'annual_plan', 'annual_completed']

/**
 * The overview's 同比 rows: [{key, current, previous, change}] from an overview answer; [] when it
 * has no `previous` (no list last year).
 */
export function yoyRows(overview) {
  const prev = overview && overview.previous
  if (!prev) return []
  return YOY_FIGURES.map((key) => ({
    key,
    current: overview[key] ?? 0,
    previous: prev[key] ?? 0,
    change: changePercent(overview[key] ?? 0, prev[key] ?? 0),
  }))
}

/**
 * The roll-over request: {dry_run, region?, plans?} with next year's plans typed in 万元 per
 * project id turned into yuan (blank ones left out). A value that is not an amount is an error:
 * {body: null, errors: {project_id: 'invalid_money'}}.
 */
export function rolloverBody({ dryRun, region, plans = {} }) {
  const body = { dry_run: !!dryRun }
  if (region) body.region = region
  const out = {}
  const errors = {}
  for (const [id, text] of Object.entries(plans)) {
    const yuan = parseWan(text)
    if (yuan === null) continue
    if (Number.isNaN(yuan) || yuan < 0) errors[id] = 'invalid_money'
    else out[id] = yuan
  }
  if (Object.keys(errors).length) return { body: null, errors }
  if (Object.keys(out).length) body.plans = out
  return { body, errors: null }
}

/** Roll-over preview counts: {total, carried, by reason}. */
export function rolloverSummary(items) {
  const byReason = Object.fromEntries(ROLLOVER_REASONS.map((r) => [r, 0]))
  let carried = 0
  for (const it of items || []) {
    if (it.carries) carried++
    if (it.reason in byReason) byReason[it.reason]++
  }
  return { total: (items || []).length, carried, byReason }
}

/**
 * The PUT body of a project-year from the edit form ({kind, annual_plan, annual_completed} with
 * money in 万元 text): {body} or {errors: {field: reason}}. `version` is left out when the year is
 * new (which puts the project on that year's list).
 */
export function projectYearBody(form, version) {
  const errors = {}
  const body = {}
  if (version !== undefined && version !== null) body.version = version
  if (form.kind) body.kind = form.kind
  for (const f of ['annual_plan', 'annual_completed']) {
    const yuan = parseWan(form[f])
    if (Number.isNaN(yuan)) errors[f] = 'invalid_money'
    else if (yuan !== null && yuan < 0) errors[f] = 'invalid_money'
    else body[f] = yuan
  }
  return Object.keys(errors).length ? { body: null, errors } : { body, errors: null }
}
