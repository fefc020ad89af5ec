// How the ledger (项目台账) opens, shared by the page and the router's prefetch of its first rows.
import { prefetchGet } from '../../api/http.js'
import { filtersFromQuery, listParams } from '../../query.js'

/** The filter that is "mine" for this caller: its unit, else the projects it leads; null for none. */
export function mineFilterOf(auth) {
  if (auth.unitIds.length) return { unit: auth.unitIds[0] }
  if (auth.ownsProjects) return { leader: auth.user.person_id }
  return null
}

/** The query the list opens with: the URL's, or — opened without one (the menu) — 我的项目 for those who own projects. */
export function openingQuery(query, auth) {
  const mine = mineFilterOf(auth)
  return Object.keys(query).length === 0 && mine ? { ...query, ...mine } : query
}

/**
 * Asks for the list's first page as the page will (route meta.prefetch): on a reload the rows then
 * come while the page's script and the reference data load, not after them.
 */
export function prefetchLedger(to, auth) {
  prefetchGet('/projects', listParams(filtersFromQuery(openingQuery(to.query, auth))))
}
