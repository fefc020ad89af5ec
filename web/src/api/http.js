// fetch wrapper for the Gongjian API (/api/v1, see docs/api.md).
// Adds the bearer token, encodes query params, parses the error shape
// {"error":{"code","message","details"}} into an ApiError, and hands any 401
// to a handler installed by the app (which goes back to the login page).

export const API_BASE = '/api/v1'
const TOKEN_KEY = 'gongjian.token'

export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {}
    super(err.message || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = err.code || 'http_' + status
    this.details = Array.isArray(err.details) ? err.details : []
    /** The whole body: a 409 carries "current" (the project as stored now). */
    this.body = body
  }
}

export function getToken() {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

export function setToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token)
    else localStorage.removeItem(TOKEN_KEY)
  } catch {
    /* ignore */
  }
}

let onUnauthorized = () => {}
/** The app installs what to do on a 401 (clear the session, go to /login). */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn
}

/** Builds "?a=1&b=x" from an object, skipping null/undefined/''. */
export function queryString(params) {
  if (!params) return ''
  const sp = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue
    sp.append(k, String(v))
  }
  const s = sp.toString()
  return s ? '?' + s : ''
}

async function parseBody(res) {
  const text = await res.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return { error: { code: 'bad_response', message: text.slice(0, 200) } }
  }
}

/**
 * request('GET', '/projects', { query, body, raw, headers })
 * body: a plain object is sent as JSON; Blob/ArrayBuffer/File as is.
 * raw: return the Response (for downloads) instead of parsed JSON.
 */
export async function request(method, path, { query, body, raw = false, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers }
  const token = getToken()
  if (token) h.Authorization = `Bearer ${token}`
  let payload
  if (body !== undefined && body !== null) {
    const binary = body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)
    if (binary) payload = body
    else {
      payload = JSON.stringify(body)
      h['Content-Type'] = 'application/json'
    }
  }
  let res
  try {
    res = await fetch(API_BASE + path + queryString(query), { method, headers: h, body: payload })
  } catch (e) {
    throw new ApiError(0, { error: { code: 'network', message: e.message } })
  }
  if (res.status === 401 && path !== '/auth/login') {
    const parsed = await parseBody(res)
    onUnauthorized()
    throw new ApiError(401, parsed)
  }
  if (!res.ok) throw new ApiError(res.status, await parseBody(res))
  if (raw) return res
  return parseBody(res)
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, query) => request('POST', path, { body, query }),
  patch: (path, body) => request('PATCH', path, { body }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path),
}

/** Filename from a Content-Disposition header (RFC 5987 filename* first). */
export function filenameFromDisposition(header, fallback) {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)
  return plain ? plain[1].trim() : fallback
}

/**
 * Downloads a file through fetch (so the bearer token is sent) and saves it
 * with a temporary object URL.
 */
export async function download(path, query, fallbackName) {
  const res = await request('GET', path, { query, raw: true, headers: { Accept: '*/*' } })
  const blob = await res.blob()
  const name = filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
  return name
}
