// Chinese everywhere (issue 13): every demo role visits every page it may open (its menu, the
// account page and one project, problem and observation event by id), every tab of it, and the
// visible text holds no Latin word outside a short allow list (units, file formats, codes people
// type). A wrong log-in and a refused form (422) read in Chinese too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite, login, screenshot, pageApi, signOut as endSession } from './harness.mjs'

// GONGJIAN_E2E_ROLES=dongezb,unit walks fewer roles (while fixing what the walk finds).
const ROLES = (process.env.GONGJIAN_E2E_ROLES || 'admin,lcxmb,dongezb,guanxmb,leader,unit,viewer,judge1').split(',')

// Latin words a Chinese screen may show: units, file formats, the language switch, and the shapes
// of codes people type or read off documents (project codes, credit codes, region codes).
const ALLOWED = [
  /^(km|m|MB|KB|GB|kWh|kV|kW|MW|tce|mu)$/i,
  /^(PDF|Excel|xlsx|xls|CSV|JSON|JPEG|JPG|PNG|WebP|ZIP|API|URL|ID|GDP)$/i,
  /^English$/,
  /^[A-Z]$/, // the land-efficiency classes A–D, list markers
  /^[A-Z0-9]{2,}[-_]?[A-Z0-9-]*\d[A-Z0-9-]*$/, // upper-case codes with digits: project codes, credit codes
]

// The demo logins (typed by people, shown as such on the account pages).
const LOGINS = /^(admin|lcxmb|dongezb|guanxmb|gtxmb|ygxmb|leader|unit|viewer|judge\d)$/
const PAGE_ALLOWED = { 'admin/accounts': LOGINS, account: LOGINS }

// Pages listed in the router: [path, name]; a path with :id is visited with a demo id.
const ROUTER = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/router.js'), 'utf8')
const ROUTES = [...ROUTER.matchAll(/\['([^']+)',\s*'([^']+)',\s*\(\)\s*=>/g)].map((m) => m[1])

/**
 * The Latin words of a text that are not allowed (URLs and e-mail addresses dropped first), and the
 * period keys the API uses (2026-W25, 2026-Q4), which people read as 2026年第25周 / 2026年第4季度.
 */
export function latinWords(text, extra = null) {
  const s = String(text)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
  const periods = s.match(/\b\d{4}-[WQ]\d{1,2}\b/g) || []
  const words = s.match(/[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*/g)
  const latin = (words || []).filter((w) => /[A-Za-z].*[A-Za-z]/.test(w) && !ALLOWED.some((re) => re.test(w)) && !(extra && extra.test(w)))
  return [...new Set([...latin, ...periods])]
}

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

async function api(p) {
  const res = await pageApi(page, 'GET', p)
  return res.status === 200 ? res.body : null
}

// Loaded: no request of the app in flight and no loading mask, for a moment (a page may poll, so
// the browser's "network idle" is not waited for).
async function settle() {
  await page.waitForTimeout(250)
  await page
    .waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent !== null), null, { timeout: 8000 })
    .catch(() => {})
  await page.waitForTimeout(150)
}

/** Opens a page inside the running app (its router: no reload of the bundle). */
async function open(p) {
  const pushed = await page.evaluate(async (to) => {
    const app = document.querySelector('#app') && document.querySelector('#app').__vue_app__
    if (!app) return false
    await app.config.globalProperties.$router.push(to)
    return true
  }, '/' + p)
  if (!pushed) await page.goto(`${server.baseUrl}/${p}`)
}

/** The visible text of the page and of each of its tabs. */
async function visibleTexts() {
  await settle()
  const texts = [await page.evaluate(() => document.body.innerText)]
  const tabs = page.locator('.el-tabs__item:not(.is-disabled)')
  const n = await tabs.count()
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i)
    if (!(await tab.isVisible())) continue
    await tab.click({ timeout: 3000 }).catch(() => {})
    await settle()
    texts.push(await page.evaluate(() => document.body.innerText))
  }
  return texts.join('\n')
}

