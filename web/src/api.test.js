import { describe, it, expect, vi, afterEach } from 'vitest'
import { request, queryString, filenameFromDisposition, setToken, setUnauthorizedHandler, ApiError } from './api.js'

function respond(status, body, headers = {}) {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setToken(null)
})

describe('api wrapper', () => {
  it('builds query strings without empties', () => {
    expect(queryString({ a: 1, b: '', c: null, d: '阿胶' })).toBe('?a=1&d=%E9%98%BF%E8%83%B6')
    expect(queryString({})).toBe('')
  })

  it('sends the bearer token and JSON', async () => {
    setToken('tok123')
    const fetch = vi.fn(async () => respond(200, { ok: true }))
    vi.stubGlobal('fetch', fetch)
    await request('PATCH', '/projects/1', { body: { version: 1 } })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/api/v1/projects/1')
    expect(init.headers.Authorization).toBe('Bearer tok123')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"version":1}')
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
