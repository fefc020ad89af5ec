// fetch wrapper for the Gongjian API (/api/v1, see docs/api.md).
// The session is the server's HttpOnly cookie (gj_session): no token is ever held by page scripts
// or kept in storage. Writes repeat the csrf of the readable gj_csrf cookie in X-CSRF-Token.
// Encodes query params, parses the error shape {"error":{"code","message","details"}} into an
// ApiError, and hands any 401 to a handler installed by the app (which goes back to the login page).

export const API_BASE = '/api/v1'
const CSRF_COOKIE = 'gj_csrf'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

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

/** The csrf of this session: the gj_csrf cookie the server set at log-in ('' when none). */
export function csrfToken() {
  try {
    for (const part of document.cookie.split(';')) {
      const eq = part.indexOf('=')
      if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim())
    }
  } catch {
    /* no document (tests) */
  }
  return ''
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
 * quiet: a 401 is only thrown, the app's unauthorized handler is not called.
 */
export async function request(method, path, options = {}) {
  inFlight++
  try {
    return await answer(method, path, options)
  } finally {
    if (--inFlight === 0) setTimeout(wakeIdle)
  }
}

async function answer(method, path, { query, body, raw = false, headers = {}, quiet = false } = {}) {
  const res = await send(method, path, { query, body, headers })
  if (res.status === 401 && path !== '/auth/login' && !quiet) {
    const parsed = await parseBody(res)
    onUnauthorized()
    throw new ApiError(401, parsed)
  }
  if (!res.ok) throw new ApiError(res.status, await parseBody(res))
  if (raw) return res
  return parseBody(res)
}

// One request with the session cookie; a write refused for its csrf (the server restarted with a
// new key) re-reads the csrf from /auth/me, which sets gj_csrf again, and is sent once more.
async function send(method, path, { query, body, headers }, retried = false) {
  const h = { Accept: 'application/json', ...headers }
  if (!SAFE_METHODS.has(method)) {
    const csrf = csrfToken()
    if (csrf) h['X-CSRF-Token'] = csrf
  }
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
    res = await fetch(API_BASE + path + queryString(query), { method, headers: h, body: payload, credentials: 'same-origin' })
  } catch (e) {
    throw new ApiError(0, { error: { code: 'network', message: e.message } })
  }
  if (res.status === 403 && !retried && !SAFE_METHODS.has(method) && (await isCsrfRefusal(res))) {
    const me = await fetch(API_BASE + '/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).catch(() => null)
    if (me && me.ok) return send(method, path, { query, body, headers }, true)
  }
  return res
}

async function isCsrfRefusal(res) {
  const parsed = await parseBody(res.clone())
  return !!(parsed && parsed.error && parsed.error.code === 'csrf_failed')
}

// Requests in flight, and who waits for there being none (idle()).
let inFlight = 0
let idleWaiters = []
function wakeIdle() {
  if (inFlight > 0) return
  const waiters = idleWaiters
  idleWaiters = []
  waiters.forEach((w) => w())
}

/**
 * Resolves once no request is in flight (checked after the current task, so the requests a page
 * starts while it renders count): what can wait for the page's own data, e.g. the header's to-do
 * count, asks then and does not compete with it.
 */
export function idle() {
  return new Promise((resolve) => {
    idleWaiters.push(resolve)
    setTimeout(wakeIdle)
  })
}

// GETs started before the page that reads them exists (the router's prefetch of a page's first
// data, while the page's script and the reference data load): key → the answer's promise. The
// page's own identical GET takes it once; one not taken within a few seconds is dropped.
const early = new Map()
const EARLY_MS = 5000

/** Starts GET path?query now for a page about to ask for it (api.get takes the answer). */
export function prefetchGet(path, query) {
  const key = path + queryString(query)
  if (early.has(key)) return
  const promise = request('GET', path, { query, quiet: true })
  promise.catch(() => {})
  early.set(key, promise)
  setTimeout(() => early.get(key) === promise && early.delete(key), EARLY_MS)
}

function get(path, query) {
  const key = path + queryString(query)
  const promise = early.get(key)
  if (!promise) return request('GET', path, { query })
  early.delete(key)
  // A prefetch that failed is asked again the ordinary way (a 401 then reaches the app's handler).
  return promise.catch(() => request('GET', path, { query }))
}

export const api = {
  get,
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
 * Downloads a file through fetch (with the session cookie, and the server naming the file) and
 * saves it with a temporary object URL.
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
