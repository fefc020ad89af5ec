// The project list's filters live in the URL query (so a view can be shared
// and survives a reload). These functions map query ↔ filters ↔ API params.

/** Filter keys, in the order they appear in the URL (year: the annual list; none = the server's). */
export const FILTER_KEYS = ['year', 'region', 'town', 'category', 'level', 'kind', 'track', 'stage', 'leader', 'unit', 'q']
/** Filters that hold numeric ids (the selects compare by ===, so type matters). */
const NUMERIC_FILTERS = ['year', 'leader', 'unit']
export const SORT_KEYS = ['code', 'name', 'total_investment', 'planned_start', 'updated_at']
export const PAGE_SIZES = [20, 50, 100]
export const DEFAULT_PAGE_SIZE = 20

function first(v) {
  return Array.isArray(v) ? v[0] : v
}

function positiveInt(v, fallback) {
  const n = Number.parseInt(first(v), 10)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

/** An empty filter state. */
export function emptyFilters() {
  const f = {}
  for (const k of FILTER_KEYS) f[k] = k === 'q' ? '' : null
  return { ...f, sort: null, order: null, page: 1, limit: DEFAULT_PAGE_SIZE }
}

/** route.query → filter state; unknown or malformed values are dropped. */
export function filtersFromQuery(query = {}) {
  const f = emptyFilters()
  for (const k of FILTER_KEYS) {
    let v = first(query[k])
    if (v === undefined || v === null || v === '') continue
    if (NUMERIC_FILTERS.includes(k)) {
      const n = Number.parseInt(v, 10)
      if (!Number.isFinite(n)) continue
      v = n
    }
    f[k] = v
  }
  const sort = first(query.sort)
  if (SORT_KEYS.includes(sort)) {
    f.sort = sort
    f.order = first(query.order) === 'desc' ? 'desc' : 'asc'
  }
  f.page = positiveInt(query.page, 1)
  const limit = positiveInt(query.limit, DEFAULT_PAGE_SIZE)
  f.limit = PAGE_SIZES.includes(limit) ? limit : DEFAULT_PAGE_SIZE
  return f
}

/** The filters and sort that are set, each value trimmed (strings) and passed through `as`. */
function setFilters(f, as) {
  const out = {}
  for (const k of FILTER_KEYS) {
    const v = f[k]
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue
    out[k] = as(typeof v === 'string' ? v.trim() : v)
  }
  if (f.sort) {
    out.sort = f.sort
    out.order = f.order === 'desc' ? 'desc' : 'asc'
  }
  return out
}

/** filter state → route.query, leaving out defaults so URLs stay short. */
export function queryFromFilters(f) {
  const q = setFilters(f, String)
  if (f.page && f.page > 1) q.page = String(f.page)
  if (f.limit && f.limit !== DEFAULT_PAGE_SIZE) q.limit = String(f.limit)
  return q
}

/** Filters only (no paging), as API query params; shared by list and export. */
export function filterParams(f) {
  return setFilters(f, (v) => v)
}

/** filter state → GET /projects params (server-side paging). */
export function listParams(f) {
  const limit = f.limit || DEFAULT_PAGE_SIZE
  return { ...filterParams(f), offset: ((f.page || 1) - 1) * limit, limit }
}

/** A query value as text ('' when absent or repeated). */
export function queryText(query, key) {
  return typeof query[key] === 'string' ? query[key] : ''
}

/**
 * The region a page opens on: the URL's, else the user's own, else the first region the
 * reference data offers (undefined when there is none).
 */
export function initialRegion(query, userRegion, areaRegions) {
  return queryText(query, 'region') || userRegion || (areaRegions[0] || {}).code
}
