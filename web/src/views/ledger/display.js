// How a single project field value is shown to a person (journal, conflict
// dialog): money in 万元, dictionary codes by label, ids and codes by name.
import { t, has, labelOf } from '../../i18n.js'
import { formatWan, formatMu, formatDate } from '../../format.js'
import { PROJECT_FIELDS } from './projectFields.js'

const byName = Object.fromEntries(PROJECT_FIELDS.map((f) => [f.name, f]))

/** Chinese (or English) label of a project field; unknown fields show as they are. */
export function fieldLabel(name) {
  return has('field.' + name) ? t('field.' + name) : name
}

/**
 * @param reference the reference store (dictionaries, regions)
 * @param people    { leaders: [], units: [], chains: [] } of the project's county
 */
export function displayValue(field, value, reference, people = {}) {
  if (value === null || value === undefined || value === '') return '—'
  const meta = byName[field] || {}
  switch (meta.type) {
    case 'money':
      return `${formatWan(value)} ${t('unit.wan')}`
    case 'mu':
      return `${formatMu(value)} ${t('unit.mu')}`
    case 'coord':
      return Number.isFinite(Number(value)) ? Number(value).toFixed(6) : String(value)
    case 'date':
      return formatDate(value)
    case 'dict':
      return labelOf(reference.entry(meta.dict, value)) || String(value)
    case 'county':
    case 'town': {
      const r = reference.region(value)
      return r ? r.name : String(value)
    }
    case 'leader': {
      const p = (people.leaders || []).find((x) => x.id === Number(value))
      return p ? p.name : String(value)
    }
    case 'unit': {
      const u = (people.units || []).find((x) => x.id === Number(value))
      return u ? u.name : String(value)
    }
    case 'chain': {
      const c = (people.chains || []).find((x) => x.id === Number(value))
      return c ? c.name : String(value)
    }
    default:
      break
  }
  if (field === 'stage') return labelOf(reference.entry('stage', value)) || String(value)
  if (field === 'archived') return value ? t('common.yes') : t('common.no')
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
