// Building the body of a PATCH: only what the person actually changed.
import { parseWan, yuanToWanInput } from './format.js'

/** null, undefined and '' all mean "no value" in a form. */
function isEmpty(v) {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/** Equality as a person sees it: empty equals empty, 150.5 equals "150.50". */
export function sameValue(a, b) {
  if (isEmpty(a) && isEmpty(b)) return true
  if (isEmpty(a) || isEmpty(b)) return false
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b)
  return a === b
}

/**
 * The fields of `current` whose value differs from `original`, with empty
 * strings sent as null (clearing a field) and strings trimmed.
 * Only keys listed in `fields` (default: all keys of current) are compared.
 */
export function changedFields(original, current, fields = Object.keys(current)) {
  const out = {}
  for (const key of fields) {
    const before = original ? original[key] : undefined
    const after = current[key]
    if (sameValue(before, after)) continue
    out[key] = isEmpty(after) ? null : typeof after === 'string' ? after.trim() : after
  }
  return out
}

/**
 * Project (API shape) → form model: money as 万元 strings, everything else as is.
 */
export function projectToForm(project, fields, moneyFields) {
  const form = {}
  for (const f of fields) {
    const v = project ? project[f] : null
    form[f] = moneyFields.includes(f) ? yuanToWanInput(v) : v ?? null
  }
  return form
}

/**
 * Form model → API values (money back to integer yuan). Returns
 * { values, errors } where errors maps a field to "invalid_money" when a
 * money text cannot be read exactly.
 */
export function formToValues(form, moneyFields) {
  const values = { ...form }
  const errors = {}
  for (const f of moneyFields) {
    if (!(f in form)) continue
    const yuan = parseWan(form[f])
    if (Number.isNaN(yuan)) errors[f] = 'invalid_money'
    else values[f] = yuan
  }
  return { values, errors }
}

/**
 * The PATCH body: {version, ...changed fields}, or null when nothing changed.
 */
export function patchBody(project, form, fields, moneyFields) {
  const { values, errors } = formToValues(form, moneyFields)
  if (Object.keys(errors).length) return { errors }
  const changes = changedFields(project, values, fields)
  if (!Object.keys(changes).length) return { body: null }
  return { body: { version: project.version, ...changes } }
}
