// A city's ranking of its counties and 不适用 cells in a real browser: the city office sees the demo's
// county ranking and may set up a county scheme; a county office reads the city's published
// ranking and is not offered the county kind; a metric with nothing due shows 不适用.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, loginAs, screenshot, TODAY } from './harness.mjs'

let server
let browser

async function apiAs(user, method, path, body) {
  const r = await fetch(server.baseUrl + '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: user, password: 'demo1234' }) })
  const { token } = await r.json()
  const res = await fetch(server.baseUrl + '/api/v1' + path, { method, headers: { Authorization: `Bearer ${token}` }, body: body ? JSON.stringify(body) : undefined })
  return res.json()
}

async function pageAs(user, path) {
  const page = await newPage(browser)
  await loginAs(page, server.baseUrl, user)
  if (path) await page.goto(server.baseUrl + path)
  return page
}

// The last finished month before the pinned today.
function lastMonth() {
  const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCDate(0)
  return d.toISOString().slice(0, 7)
}

async function pickScheme(page, name) {
  await page.click('[data-test=scheme-select]')
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).click()
  await page.locator('[data-test=run-title]', { hasText: name }).waitFor()
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the city office sees its counties ranked and may set up a county scheme', async () => {
  const page = await pageAs('lcxmb', '/assessment/rankings')
  await page.locator('[data-test=scheme-select]').waitFor()
  await pickScheme(page, '聊城市县市区重点项目月度评比')
  const table = await page.locator('[data-test=run-table]').textContent()
  assert.match(table, /东阿县/)
  await screenshot(page, 'rankings-county')
  await page.click('[data-test=scheme-new]')
  await page.locator('[data-test=sc-subject-county]').waitFor()
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'rankings-county-dialog-390')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a county office reads the city ranking; its own dialog has no county kind; 不适用 cells', async () => {
  const scheme = await apiAs('dongezb', 'POST', '/ranking-schemes', {
    name: '销号评比（不适用）', region_code: '371524', subject_kind: 'town',
    metrics: [{ id: 'problems', kind: 'problems_closed_on_time', weight: 40, target: 1 }, { id: 'review', kind: 'manual', weight: 60, target: 100 }],
  })
  const detail = await apiAs('dongezb', 'GET', `/ranking-schemes/${scheme.id}`)
  const manual = Object.fromEntries(detail.subjects.filter((s) => s.projects > 0).map((s) => [s.name, { review: 80 }]))
  const run = await apiAs('dongezb', 'POST', `/ranking-schemes/${scheme.id}/runs`, { period: 'month', period_label: lastMonth(), manual })
  assert.ok(Array.isArray(run.entries), JSON.stringify(run))
  // In the demo's last finished month most towns had no problem come due: 不适用.
  const na = run.entries.filter((e) => e.not_applicable.length).length
  assert.ok(na > 0, JSON.stringify(run.entries))

  const page = await pageAs('dongezb', '/assessment/rankings')
  await page.locator('[data-test=scheme-select]').waitFor()
  await pickScheme(page, '聊城市县市区重点项目月度评比')
  assert.match(await page.locator('[data-test=run-table]').textContent(), /东阿县/)
  await pickScheme(page, '销号评比（不适用）')
  assert.equal(await page.locator('[data-test=not-applicable]').count(), na)
  assert.equal((await page.locator('[data-test=not-applicable]').first().textContent()).trim(), '不适用')
  await page.locator('[data-test=not-applicable-note]').waitFor()
  await screenshot(page, 'rankings-not-applicable')
  await page.click('[data-test=scheme-new]')
  await page.locator('[data-test=sc-subject-town]').waitFor()
  assert.equal(await page.locator('[data-test=sc-subject-county]').count(), 0)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
