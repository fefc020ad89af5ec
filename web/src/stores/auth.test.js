import { describe, it, expect, vi, afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setUnauthorizedHandler } from '../api.js'
import { useAuthStore } from './auth.js'

function respond(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('auth store (the session is an HttpOnly cookie)', () => {
  it('asks /auth/me once at start, however many navigations wait for it', async () => {
    const fetch = vi.fn(async () => respond(200, { login: 'dongezb', session_id: 7, roles: [], permissions: [] }))
    vi.stubGlobal('fetch', fetch)
    const auth = useAuthStore()
    expect(auth.loggedIn).toBe(false)
    const [a, b] = await Promise.all([auth.restore(), auth.restore()])
    expect(a.login).toBe('dongezb')
    expect(b).toBe(a)
    await auth.restore()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(auth.loggedIn).toBe(true)
    expect(auth.sessionKey).toBe(7)
  })

  it('no session: signed out, without the unauthorized handler (the guard sends to /login)', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    vi.stubGlobal('fetch', async () => respond(401, { error: { code: 'unauthenticated', message: 'no session' } }))
    const auth = useAuthStore()
    expect(await auth.restore()).toBe(null)
    expect(auth.checked).toBe(true)
    expect(auth.loggedIn).toBe(false)
    expect(handler).not.toHaveBeenCalled()
    setUnauthorizedHandler(() => {})
  })

  it('log-in keeps the user, not the token; log-out forgets the user', async () => {
    const fetch = vi.fn(async (url) =>
      url === '/api/v1/auth/login' ? respond(200, { token: 'gj_secret', csrf_token: 'c', user: { login: 'dongezb', session_id: 8 } }) : respond(200, {}),
    )
    vi.stubGlobal('fetch', fetch)
    const auth = useAuthStore()
    await auth.login('dongezb', 'demo1234')
    expect(auth.loggedIn).toBe(true)
    expect(JSON.stringify(auth.$state)).not.toContain('gj_secret')
    expect(localStorage.length + sessionStorage.length).toBe(0)
    await auth.logout()
    expect(fetch.mock.calls.at(-1)[0]).toBe('/api/v1/auth/logout')
    expect(auth.loggedIn).toBe(false)
  })
})
