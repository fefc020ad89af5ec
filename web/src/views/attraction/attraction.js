// The board's pure parts: leads into columns by step, the summary into cards (tested in
// attraction.test.js).
import { STEPS } from '../../api/attraction.js'
import { formatWan } from '../../format.js'

/** One column per step (线索 … 投产) and one for ended leads, each with its leads in id order. */
export function boardColumns(leads) {
  const cols = [...STEPS, 'ended'].map((step) => ({ step, leads: [] }))
  const at = Object.fromEntries(cols.map((c) => [c.step, c]))
  for (const l of leads || []) {
    const col = l.ended ? at.ended : at[l.step]
    if (col) col.leads.push(l)
  }
  return cols
}

const percent = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`)

/** The summary's figures as cards: counts, 万元 and 万美元, the two rates; `sub`: an amount under a count (万元). */
export function summaryCards(s) {
  if (!s) return []
  return [
    { key: 'signed_count', label: 'attraction.sum.signed', value: String(s.signed_count) },
    { key: 'signed_amount', label: 'attraction.sum.signed_amount', value: formatWan(s.signed_amount) },
    { key: 'signed_100m_count', label: 'attraction.sum.signed_100m', value: String(s.signed_100m_count), sub: formatWan(s.signed_100m_amount) },
    { key: 'started_count', label: 'attraction.sum.started', value: String(s.started_count) },
    { key: 'funds_in_place', label: 'attraction.sum.funds', value: formatWan(s.funds_in_place) },
    { key: 'funds_in_place_usd', label: 'attraction.sum.funds_usd', value: formatWan(s.funds_in_place_usd) },
    { key: 'performance_rate', label: 'attraction.sum.performance', value: percent(s.performance_rate) },
    { key: 'funds_rate', label: 'attraction.sum.funds_rate', value: percent(s.funds_rate) },
  ]
}
