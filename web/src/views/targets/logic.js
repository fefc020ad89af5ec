// Pure helpers of the target views (tested with vitest): amounts of the funds targets on screen
// (到位资金 in 亿元 from 1 亿 up, else 万元; 外资 in 万美元), and a composite target's parts and whole.
import { formatWan } from '../../format.js'

const YI = 100000000
const WAN = 10000

/** A number with at most two decimals, trailing zeros dropped, thousands grouped: 1000 → "1,000". */
function short(n) {
  const fixed = (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '')
  const [whole, frac] = fixed.split('.')
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '')
}

/** Integer yuan as people read a year's funds: 4000000000 → "40 亿元", 12345600 → "1,234.56 万元". */
export function yuanText(yuan) {
  if (yuan === null || yuan === undefined) return '—'
  if (Math.abs(yuan) >= YI) return `${short(yuan / YI)} 亿元`
  return `${formatWan(yuan)} 万元`
}

/** Integer USD in 万美元: 10000000 → "1,000 万美元". */
export function usdText(usd) {
  if (usd === null || usd === undefined) return '—'
  return `${short(usd / WAN)} 万美元`
}

export const FUNDS_METRICS = ['funds_in_place', 'funds_in_place_usd']
export const isFunds = (metric) => FUNDS_METRICS.includes(metric)
export const isComposite = (tg) => !!tg && tg.metric === 'composite'

/** The value (or threshold) of a funds target as text; null for another metric. */
export function fundsText(tg, v) {
  if (tg.metric === 'funds_in_place') return yuanText(v)
  if (tg.metric === 'funds_in_place_usd') return usdText(v)
  return null
}

const percentOf = (value, goal) => (goal > 0 ? Math.min(100, Math.max(0, Math.round((value / goal) * 100))) : 0)

/** A composite target's parts as rows: name, figure, goal, progress 0–100, met. */
export function partRows(tg) {
  return (tg.parts || []).map((p, i) => ({
    index: i,
    name: p.name,
    metric: p.metric,
    value: p.value ?? 0,
    goal: p.goal,
    projected: p.projected ?? 0,
    percent: percentOf(p.value ?? 0, p.goal),
    met: !!p.met,
  }))
}

/** The whole of a composite target: parts met of parts, the overall ratio in % (Σ min(figure, goal) / Σ goal). */
export function wholeOf(tg) {
  const rows = partRows(tg)
  return {
    met: rows.filter((r) => r.met).length,
    count: rows.length,
    needed: tg.threshold ?? rows.length,
    percent: tg.ratio === null || tg.ratio === undefined ? 0 : Math.round(tg.ratio * 1000) / 10,
  }
}
