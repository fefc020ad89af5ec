// 亩均效益: enterprises' figures of a year, evaluation runs, schemes and policies.
import { api, download, request } from './http.js'

export const data = (county, year) => api.get('/land/data', { county, year })
export const patchData = (id, body) => api.patch(`/land/data/${id}`, body)
export const dataActions = (body) => api.post('/land/data/actions', body)
export const rowAction = (row, action, reason) => api.post(`/land/data/${row.id}/actions`, { action, reason, version: row.version })
export const importData = (county, year, bytes, dry) =>
  request('POST', '/land/import', {
    query: { county, year, dry_run: dry ? 'true' : '' },
    body: new Blob([bytes]),
    headers: { 'Content-Type': 'application/octet-stream' },
  })
export const importTemplate = (county, name) => download('/land/import/template', { county }, name)
export const exportData = (county, year, name) => download('/land/data/export', { county, year }, name)
export const runs = (county, year) => api.get('/land/runs', { county, year })
export const getRun = (id) => api.get(`/land/runs/${id}`)
export const createRun = (county, year) => api.post('/land/runs', { county_code: county, year })
export const runAction = (id, body) => api.post(`/land/runs/${id}/actions`, body)
export const exportRun = (id, name) => download(`/land/runs/${id}/export`, { format: 'xlsx' }, name)
export const enterprise = (runId, code) => api.get(`/land/runs/${runId}/enterprises/${encodeURIComponent(code)}`)
export const policyLedger = (runId) => api.get(`/land/runs/${runId}/policy-ledger`)
export const scheme = (county) => api.get(`/land/schemes/${county}`)
export const saveScheme = (county, body) => api.put(`/land/schemes/${county}`, body)
export const policy = (county) => api.get(`/land/policies/${county}`)
export const savePolicy = (county, body) => api.put(`/land/policies/${county}`, body)
