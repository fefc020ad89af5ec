// The half-monthly 双招双引 调度 sheet (xlsx or PDF) and the evidence files of lead steps.
import { api, download } from './http.js'

/** Downloads the sheet of the half month holding `as_of`: { region, as_of, format: xlsx | pdf }. */
export const dispatchSheet = (query) => download('/attraction/dispatch', query)
/** The evidence files of a lead's steps: { items: [{ id, step_id, file_name, … }] }. */
export const stepFiles = (leadId) => api.get(`/leads/${leadId}/attachments`)
export const attachToStep = (stepId, file) => api.post(`/lead-steps/${stepId}/attachments`, file, { name: file.name })
export const downloadStepFile = (a) => download(`/lead-attachments/${a.id}`, null, a.file_name)

/** The half month holding an ISO day: { year, month, first } (1st–15th is the first half). */
export function halfMonthOf(iso) {
  const [year, month, day] = (iso || '').split('-').map(Number)
  if (!year || !month || !day) return null
  return { year, month, first: day <= 15 }
}
