// Organisation admin (系统管理): regions (towns, custom areas), units, people and 专班 (teams).
// Writes send the version they read (409 on a stale one); archive is PATCH {version, archived: true}.
import { api, download, request } from './http.js'

export const regions = () => api.get('/regions')
export const region = (code) => api.get(`/regions/${encodeURIComponent(code)}`)
export const createRegion = (body) => api.post('/regions', body)
export const updateRegion = (code, body) => api.patch(`/regions/${encodeURIComponent(code)}`, body)

export const units = (region) => api.get('/units', { region })
export const unit = (id) => api.get(`/units/${id}`)
export const createUnit = (body) => api.post('/units', body)
export const updateUnit = (id, body) => api.patch(`/units/${id}`, body)

export const people = (region, kind) => api.get('/people', { region, kind })
export const person = (id) => api.get(`/people/${id}`)
export const createPerson = (body) => api.post('/people', body)
export const updatePerson = (id, body) => api.patch(`/people/${id}`, body)

export const teams = (region, archived = false) => api.get('/teams', { region, archived: archived || undefined })
export const team = (id) => api.get(`/teams/${id}`)
export const createTeam = (body) => api.post('/teams', body)
export const updateTeam = (id, body) => api.patch(`/teams/${id}`, body)

/** The kinds each record may take (the server's lists, service/org/org_service.cpp). */
export const UNIT_KINDS = ['department', 'town', 'park', 'soe', 'other']
export const PERSON_KINDS = ['leader', 'head', 'specialist', 'helper', 'liaison', 'staff']
export const HELPER_TIERS = ['county', 'town', 'village']

/** The first-run checklist (上线清单) of a region (default: the admin's own). */
export const setupChecklist = (region) => api.get('/setup/checklist', { region })
// The roster in Excel (组织架构与责任人): template, export and the import (dry run first) of one
// county's units and people (`region`: a county code; empty: the caller's one county).
const ROSTER_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const rosterTemplate = (region) => download('/org/roster/template', { region }, '组织架构与责任人-模板.xlsx')
export const rosterExport = (region) => download('/org/roster/export', { region }, '组织架构与责任人.xlsx')
export const importRoster = (region, bytes, dryRun) =>
  request('POST', '/org/roster/import', {
    query: { region, dry_run: dryRun ? 'true' : undefined },
    body: new Blob([bytes], { type: ROSTER_XLSX }),
    headers: { 'Content-Type': ROSTER_XLSX },
  })
