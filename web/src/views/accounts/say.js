// The server's account reasons are Chinese first with the English in parentheses
// ("密码至少 12 个字符 (at least 12 characters)"): the Chinese screen shows the Chinese part only.
// A 422's summary is the code's label: the fields say what is wrong.
import { lang, t } from '../../i18n.js'
import { errorText, fieldErrors } from '../../errors.js'

export const reasonOf = (field, reason) => (lang.value === 'en' ? reason : reason.replace(/\s*\([^()]*\)\s*$/, ''))
export const fieldsOf = (e) => fieldErrors(e, '', reasonOf)
export const summaryOf = (e) => (e && e.status === 422 && lang.value !== 'en' ? t('error.validation_failed') : errorText(e))
