// The server's errors in the reader's words. The server writes its messages and reasons in English
// for developers; each error has a stable code and each problem of a 422 a rule code with its
// figures (details[i].rule, .params; see src/common/reason_catalog.cpp). A Chinese screen shows a
// Chinese sentence built from those codes (locales/*/errors.js) and never the server's English;
// in English the server's own words are shown where no sentence is written.
import { t, has, lang, labelOf } from './i18n.js'
import { formatWan } from './format.js'
import { useReferenceStore, DICT_KINDS } from './stores/reference.js'

const english = () => lang.value === 'en'
const LATIN_WORD = /[A-Za-z]{2,}/
// Problems whose value says which entry is wrong (a repeated code, an unknown region).
const SHOW_VALUE = new Set(['listed_twice', 'not_allowed_value', 'unknown_region', 'date_format', 'period_format', 'login_taken', 'not_county', 'column_twice'])

/**
 * The label of a server field name: "annual_plan" → 年度计划投资, "months[3]" and
 * "light_rules.preset" by their last name; '' on a Chinese screen when there is none (the
 * identifier is not shown), the identifier itself in English.
 */
export function fieldLabel(field) {
  const name = String(field || '')
  if (!name) return ''
  const last = name.replace(/\[\d+\]/g, '').split('.').filter(Boolean).pop() || ''
  for (const key of ['field.' + name, 'field.' + last]) if (has(key)) return t(key)
  return english() ? name : ''
}

/** The figures of a problem for its sentence: amounts in 万元, byte limits in characters. */
function figures(params) {
  const out = {}
  for (const [k, v] of Object.entries(params || {})) {
    if (k.endsWith('_yuan') && /^-?\d+$/.test(String(v))) out[k] = t('error.wan', { amount: formatWan(Number(v)) })
    else out[k] = v
    if (k === 'bytes') out.chars = Math.floor(Number(v) / 3)
  }
  return out
}

/** The Chinese half of a reason written "中文 (english)"; '' when there is none. */
function chinesePart(reason) {
  const s = String(reason || '').replace(/\s*\([^()]*\)\s*$/, '')
  return /^[\u3000-\u9fff]/.test(s) && !LATIN_WORD.test(s) ? s : ''
}

/** The sentence of a rule code with its figures; '' when the tables have none. */
export function ruleText(rule, params) {
  if (!rule) return ''
  const names = Object.keys(params || {}).sort()
  const keys = names.length ? [`rule.${rule}.${names.join('_')}`, `rule.${rule}`] : [`rule.${rule}`]
  for (const key of keys) if (has(key)) return t(key, figures(params))
  return ''
}

/** What is wrong with one problem ({field, value, reason, rule, params}), without the field. */
export function reasonText(d) {
  if (!d) return ''
  const text = ruleText(d.rule, d.params)
  if (text) return text
  if (english()) return d.reason || t('error.invalid_value')
  return chinesePart(d.reason) || t('error.invalid_value')
}

/** A code's label from the dictionaries (the reference store), or '' when none is known. */
function codeLabel(code) {
  try {
    const ref = useReferenceStore()
    for (const kind of DICT_KINDS) {
      const e = ref.entry(kind, code)
      if (e) return labelOf(e)
    }
  } catch {
    /* no store (a unit test): no labels */
  }
  return ''
}

/** " （可选：a / b）" for a problem listing the accepted values; codes are shown by their labels. */
export function allowedText(d, label = codeLabel) {
  const list = (d && Array.isArray(d.allowed) && d.allowed) || []
  if (!list.length) return ''
  if (english()) return t('error.allowed', { values: list.join(' / ') })
  const shown = list.map((v) => label(v) || (LATIN_WORD.test(v) ? '' : v))
  if (shown.some((v) => !v)) return '' // an identifier without a label is not shown
  return t('error.allowed', { values: shown.join(' / ') })
}

/** One problem as a line: "年度计划投资：不能为负数". */
export function problemText(d) {
  const value = d && SHOW_VALUE.has(d.rule) && d.value && d.value.length < 40 && !/^["{[]/.test(d.value) ? d.value : ''
  const reason = reasonText(d)
  const text = (value ? t('error.value_problem', { value, text: reason }) : reason) + allowedText(d)
  const field = fieldLabel(d && d.field)
  return field ? t('error.field_problem', { field, text }) : text
}

/** The problems of a 422 as one line ("年度计划投资：不能为负数；…"), at most `max` of them. */
export function problemsText(e, max = 3) {
  const details = ((e && e.details) || []).filter(Boolean)
  if (!details.length) return ''
  const lines = details.slice(0, max).map(problemText)
  const more = details.length > max ? ' ' + t('error.more_problems', { n: details.length }) : ''
  return lines.join('；') + more
}

/**
 * The message of a failed request: in Chinese the meaning of its code (a named rule's own
 * sentence when the server gives one) followed by the problems of a 422; in English the server's
 * message.
 */
export function errorText(e) {
  if (!e) return ''
  if (e.status === 0) return t('error.network')
  const body = (e.body && e.body.error) || {}
  if (english()) {
    const problems = problemsText(e)
    return (e.message || t('error.unknown')) + (problems ? ': ' + problems : '')
  }
  const named = ruleText(body.rule, body.params)
  if (named) return named
  const retry = e.body && e.body.retry_after
  if (e.code === 'too_many_requests' && retry) return t('error.retry_after', { seconds: retry })
  const label = has('error.' + e.code) ? t('error.' + e.code) : t('error.unknown')
  const problems = problemsText(e)
  return problems ? `${label}：${problems}` : label
}

/** The message of a failed log-in: "账号或密码错误" (no English, no "or expired"). */
export function loginErrorText(e) {
  if (e && e.status === 401) return t('error.login_failed')
  if (e && e.status === 429 && e.body && e.body.retry_after) return t('error.login_throttled', { seconds: e.body.retry_after })
  return errorText(e)
}

/**
 * The per-field messages of a 422 ({field: text}), for el-form-item's :error. `strip` drops a
 * prefix the form does not use ("light_rules."); `say(field, reason, detail)` may word a problem
 * itself (a text other than the server's reason wins); the accepted values follow when the server
 * lists them.
 */
export function fieldErrors(e, strip = '', say = (field, reason) => reason) {
  const out = {}
  for (const d of (e && e.details) || []) {
    if (!d || !d.field) continue
    const field = strip && d.field.startsWith(strip) ? d.field.slice(strip.length) : d.field
    const said = say(d.field, d.reason || '', d)
    const text = said && said !== d.reason ? said : reasonText(d) + allowedText(d)
    out[field] = out[field] ? `${out[field]}；${text}` : text
  }
  return out
}
