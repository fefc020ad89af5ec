// The home page's logic (工作台): which sections a caller sees, the start rate, and where a to-do
// leads. Pure functions, tested in home.test.js.

/**
 * The sections of each role's home page, in page order. A caller with several roles sees the
 * union, each section once, in this table's order.
 */
export const ROLE_SECTIONS = {
  admin: ['setup', 'todos'],
  coordinator: ['office', 'todos'],
  leader: ['leader', 'todos'],
  unit: ['unit', 'todos'],
  viewer: ['viewer'],
  judge: ['judge'],
}
const ORDER = ['setup', 'office', 'leader', 'unit', 'judge', 'viewer', 'todos']

/** The sections for these role names (auth.roleNames); the to-do list when nothing else. */
export function sectionsFor(roles) {
  const wanted = new Set((roles || []).flatMap((r) => ROLE_SECTIONS[r] || []))
  const out = ORDER.filter((s) => wanted.has(s))
  return out.length ? out : ['todos']
}

/** Stages that count as started (开工, and past it: 竣工, 投产). */
export const STARTED_STAGES = ['started', 'completed', 'operating']

/**
 * 开工率: of the year's new-start projects (kind 新开工), the share started; `started` the count per
 * stage of STARTED_STAGES. Null when there are no new-start projects.
 */
export function startRate(total, startedByStage) {
  const started = STARTED_STAGES.reduce((sum, s) => sum + (Number(startedByStage[s]) || 0), 0)
  return { total, started, rate: total > 0 ? started / total : null }
}

/** Where a to-do leads (a router location). */
export function todoLink(kind, item) {
  switch (kind) {
    case 'report_fill':
    case 'report_review':
      return { name: 'reports', query: { report: item.id } }
    case 'problem':
      return { name: 'problem', params: { id: item.id } }
    case 'visit':
      return { name: 'project', params: { id: item.project_id } }
    case 'observation':
      return { name: 'observation-score', params: { id: item.id } }
    default:
      return { name: 'home' }
  }
}
