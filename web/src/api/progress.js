// 进度: a project's procedures, milestones, responsibility, stops, monthly plan; periodic reports; the Gantt chart.
import { api, download, request } from './http.js'

export const procedures = (id) => api.get(`/projects/${id}/procedures`)
export const saveProcedure = (id, kind, body) => api.put(`/projects/${id}/procedures/${kind}`, body)
export const attachToProcedure = (procId, file) => api.post(`/procedures/${procId}/attachments`, file, { name: file.name })
export const milestones = (id) => api.get(`/projects/${id}/milestones`)
export const saveMilestone = (projectId, milestoneId, body) =>
  milestoneId ? api.patch(`/milestones/${milestoneId}`, body) : api.post(`/projects/${projectId}/milestones`, body)
export const responsibility = (id) => api.get(`/projects/${id}/responsibility`)
export const assign = (id, personId) => api.post(`/projects/${id}/assignments`, { person_id: personId })
export const unassign = (id, personId) => api.del(`/projects/${id}/assignments/${personId}`)
export const stops = (id) => api.get(`/projects/${id}/stops`)
export const askStop = (id, body) => api.post(`/projects/${id}/stops`, body)
export const decideStop = (d, approve) => api.post(`/stops/${d.id}/decide`, { version: d.version, approve, note: d.note })
export const monthlyPlan = (id, year) => api.get(`/projects/${id}/monthly-plan`, { year })
export const saveMonthlyPlan = (id, year, body) => request('PUT', `/projects/${id}/monthly-plan`, { query: { year }, body })
export const gantt = (filter) => api.get('/gantt', filter)

export const reports = (query) => api.get('/reports', query)
export const exportReports = (query) => download('/reports/export', query, '一张表.xlsx')
export const missingReports = (region) => api.get('/reports/missing', { region })
export const createReportTasks = (region, period) => api.post('/reports/tasks', { region, period })
export const getReport = (id) => api.get('/reports/' + id)
export const patchReport = (id, body) => api.patch('/reports/' + id, body)
/** approve | return | reopen, with the version read (and a note for return). */
export const reportAction = (r, action, extra = {}) => api.post(`/reports/${r.id}/${action}`, { version: r.version, ...extra })
export const uploadReportPhoto = (id, file) =>
  request('POST', `/reports/${id}/photos`, { query: { filename: file.name }, body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } })
/** The current period of a region (composables/useCurrentPeriod.js holds the one rule). */
export const currentPeriod = (region) => api.get('/reports/period', { region })
