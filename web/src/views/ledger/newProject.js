// 新建项目's form (issue 13 item 6): the fields a county office fills for a new key project, in four
// groups (基本信息 / 投资 / 责任 / 进度), and the one POST body built from them. Money is typed in 万元
// and sent in yuan (format.js parseWan, as the project page's form); the checks the server would
// make on a new project are made here first, each in a Chinese sentence at its field.
import { t } from '../../i18n.js'
import { parseWan } from '../../format.js'
import { breachText } from './plausibility.js'
import { STAGES_NEEDING_START, STAGES_NEEDING_COMPLETION } from './projectFields.js'

/** The groups in form order; each field's type picks its input (as PROJECT_FIELDS does on the project page). */
export const NEW_PROJECT_GROUPS = [
  {
    key: 'basic',
    fields: [
      { name: 'name', type: 'text', required: true, wide: true },
      { name: 'code', type: 'text', required: true },
      { name: 'national_code', type: 'text' },
      { name: 'county_code', type: 'county', required: true },
      { name: 'town_code', type: 'town' },
      { name: 'category', type: 'dict', required: true },
      { name: 'level', type: 'dict', required: true },
      { name: 'kind', type: 'dict', required: true },
      { name: 'track', type: 'dict', required: true },
      { name: 'builder', type: 'text' },
      { name: 'builder_code', type: 'text' },
      { name: 'chain_id', type: 'chain' },
      { name: 'content', type: 'textarea', wide: true },
    ],
  },
  {
    key: 'investment',
    fields: [
      { name: 'total_investment', type: 'money' },
      { name: 'annual_plan', type: 'money' },
    ],
  },
  {
    key: 'duty',
    fields: [
      { name: 'unit_id', type: 'unit' },
      { name: 'leader_id', type: 'leader' },
      { name: 'specialist', type: 'text' },
    ],
  },
  {
    key: 'progress',
    fields: [
      { name: 'stage', type: 'dict', required: true },
      { name: 'planned_start', type: 'date' },
      { name: 'planned_completion', type: 'date' },
      // The server takes dates as facts: a started (completed) project needs its actual start (completion).
      { name: 'actual_start', type: 'date', required: true, when: (f) => STAGES_NEEDING_START.includes(f.stage) },
      { name: 'actual_completion', type: 'date', required: true, when: (f) => STAGES_NEEDING_COMPLETION.includes(f.stage) },
    ],
  },
]

export const NEW_PROJECT_FIELDS = NEW_PROJECT_GROUPS.flatMap((g) => g.fields)
const MONEY = NEW_PROJECT_FIELDS.filter((f) => f.type === 'money').map((f) => f.name)

/** Whether a field is asked at all with this form (actual dates only for a stage that needs them). */
export function shown(field, form) {
  return !field.when || field.when(form)
}

/** An empty form: every field null or '', the county and dictionaries preset by the caller. */
export function emptyForm(preset = {}) {
  const form = {}
  for (const f of NEW_PROJECT_FIELDS) form[f.name] = ['text', 'textarea', 'money'].includes(f.type) ? '' : null
  return Object.assign(form, preset)
}

const blank = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

/**
 * The POST /api/v1/projects body of a filled form: { body } or { errors: {field: sentence} }.
 * The year's completed investment starts at 0; actual dates a stage does not need are not sent.
 */
export function newProjectBody(form) {
  const errors = {}
  const body = {}
  for (const f of NEW_PROJECT_FIELDS) {
    if (!shown(f, form)) continue
    const v = form[f.name]
    if (blank(v)) {
      if (f.required) errors[f.name] = f.when ? t('project.new_form.stage_needs_date') : t('reason.required')
      continue
    }
    if (MONEY.includes(f.name)) {
      const yuan = parseWan(v)
      if (Number.isNaN(yuan)) errors[f.name] = t('reason.invalid_money')
      else if (yuan < 0) errors[f.name] = t('project.new_form.negative')
      else body[f.name] = yuan
      continue
    }
    body[f.name] = typeof v === 'string' ? v.trim() : v
  }
  if (body.annual_plan !== undefined && body.total_investment !== undefined && body.annual_plan > body.total_investment) {
    errors.annual_plan = breachText({ code: 'plausible.annual_plan_above_total', value: body.annual_plan, limit: body.total_investment })
  }
  if (body.planned_start && body.planned_completion && body.planned_completion < body.planned_start) {
    errors.planned_completion = t('project.new_form.completion_before_start')
  }
  if (body.actual_start && body.actual_completion && body.actual_completion < body.actual_start) {
    errors.actual_completion = t('project.new_form.completion_before_start')
  }
  if (Object.keys(errors).length) return { errors }
  body.annual_completed = 0
  return { body }
}
