// 双招双引: leads (招商线索) with their dated steps, funds in place (到位资金) and the summary
// figures as of a date. Versioned writes send the version they read (409 on a stale one); a step
// moves the lead's version on.
import { api, download } from './http.js'

export const leads = (query) => api.get('/leads', query)
export const lead = (id) => api.get(`/leads/${id}`)
export const createLead = (body) => api.post('/leads', body)
export const updateLead = (id, body) => api.patch(`/leads/${id}`, body)
export const addStep = (id, body) => api.post(`/leads/${id}/steps`, body)
export const pauseLead = (id, body) => api.post(`/leads/${id}/pause`, body)
export const resumeLead = (id, body) => api.post(`/leads/${id}/resume`, body)
export const endLead = (id, body) => api.post(`/leads/${id}/end`, body)
export const makeProject = (id, body) => api.post(`/leads/${id}/project`, body)
export const addFunds = (id, body) => api.post(`/leads/${id}/funds`, body)
export const updateFunds = (id, body) => api.patch(`/funds-entries/${id}`, body)
export const summary = (query) => api.get('/attraction/summary', query)
export const exportLeads = (query) => download('/attraction/export', query)

/** The pipeline in order (线索 → 洽谈 → 签约 → 落地 → 开工 → 投产). */
export const STEPS = ['lead', 'negotiating', 'signed', 'registered', 'started', 'operating']
/** The step after `step`, or null at the end. */
export const nextStep = (step) => STEPS[STEPS.indexOf(step) + 1] || null
