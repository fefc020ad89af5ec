// Plausibility (issue 13 item 4): the server refuses implausible figures (422, each detail's reason
// "rule plausible.<rule>: …", the figures as numbers in the body's "plausibility" array) and warns
// of doubtful ones (a saved report's "warnings"). Here each becomes a Chinese sentence with both
// figures in 万元, as the forms show money.
import { t, has } from '../../i18n.js'
import { formatWan } from '../../format.js'

const RULE = /^rule (plausible\.[a-z_]+):/

/** The sentence of one breach {code|rule, field, value, limit, factor?, points?}. */
export function breachText(b) {
  const code = b.code || b.rule
  const key = 'plausibility.' + String(code || '').replace(/^plausible\./, '')
  if (!has(key)) return ''
  return t(key, {
    value: formatWan(b.value),
    limit: formatWan(b.limit),
    factor: b.factor,
    points: b.points === undefined ? '' : Number(b.points).toFixed(1),
  })
}

/**
 * The field messages of a 422 with plausibility figures: {field: sentence} for every breach the
 * body lists; the other details are left to the caller.
 */
export function breachErrors(e) {
  const out = {}
  const list = (e && e.body && Array.isArray(e.body.plausibility) && e.body.plausibility) || []
  for (const b of list) {
    const text = breachText(b)
    if (text && b.field) out[b.field] = out[b.field] ? `${out[b.field]}；${text}` : text
  }
  return out
}

/** True when a detail's reason is one of the plausibility rules (its sentence comes from breachErrors). */
export function isBreachReason(reason) {
  return RULE.test(String(reason || ''))
}

/** The sentences of a saved record's warnings, in order. */
export function warningTexts(warnings) {
  return (warnings || []).map(breachText).filter(Boolean)
}
