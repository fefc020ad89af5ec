// 观摩评议 and 评比考核: observation events, judges' sheets and ballots; ranking schemes and runs.
import { api, download } from './http.js'

export const observations = () => api.get('/observations')
export const getObservation = (id) => api.get(`/observations/${id}`)
export const observationResults = (id) => api.get(`/observations/${id}/results`)
// 观摩评比结果 as .xlsx, named by the server (<event>-评比结果.xlsx).
export const downloadObservationResults = (id) => download(`/observations/${id}/results/export`, { format: 'xlsx' }, '评比结果.xlsx')
export const observationAction = (id, action, body) => api.post(`/observations/${id}/${action}`, body)
export const judges = () => api.get('/observations/judges')
export const createObservation = (body) => api.post('/observations', body)
export const patchObservation = (id, body) => api.patch(`/observations/${id}`, body)
export const submitSheet = (id, body) => api.post(`/observations/${id}/sheets`, body)
export const submitBallot = (id, body) => api.post(`/observations/${id}/ballots`, body)

export const schemes = (archived) => api.get('/ranking-schemes', archived ? { archived: 'true' } : {})
export const getScheme = (id) => api.get(`/ranking-schemes/${id}`)
export const createScheme = (body) => api.post('/ranking-schemes', body)
export const patchScheme = (id, body) => api.patch(`/ranking-schemes/${id}`, body)
export const archiveScheme = (s) => api.post(`/ranking-schemes/${s.id}/archive`, { version: s.version })
export const runs = (schemeId) => api.get(`/ranking-schemes/${schemeId}/runs`)
export const createRun = (schemeId, body) => api.post(`/ranking-schemes/${schemeId}/runs`, body)
export const publishRun = (run) => api.post(`/ranking-runs/${run.id}/publish`, { version: run.version })
export const downloadRunBulletin = (run, format) => download(`/ranking-runs/${run.id}/bulletin`, { format }, `bulletin.${format}`)
