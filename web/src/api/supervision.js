// 督查: lights and bulletins, problems, targets, attention, map, leaders' visits, settings.
import { api, download, request } from './http.js'

export const lightsDashboard = (query) => api.get('/lights/dashboard', query)
export const lights = (query) => api.get('/lights', query)
export const exportLights = (query) => download('/lights/export', query, '红黄绿灯.xlsx')
export const projectLight = (id) => api.get(`/projects/${id}/light`)
export const downloadBulletin = (query, name) => download('/bulletins', query, name)
export const takeSnapshot = (region) => api.post('/lights/snapshots', { region })
export const snapshot = (region, period) => api.get('/lights/snapshots', { region, period })

export const problemBoard = () => api.get('/problems/board')
export const problems = (query) => api.get('/problems', query)
/** The list's .xlsx with the same query (the server names it 问题清单-<as_of>.xlsx). */
export const exportProblems = (query) => download('/problems/export', query, '问题清单.xlsx')
export const getProblem = (id) => api.get(`/problems/${id}`)
export const createProblem = (body) => api.post('/problems', body)
export const problemAction = (id, action, body) => api.post(`/problems/${id}/actions/${action}`, body)
export const attachToProblem = (id, file) => api.post(`/problems/${id}/attachments`, file, { name: file.name })
export const downloadAttachment = (a) => download(`/attachments/${a.id}`, null, a.file_name)

export const targets = (region, asOf) => api.get('/targets', { region, as_of: asOf })
export const exportTargets = (region, asOf) => download('/targets/export', { region, as_of: asOf }, '目标.xlsx')
export const getTarget = (id) => api.get(`/targets/${id}`)
export const createTarget = (body) => api.post('/targets', body)
export const patchTarget = (id, body) => api.patch(`/targets/${id}`, body)
export const archiveTarget = (tg) => api.post(`/targets/${tg.id}/archive`, { version: tg.version })

export const attention = () => api.get('/attention')
export const markRead = (keys) => api.post('/attention/read', { keys })
export const map = () => api.get('/map')
export const leader = (person) => api.get('/leader', person ? { person } : {})
export const recordVisit = (body) => api.post('/visits', body)
export const visitCompliance = (period) => api.get('/visits/compliance', period)

export const settings = (region) => api.get('/supervision/settings', { region })
export const saveSettings = (region, body) => request('PUT', '/supervision/settings', { query: { region }, body })
// ?region= (default the caller's own): each per-region value with its source (own / inherited / default).
export const config = (region) => api.get('/supervision/config', region ? { region } : {})
export const procedureKinds = (region) => api.get('/procedure-kinds', region ? { region } : {})
export const saveProcedureKind = (code, body, region) =>
  request('PUT', '/procedure-kinds/' + code, { query: region ? { region } : {}, body })
export const procedureDurations = () => api.get('/procedures/durations')
export const saveConfig = (body, region) => request('PUT', '/supervision/settings', { query: region ? { region } : {}, body })
