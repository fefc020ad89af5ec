// 项目台账: projects, their stage, archive, journal, import and export; the overview.
import { api, download, request } from './http.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const listProjects = (params) => api.get('/projects', params)
export const searchProjects = (q, region) => api.get('/projects', { q, region, limit: 20 })
export const createProject = (body) => api.post('/projects', body)
export const getProject = (id) => api.get(`/projects/${id}`)
export const patchProject = (id, body) => api.patch(`/projects/${id}`, body)
export const archiveProject = (id, version) => api.post(`/projects/${id}/archive`, { version })
export const changeStage = (id, body) => api.post(`/projects/${id}/stage`, body)
export const projectJournal = (id) => api.get(`/projects/${id}/journal`)
export const exportProjects = (params, name) => download('/projects/export', params, name)
export const importProjects = (bytes, dryRun) =>
  request('POST', '/projects/import', {
    query: dryRun ? { dry_run: 'true' } : {},
    body: new Blob([bytes], { type: XLSX_TYPE }),
    headers: { 'Content-Type': XLSX_TYPE },
  })
export const overview = (region) => api.get('/overview', { region })
