// Shared set-up of the browser tests: start the real server on a demo
// database, launch Debian's chromium through playwright-core, log in.
//
// GONGJIAN_BIN   server binary (default ../build/gongjian from web/)
// GONGJIAN_URL   use an already running server instead (e.g. scripts/mock-api.mjs)
// GONGJIAN_DEMO_CACHE   copy the demo database from there once built (tests/integration/server.mjs)
// GONGJIAN_E2E_RESULTS  where screenshots go (default web/test-results)
import { before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
// Pins GONGJIAN_NOW (the product's one clock) for the demo and the server this harness starts;
// the app in the browser takes its "today" from that server.
import { NOW, TODAY, addDays } from '../../tests/integration/clock.mjs'
// The demo database, copied from GONGJIAN_DEMO_CACHE when scripts/test.sh has built it once already.
import { writeDemo } from '../../tests/integration/server.mjs'

export { NOW, TODAY, addDays }

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Screenshots; scripts/test.sh gives each hard day its own folder (the days run side by side).
export const RESULTS_DIR = process.env.GONGJIAN_E2E_RESULTS || path.join(WEB_DIR, 'test-results')

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitHealthy(baseUrl, child, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(baseUrl + '/healthz')
      if (res.ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not become healthy at ' + baseUrl)
}

/**
 * Starts `gongjian serve` on a fresh demo database, or on `db` when given (e.g. one made by
 * initDatabase; the server's clock is the pinned GONGJIAN_NOW either way); returns { baseUrl, stop }.
 */
export async function startServer({ db: given } = {}) {
  if (process.env.GONGJIAN_URL) {
    const baseUrl = process.env.GONGJIAN_URL.replace(/\/$/, '')
    await waitHealthy(baseUrl, null, 5000)
    return { baseUrl, stop: async () => {} }
  }
  const bin = path.resolve(WEB_DIR, process.env.GONGJIAN_BIN || '../build/gongjian')
  if (!fs.existsSync(bin)) throw new Error(`server binary not found: ${bin} (set GONGJIAN_BIN)`)
  const dist = path.join(WEB_DIR, 'dist')
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first')
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-e2e-'))
  const db = given || path.join(tmp, 'demo.db')
  if (!given) writeDemo(bin, db)
  const port = await freePort()
  const log = fs.openSync(path.join(tmp, 'server.log'), 'w')
  const child = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--web', dist], {
    stdio: ['ignore', log, log],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  try {
    await waitHealthy(baseUrl, child)
  } catch (e) {
    child.kill('SIGTERM')
    throw new Error(`${e.message}\n${fs.readFileSync(path.join(tmp, 'server.log'), 'utf8').slice(-2000)}`, { cause: e })
  }
  return {
    baseUrl,
    tmp,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
      fs.closeSync(log)
      fs.rmSync(tmp, { recursive: true, force: true })
    },
  }
}

/**
 * A new database from `gongjian init --region REGION --admin ADMIN --password-stdin` (a real county
 * from an empty database, as README's quick start), in a folder of its own; returns its path.
 */
export function initDatabase({ region, admin, password }) {
  const bin = path.resolve(WEB_DIR, process.env.GONGJIAN_BIN || '../build/gongjian')
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-init-')), 'county.db')
  const r = spawnSync(bin, ['init', '--db', db, '--region', region, '--admin', admin, '--password-stdin'], {
    encoding: 'utf8',
    input: password + '\n',
  })
  if (r.status !== 0) throw new Error(`init failed (${r.status ?? r.signal}): ${r.stderr}`)
  return db
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  })
}

/** A new page at 1440×900, with browser console errors collected in page.errors. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(e.message))
  // Generous: scripts/test.sh runs browser files side by side on two cores, often next to a compiler,
  // and a first load of the app then takes seconds. A wait only lasts this long when a test fails.
  page.setDefaultTimeout(30000)
  return page
}

/**
 * A call to the API in `page`'s session, as the app makes it: the session cookie (HttpOnly, sent by
 * the browser) and, for a write, X-CSRF-Token from the gj_csrf cookie. { status, body } (body
 * parsed when JSON).
 */
export async function pageApi(page, method, path, body) {
  return page.evaluate(
    async ([m, p, b]) => {
      const headers = { 'Content-Type': 'application/json' }
      const csrf = /(?:^|;\s*)gj_csrf=([^;]*)/.exec(document.cookie)
      if (csrf && m !== 'GET') headers['X-CSRF-Token'] = decodeURIComponent(csrf[1])
      const res = await fetch('/api/v1' + p, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b), credentials: 'same-origin' })
      const text = await res.text()
      let parsed = text
      try {
        parsed = JSON.parse(text)
      } catch {
        // not JSON: the text as it came
      }
      return { status: res.status, body: parsed }
    },
    [method, path, body],
  )
}

