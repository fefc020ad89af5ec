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
