// The server's error messages are written in English. People read Chinese:
// lead with a translation of the error code, keep the server's words after
// it (they carry the specifics), e.g. "数据校验未通过：the change is not valid".
import { t, has, lang } from './i18n.js'

export function errorText(e) {
  if (!e) return ''
  const key = 'error.' + (e.code || '')
  const server = e.message || ''
  if (lang.value === 'en' || !has(key)) return server || t('error.unknown')
  const label = t(key)
  return server && server !== label ? `${label}：${server}` : label
}

/**
 * The per-field messages of a 422 ({field: text}), for el-form-item's :error. `strip` drops a
 * prefix the form does not use ("light_rules."); `say(field, reason)` may put the server's
 * reason in the reader's words; the accepted values follow when the server lists them.
 */
export function fieldErrors(e, strip = '', say = (field, reason) => reason) {
  const out = {}
  for (const d of (e && e.details) || []) {
    if (!d || !d.field) continue
    const field = strip && d.field.startsWith(strip) ? d.field.slice(strip.length) : d.field
    const allowed = Array.isArray(d.allowed) && d.allowed.length ? ` [${d.allowed.join(' / ')}]` : ''
    const text = `${say(d.field, d.reason || '') || ''}${allowed}`
    out[field] = out[field] ? `${out[field]}；${text}` : text
  }
  return out
}
