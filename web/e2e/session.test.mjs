// The browser keeps its session where page scripts cannot read it (issue 14, item 4): after a log-in
// neither localStorage nor sessionStorage holds a token and document.cookie has no gj_session (it
// is HttpOnly); a reload keeps the session (the app asks /auth/me); a write from the page carries
// the csrf; logging out ends the session and the cookies.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, logout, pageApi, sessionToken } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

// Everything page scripts can read of the session.
async function readable() {
  return page.evaluate(() => {
    const dump = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]))
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie }
  })
}

test('after log-in no token is readable by page scripts; the session cookie is HttpOnly and SameSite=Strict', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  const token = await sessionToken(page)
  assert.match(token, /^gj_[0-9a-f]{64}$/)
  const seen = await readable()
  const all = JSON.stringify(seen)
  assert.ok(!all.includes(token), `the token is readable: ${all}`)
  assert.ok(!/gj_[0-9a-f]{64}/.test(JSON.stringify([seen.local, seen.session])), all)
  assert.doesNotMatch(seen.cookie, /gj_session/)
  assert.match(seen.cookie, /gj_csrf=[0-9a-f]{64}/)
  const cookie = (await page.context().cookies()).find((c) => c.name === 'gj_session')
  assert.equal(cookie.httpOnly, true)
  assert.equal(cookie.sameSite, 'Strict')
  assert.equal(cookie.path, '/api/')
})

test('a reload keeps the session; the page\'s own writes carry the csrf', async () => {
  await page.reload()
  await page.locator('[data-test=logout]').waitFor()
  assert.doesNotMatch(page.url(), /\/login/)
  const me = await pageApi(page, 'GET', '/auth/me')
  assert.equal(me.status, 200)
  assert.equal(me.body.login, 'dongezb')
  // A write with the cookie and X-CSRF-Token (pageApi sends it as the app does) works; without it, 403.
  const made = await pageApi(page, 'POST', '/auth/tokens', { name: 'from the page' })
  assert.equal(made.status, 201, JSON.stringify(made.body))
  const bare = await page.evaluate(async () => {
    const res = await fetch('/api/v1/auth/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"no csrf"}' })
    return { status: res.status, body: await res.json() }
  })
  assert.equal(bare.status, 403)
  assert.equal(bare.body.error.code, 'csrf_failed')
  // A deep link opened in a new tab of the same browser is signed in too.
  await page.goto(server.baseUrl + '/account')
  await page.locator('[data-test=logout]').waitFor()
  assert.doesNotMatch(page.url(), /\/login/)
})

test('logout ends the session: the cookies are gone and a reload stays at the login page', async () => {
  const token = await sessionToken(page)
  await logout(page)
  assert.equal(await sessionToken(page), null)
  assert.doesNotMatch((await readable()).cookie, /gj_csrf=[0-9a-f]/)
  const after = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })
  assert.equal(after.status, 401, 'the session is revoked on the server')
  await page.goto(server.baseUrl + '/projects')
  await page.waitForURL(/\/login\?redirect=/)
  await page.locator('[data-test=login-user]').waitFor()
  assert.deepEqual(page.errors, [])
})
