// The editable fields of a project, in form order, with how each is edited
// and shown. One list drives the detail form, the PATCH payload and the
// journal's field labels (i18n key "field.<name>").
import { STATUS_TYPES } from '../../status.js'

export const PROJECT_FIELDS = [
  { name: 'name', type: 'text', required: true, span: 24 },
  { name: 'code', type: 'text' },
  { name: 'national_code', type: 'text' },
  { name: 'county_code', type: 'county' },
  { name: 'town_code', type: 'town' },
  { name: 'category', type: 'dict', dict: 'category' },
  { name: 'level', type: 'dict', dict: 'level' },
  { name: 'kind', type: 'dict', dict: 'kind' },
  { name: 'track', type: 'dict', dict: 'track' },
  { name: 'total_investment', type: 'money' },
  { name: 'annual_plan', type: 'money' },
  { name: 'annual_completed', type: 'money' },
  { name: 'land_mu', type: 'mu' },
  { name: 'builder', type: 'text' },
  { name: 'builder_code', type: 'text' },
  { name: 'leader_id', type: 'leader' },
  { name: 'unit_id', type: 'unit' },
  { name: 'specialist', type: 'text' },
  // 链长制: the chain is a reference (chain_id), picked from the county's chains (GET /chains).
  { name: 'chain_id', type: 'chain' },
  { name: 'planned_start', type: 'date' },
  { name: 'planned_completion', type: 'date' },
  { name: 'actual_start', type: 'date' },
  { name: 'actual_completion', type: 'date' },
  { name: 'longitude', type: 'coord' },
  { name: 'latitude', type: 'coord' },
  { name: 'content', type: 'textarea', span: 24 },
]

export const MONEY_FIELDS = PROJECT_FIELDS.filter((f) => f.type === 'money').map((f) => f.name)

/** Stages whose entry needs an actual start date, and those that also need a completion date. */
export const STAGES_NEEDING_START = ['started', 'completed', 'operating']
export const STAGES_NEEDING_COMPLETION = ['completed', 'operating']

/** Element Plus tag type per stage: grey while on paper, blue/orange while building, green when done. */
export const STAGE_TAG_TYPE = STATUS_TYPES.stage // the one colour table: status.js