/**
 * The session token of `page`'s log-in (the HttpOnly gj_session cookie, which the page's scripts
 * cannot read but the test can): a Bearer token for calls from the test itself; null when none.
 */
export async function sessionToken(page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'gj_session')
  return cookie ? cookie.value : null
}

/** GET in `page`'s session: the parsed body. */
export async function pageGet(page, path) {
  return (await pageApi(page, 'GET', path)).body
}

/**
 * Logs in through the login form. A session still open in the page's browser context is dropped
 * first (signOut): with a live session cookie the app would leave the login page for the home page.
 */
export async function login(page, baseUrl, user = 'dongezb', password = 'demo1234') {
  await signOut(page, baseUrl)
  await page.fill('[data-test=login-user]', user)
  await page.fill('[data-test=login-password]', password)
  await page.click('[data-test=login-submit]')
}

/** Logs in and waits for the landing page (the role's home page, 工作台, unless told). */
export async function loginAs(page, baseUrl, user = 'dongezb', landing = /\/home/) {
  await login(page, baseUrl, user)
  await page.waitForURL(landing)
}

/**
 * The first log-in of an account whose password must be changed (made by `gongjian init`, or by an
 * admin): logs in with `first`, is sent to the forced password page, sets `chosen` there and waits
 * for the landing page (an org.admin whose first-run checklist is not complete lands on it, 上线清单;
 * others on the project list).
 */
export async function firstLogin(page, baseUrl, user, first, chosen, landing = /\/projects|\/admin\/setup/) {
  await login(page, baseUrl, user, first)
  await page.waitForURL(/\/password/)
  await page.locator('[data-test=forced-password]').waitFor()
  for (const [field, value] of [['pw-old', first], ['pw-new', chosen], ['pw-again', chosen]]) {
    await page.fill(`[data-test=${field}] input, input[data-test=${field}]`, value)
  }
  await page.click('[data-test=pw-submit]')
  await page.waitForURL(landing)
}

/**
 * Ends `page`'s session without the header's button (which a print view or a half-loaded page may
 * not have): the browser context's cookies are dropped, the app is loaded afresh at /login, and
 * the login form itself is waited for (the app first asks /auth/me who is signed in).
 */
export async function signOut(page, baseUrl) {
  await page.context().clearCookies()
  await page.goto(baseUrl + '/login')
  await page.locator('[data-test=login-user] input, input[data-test=login-user]').first().waitFor()
}

/** Logs out through the header's button and waits for the login page. */
export async function logout(page) {
  await page.click('[data-test=logout]')
  await page.waitForURL(/\/login/)
}

/** Logs `user` in, checks that none of `menus` (menu paths, e.g. 'admin/units') is offered, logs out. */
export async function assertNoMenus(page, baseUrl, menus, user = 'dongezb') {
  await loginAs(page, baseUrl, user)
  await page.locator('[data-test=menu-projects]').waitFor()
  for (const menu of menus) assert.equal(await page.locator(`[data-test="menu-${menu}"]`).count(), 0, menu)
  await logout(page)
}

/** Opens a page through its menu entry (a path, e.g. 'admin/units') and waits for `ready` (a selector). */
export async function openMenu(page, menu, ready) {
  await page.click(`[data-test="menu-${menu}"]`)
  await page.locator(ready).waitFor()
}

/**
 * The set-up of a browser test file: registers before/after hooks that start the server and the
 * browser, open one page per entry of `pages` (name → login to log in as, or null for a page left
 * at about:blank) and close everything after the file. `ready` receives { server, browser, …pages }
 * once they are up (node:test does not wait for one root `before` hook before starting the next).
 */
export function browserSuite(pages = { page: null }, ready = () => {}) {
  const suite = {}
  before(async () => {
    suite.server = await startServer()
    suite.browser = await launchBrowser()
    for (const [name, user] of Object.entries(pages)) {
      suite[name] = await newPage(suite.browser)
      if (user) await loginAs(suite[name], suite.server.baseUrl, user)
    }
    ready(suite)
  })
  after(async () => {
    if (suite.browser) await suite.browser.close()
    if (suite.server) await suite.server.stop()
  })
  return suite
}

/** Opens an Element Plus select and picks the option with this text. */
export async function pickOption(page, selectSelector, text) {
  await page.click(`${selectSelector} .el-select__wrapper`)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

export async function screenshot(page, name) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, name + '.png')
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Photographs `page` at desktop width (<name>-1440) and at phone width (<name>-390), and returns to desktop. */
export async function screenshotBoth(page, name) {
  await screenshot(page, `${name}-1440`)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, `${name}-390`)
  await page.setViewportSize({ width: 1440, height: 900 })
}
