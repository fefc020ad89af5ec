// 链长制 (issue 15): chains of a county, one chain's map, lists, figures, weekly reports and visits.
import { api, download } from './http.js'

export const chains = (region, asOf) => api.get('/chains', { region, as_of: asOf })
export const exportChains = (region, asOf) => download('/chains/export', { region, as_of: asOf }, '链长制.xlsx')
export const chain = (id) => api.get(`/chains/${id}`)
export const createChain = (body) => api.post('/chains', body)
export const updateChain = (id, body) => api.patch(`/chains/${id}`, body)
export const chainLists = (id, asOf) => api.get(`/chains/${id}/lists`, { as_of: asOf })
export const chainFigures = (id, asOf, from) => api.get(`/chains/${id}/figures`, { as_of: asOf, from })
export const chainReports = (id, asOf) => api.get(`/chains/${id}/reports`, { as_of: asOf })
export const fileChainReport = (id, body) => api.post(`/chains/${id}/reports`, body)
export const chainVisits = (id) => api.get(`/chains/${id}/visits`)
export const addChainVisit = (id, body) => api.post(`/chains/${id}/visits`, body)

/** The map's columns and the groups of a chain's people (the server's lists, domain/chains). */
export const STAGES = ['upstream', 'midstream', 'downstream']
export const GROUPS = ['task_force', 'support']
