// The enterprise registry (企业库): enterprises keyed by 统一社会信用代码, in the caller's remit.
// Writes send the version they read (409 on a stale one, with `current`).
import { api, download } from './http.js'

const path = (code) => `/enterprises/${encodeURIComponent(code)}`

export const enterprises = (query) => api.get('/enterprises', query)
export const exportEnterprises = (query) => download('/enterprises/export', query, '企业库.xlsx')
export const enterprise = (code) => api.get(path(code))
export const createEnterprise = (body) => api.post('/enterprises', body)
export const updateEnterprise = (code, body) => api.patch(path(code), body)
export const putEnterpriseYear = (code, year, body) => api.put(`${path(code)}/years/${year}`, body)
export const backboneEnterprises = (region, year) => api.get('/backbone-enterprises', { region, year })

/** The tags an enterprise may carry (the server's list, domain/enterprises/registry.h). */
export const ENTERPRISE_TAGS = ['backbone', 'chain_leader', 'hi_tech', 'specialised', 'foreign']

/** GB 32100-2015: 18 characters of 0-9 and the capitals without I, O, S, V, Z, the last a check. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
export function creditCodeOk(code) {
  if (typeof code !== 'string' || code.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(code[i])
    if (v < 0) return false
    sum += v * WEIGHTS[i]
  }
  return code[17] === ALPHABET[(31 - (sum % 31)) % 31]
}
