// 包保 with dates: a project's assignments of leaders and units (帮包部门), their end, the handover.
import { api } from './http.js'

export const projectAssignments = (id) => api.get(`/projects/${id}/assignments`)
/** holder: { person_id } or { unit_id }; fromDate "YYYY-MM-DD" (the server's today when empty). */
export const addAssignment = (id, holder, fromDate) =>
  api.post(`/projects/${id}/assignments`, { ...holder, ...(fromDate ? { from_date: fromDate } : {}) })
export const endAssignment = (assignmentId, version, toDate) =>
  api.post(`/assignments/${assignmentId}/end`, { version, ...(toDate ? { to_date: toDate } : {}) })
/** from, to: { person_id } or { unit_id }; dryRun lists the projects and changes nothing. */
export const handover = (from, to, date, dryRun) => api.post('/assignments/handover', { from, to, date, dry_run: !!dryRun })
/** holder: { person_id } or { unit_id } (null: every holder) — its assignments past, current and to come,
 *  each with `current` as of asOf (the server's today when empty); current: only those in effect. */
export const assignmentsOf = (holder, { asOf, current } = {}) =>
  api.get('/assignments', {
    holder: holder ? (holder.person_id != null ? `person:${holder.person_id}` : `unit:${holder.unit_id}`) : '',
    as_of: asOf,
    current: current ? 'true' : '',
  })