async function pagesOf(user) {
  const menus = await page.locator('[data-test^="menu-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test').slice(5)))
  // Its menu, the pages reached through tabs of a menu page (supervision/*, assessment/*), the
  // account page; admin pages only when the menu offers them.
  const readsProjects = menus.includes('projects')
  const out = new Set(
    ROUTES.filter((r) => !r.includes(':') && (menus.includes(r) || (!r.startsWith('admin/') && (readsProjects || r.startsWith('assessment/'))))),
  )
  out.add('account')
  const projects = await api('/projects?limit=1')
  if (projects && projects.items && projects.items.length) out.add(`projects/${projects.items[0].id}`)
  const problems = await api('/problems?limit=1')
  if (problems && problems.items && problems.items.length) out.add(`supervision/problems/${problems.items[0].id}`)
  // One object by id of each 双招双引 / 链长制 page the role may read.
  const leads = menus.includes('attraction') && (await api('/leads?limit=1'))
  const lead = leads && (leads.items || leads)[0]
  if (lead) out.add(`attraction/leads/${lead.id}`)
  const chains = menus.includes('chains') && (await api('/chains'))
  const chain = chains && (chains.items || chains)[0]
  if (chain) out.add(`chains/${chain.id}`)
  const companies = menus.includes('enterprises') && (await api('/enterprises?limit=1'))
  const company = companies && (companies.items || companies)[0]
  if (company) out.add(`enterprises/${company.credit_code}`)
  const events = await api('/observations')
  const list = events && (events.items || events)
  if (Array.isArray(list) && list.length) {
    out.add(`assessment/observations/${list[0].id}`)
    if (user.startsWith('judge')) out.add(`assessment/observations/${list[0].id}/score`)
  }
  return [...out]
}

/**
 * Ends the session (the cookies dropped, the app loaded afresh) and waits for the login form itself:
 * a wait for the /login URL alone let the next fill race the app's own /auth/me check.
 */
async function signOut() {
  await endSession(page, server.baseUrl)
}

// Every page of the walk is also opened at phone width (390 × 844): its text must read in Chinese
// there too, and the page must not scroll sideways (wide tables scroll inside themselves or turn
// into cards). GONGJIAN_E2E_SHOTS=1 photographs each page at desktop (1440) and phone width into
// the results directory as <user>__<page>__{desktop,phone}.png, to be looked at.
const PHONE = { width: 390, height: 844 }
async function atPhone(user, p) {
  const name = `${user}__${p.replace(/\//g, '_')}`
  if (process.env.GONGJIAN_E2E_SHOTS) await screenshot(page, `${name}__desktop`)
  const size = page.viewportSize()
  await page.setViewportSize(PHONE)
  await settle()
  const wide = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.querySelector('.el-main')?.scrollWidth || 0))
  const words = latinWords(await page.evaluate(() => document.body.innerText), PAGE_ALLOWED[p])
  if (process.env.GONGJIAN_E2E_SHOTS) await screenshot(page, `${name}__phone`)
  await page.setViewportSize(size)
  return { wide, words }
}

test('every page of every demo role reads in Chinese, at desktop and phone width, and fits a phone', async () => {
  const found = []
  for (const user of ROLES) {
    await signOut()
    await login(page, server.baseUrl, user)
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    for (const p of await pagesOf(user)) {
      const started = Date.now()
      await open(p)
      const words = latinWords(await visibleTexts(), PAGE_ALLOWED[p])
      const phone = await atPhone(user, p)
      if (words.length) found.push(`${user} /${p}: ${words.join(', ')}`)
      if (phone.words.length) found.push(`${user} /${p} (phone): ${phone.words.join(', ')}`)
      if (phone.wide > PHONE.width) found.push(`${user} /${p} (phone): the page is ${phone.wide}px wide`)
      console.log(`# ${user} /${p} ${Date.now() - started} ms${words.length ? ': ' + words.join(', ') : ''}`)
    }
  }
  assert.deepEqual(found, [], 'Latin words on Chinese screens, or pages wider than a phone:\n' + found.join('\n'))
})

test('a wrong log-in reads 账号或密码错误', async () => {
  await signOut()
  await login(page, server.baseUrl, 'dongezb', 'not-the-password')
  const text = (await page.locator('[data-test=login-error]').innerText()).trim()
  assert.equal(text, '账号或密码错误')
})

test('a form the server refuses (422) says why in Chinese', async () => {
  await signOut()
  await login(page, server.baseUrl, 'dongezb')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.goto(server.baseUrl + '/supervision/settings')
  await page.click('#tab-escalation')
  await page.locator('[data-test=escalation-steps]').waitFor()
  // The second step before the first: the server refuses, naming the step.
  const second = page.locator('[data-test=step-days-1] input')
  await second.fill('0')
  await second.blur()
  await page.click('[data-test=escalation-save]')
  const error = page.locator('[data-test=escalation-error]')
  await error.waitFor()
  await screenshot(page, 'chinese_text_422')
  const shown = (await page.locator('[data-test=escalation]').innerText()).trim()
  assert.match(await error.innerText(), /[\u4e00-\u9fff]/)
  assert.match(await page.textContent('[data-test=step-error-1]'), /须大于上一级的天数/)
  assert.deepEqual(latinWords(shown), [], shown)
})
