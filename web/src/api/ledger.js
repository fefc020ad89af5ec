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
/** The import template: the headers the import reads, a sample row and a sheet 说明. */
export const importTemplate = () => download('/projects/import/template', null, '重点项目台账-导入模板.xlsx')
export const importProjects = (bytes, dryRun, year) =>
  request('POST', '/projects/import', {
    query: { ...(dryRun ? { dry_run: 'true' } : {}), ...(year ? { year } : {}) },
    body: new Blob([bytes], { type: XLSX_TYPE }),
    headers: { 'Content-Type': XLSX_TYPE },
  })
/** The overview of a region; `year` and `as_of` are optional (the server picks the current year). */
export const overview = (region, { year, as_of: asOf } = {}) => api.get('/overview', { region, year, as_of: asOf })

// 年度投资: a project's figures per year (project-years), and the year roll-over (年度滚动).
export const projectYears = (id) => api.get(`/projects/${id}/years`)
export const getProjectYear = (id, year) => api.get(`/projects/${id}/years/${year}`)
/** PUT {version?, kind?, annual_plan, annual_completed}: without a version it puts the project on that year's list (201). */
export const putProjectYear = (id, year, body) => api.put(`/projects/${id}/years/${year}`, body)
/** POST {dry_run, region?, plans?: {project_id: yuan}}: the carry-over of `year`'s list into the next year. */
export const rolloverYear = (year, body) => api.post(`/years/${year}/rollover`, body)
