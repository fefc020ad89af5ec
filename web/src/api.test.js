import { describe, it, expect, vi, afterEach } from 'vitest'
import { request, queryString, filenameFromDisposition, csrfToken, setUnauthorizedHandler, ApiError } from './api.js'

function respond(status, body, headers = {}) {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

function setCookie(text) {
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => text })
}

afterEach(() => {
  vi.unstubAllGlobals()
  delete document.cookie
})

describe('api wrapper', () => {
  it('builds query strings without empties', () => {
    expect(queryString({ a: 1, b: '', c: null, d: '阿胶' })).toBe('?a=1&d=%E9%98%BF%E8%83%B6')
    expect(queryString({})).toBe('')
  })

  it('sends the session cookie, never a token, and a write repeats the csrf cookie', async () => {
    setCookie('lang=zh; gj_csrf=c0ffee')
    expect(csrfToken()).toBe('c0ffee')
    const fetch = vi.fn(async () => respond(200, { ok: true }))
    vi.stubGlobal('fetch', fetch)
    await request('PATCH', '/projects/1', { body: { version: 1 } })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/api/v1/projects/1')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers.Authorization).toBeUndefined()
    expect(init.headers['X-CSRF-Token']).toBe('c0ffee')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"version":1}')
    await request('GET', '/projects')
    expect(fetch.mock.calls[1][1].headers['X-CSRF-Token']).toBeUndefined()
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
  })

  it('a write refused for its csrf (a restarted server) re-reads it from /auth/me and is sent once more', async () => {
    let csrf = 'old'
    setCookie('gj_csrf=old')
    const fetch = vi.fn(async (url, init) => {
      if (url === '/api/v1/auth/me') {
        csrf = 'new'
        setCookie('gj_csrf=new')
        return respond(200, { login: 'x' })
      }
      if (init.headers['X-CSRF-Token'] !== csrf || csrf !== 'new') return respond(403, { error: { code: 'csrf_failed', message: 'csrf' } })
      return respond(200, { ok: true })
    })
    vi.stubGlobal('fetch', fetch)
    expect(await request('POST', '/reports/1/submit', { body: {} })).toEqual({ ok: true })
    expect(fetch.mock.calls.map(([u]) => u)).toEqual(['/api/v1/reports/1/submit', '/api/v1/auth/me', '/api/v1/reports/1/submit'])
    // Once only: a second refusal is the caller's error.
    fetch.mockImplementation(async () => respond(403, { error: { code: 'csrf_failed', message: 'csrf' } }))
    const e = await request('POST', '/reports/1/submit', { body: {} }).catch((x) => x)
    expect(e.code).toBe('csrf_failed')
  })

  it('a quiet request (the start\'s /auth/me) does not call the unauthorized handler', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    vi.stubGlobal('fetch', async () => respond(401, { error: { code: 'unauthenticated', message: 'no session' } }))
    const e = await request('GET', '/auth/me', { quiet: true }).catch((x) => x)
    expect(e.status).toBe(401)
    expect(handler).not.toHaveBeenCalled()
    setUnauthorizedHandler(() => {})
  })

  it('parses the error shape, keeping the body (409 current)', async () => {
    vi.stubGlobal('fetch', async () =>
      respond(409, { error: { code: 'conflict', message: '版本已过期' }, current: { id: 1, version: 4 } }),
    )
    const e = await request('PATCH', '/projects/1', { body: {} }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(409)
    expect(e.code).toBe('conflict')
    expect(e.message).toBe('版本已过期')
    expect(e.body.current.version).toBe(4)
  })

  it('calls the unauthorized handler on 401', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    vi.stubGlobal('fetch', async () => respond(401, { error: { code: 'unauthenticated', message: 'token expired' } }))
    const e = await request('GET', '/projects').catch((x) => x)
    expect(e.status).toBe(401)
    expect(handler).toHaveBeenCalledOnce()
    setUnauthorizedHandler(() => {})
  })

  it('reads download file names', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E9%A1%B9%E7%9B%AE.xlsx", 'x')).toBe('项目.xlsx')
    expect(filenameFromDisposition('attachment; filename="projects.csv"', 'x')).toBe('projects.csv')
    expect(filenameFromDisposition(null, 'fallback.xlsx')).toBe('fallback.xlsx')
  })
})

describe('early GETs and idle (the first screen, issue 16)', () => {
  it('a prefetched GET is taken once by the same GET, a failed one asked again', async () => {
    const { api, prefetchGet } = await import('./api/http.js')
    const fetch = vi.fn(async () => respond(200, { items: [1] }))
    vi.stubGlobal('fetch', fetch)
    prefetchGet('/projects', { offset: 0, limit: 20 })
    prefetchGet('/projects', { offset: 0, limit: 20 })
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(await api.get('/projects', { offset: 0, limit: 20 })).toEqual({ items: [1] })
    expect(fetch).toHaveBeenCalledTimes(1)
    // Taken: the next one asks the server.
    await api.get('/projects', { offset: 0, limit: 20 })
    expect(fetch).toHaveBeenCalledTimes(2)
    // Other parameters are another request.
    prefetchGet('/projects', { offset: 20, limit: 20 })
    await api.get('/projects', { offset: 0, limit: 20 })
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/v1/projects?offset=0&limit=20', '/api/v1/projects?offset=0&limit=20', '/api/v1/projects?offset=20&limit=20', '/api/v1/projects?offset=0&limit=20'])

    const failing = vi.fn(async () => respond(500, { error: { code: 'internal' } }))
    vi.stubGlobal('fetch', failing)
    prefetchGet('/dictionaries')
    vi.stubGlobal('fetch', vi.fn(async () => respond(200, { ok: 1 })))
    expect(await api.get('/dictionaries')).toEqual({ ok: 1 })
  })

  it('idle() waits for the requests in flight, including those started in the same task', async () => {
    const { api, idle } = await import('./api/http.js')
    let release
    vi.stubGlobal('fetch', vi.fn(() => new Promise((r) => (release = () => r(respond(200, {}))))))
    const order = []
    const waited = idle().then(() => order.push('idle'))
    const got = api.get('/slow').then(() => order.push('answer'))
    await new Promise((r) => setTimeout(r, 20))
    expect(order).toEqual([])
    release()
    await Promise.all([waited, got])
    expect(order).toEqual(['answer', 'idle'])
  })
})
