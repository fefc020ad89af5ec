// Assessment in a real browser against the real server: three judges score an
// event (one on a phone), the organiser closes it, the ranking appears; the
// periodic rankings show movement, the red/yellow list and the trend chart.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, login, screenshot } from './harness.mjs'

let server
let browser
let eventId

async function apiAs(user, method, path, body) {
  const r = await fetch(server.baseUrl + '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: user, password: 'demo1234' }) })
  const { token } = await r.json()
  const res = await fetch(server.baseUrl + '/api/v1' + path, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  })
  return res.json()
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // The organiser sets up a score-sheet event with one project each from 冠县, 东阿县 and 高唐县.
  const nominations = []
  for (const county of ['371525', '371524', '371526']) {
    const list = await apiAs('lcxmb', 'GET', `/projects?region=${county}&limit=1`)
    nominations.push({ group: '县市区组', project_id: list.items[0].id })
  }
  const ev = await apiAs('lcxmb', 'POST', '/observations', {
    name: '浏览器测试观摩评议', region_code: '371500', start_date: '2026-11-20', end_date: '2026-11-21',
    groups: ['县市区组'], mode: 'sheet', judges: ['judge1', 'judge2', 'judge3'], nominations,
  })
  eventId = ev.id
  await apiAs('lcxmb', 'POST', `/observations/${eventId}/open`, { version: ev.version })
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

// Judge j gives every criterion of 冠县 90+j, 东阿县 85+j, 高唐县 80+j: with three judges the
// highest and lowest are dropped → 冠县 91, 东阿县 86, 高唐县 81.
const LEVEL = { 冠县: 90, 东阿县: 85, 高唐县: 80 }

async function scoreAs(judge, j, phone) {
  const page = await newPage(browser)
  if (phone) await page.setViewportSize({ width: 390, height: 844 })
  await login(page, server.baseUrl, judge)
  await page.waitForURL(/\/assessment\/observations/)
  await page.goto(`${server.baseUrl}/assessment/observations/${eventId}/score`)
  const cards = page.locator('[data-test=sheet-card]')
  await cards.first().waitFor()
  assert.equal(await cards.count(), 3)
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i)
    const county = (await card.locator('.county').textContent()).trim()
    const v = String(LEVEL[county] + j)
    for (const input of await card.locator('.rating input').all()) {
      await input.fill(v)
      await input.press('Tab')
    }
    assert.equal((await card.locator('[data-test=sheet-total]').textContent()).trim(), `${LEVEL[county] + j}.00`)
    await card.locator('[data-test=sheet-submit]').click()
    await card.locator('[data-test=sheet-done]').waitFor()
  }
  if (phone) {
    await screenshot(page, 'assessment-judge-phone')
    // Nothing wider than the phone: no sideways scrolling while scoring.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(wide <= 392, `page is ${wide}px wide on a 390px phone`)
  }
  assert.deepEqual(page.errors, [])
  await page.context().close()
}

test('three judges score (one on a phone)', async () => {
  await scoreAs('judge1', 0, true)
  await scoreAs('judge2', 1, false)
  await scoreAs('judge3', 2, false)
})

test('the organiser closes the event and the ranking appears', async () => {
  const page = await newPage(browser)
  await login(page, server.baseUrl, 'lcxmb')
  await page.waitForURL(/\/projects/)
  await page.click('[data-test="menu-assessment"]')
  await page.locator('[data-test=event-name]', { hasText: '浏览器测试观摩评议' }).click()
  await page.locator('[data-test=progress]').getByText('已提交 3 / 3').first().waitFor()
  await page.click('[data-test=event-close]')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.locator('[data-test=event-state]', { hasText: '已结束' }).waitFor()
  await page.locator('[data-test=results] .result-county').first().waitFor()
  const counties = await page.locator('[data-test=results] .result-county').allTextContents()
  assert.deepEqual(counties.map((c) => c.trim()), ['冠县', '东阿县', '高唐县'])
  const text = await page.locator('[data-test=results]').textContent()
  assert.match(text, /91\.00/)
  assert.match(text, /86\.00/)
  await page.locator('[data-test=ranking-chart] canvas').waitFor()
  await page.click('[data-test=event-publish]')
  await page.locator('[data-test=event-state]', { hasText: '已发布' }).waitFor()
  await screenshot(page, 'assessment-results')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('periodic rankings: movement, red/yellow list, trend, bulletin', async () => {
  const page = await newPage(browser)
  await login(page, server.baseUrl, 'dongezb')
  await page.waitForURL(/\/projects/)
  await page.goto(server.baseUrl + '/assessment/rankings')
  await page.locator('[data-test=run-table] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test=run-table] .el-table__row').count(), 11)
  const moves = await page.locator('[data-test=movement]').allTextContents()
  assert.ok(moves.every((m) => /^(↑\d+|↓\d+|—|新)$/.test(m.trim())), moves.join(' '))
  assert.ok((await page.locator('[data-test=warning-item]').count()) > 0)
  assert.match(await page.locator('[data-test=warning-list]').textContent(), /红牌/)
  await page.locator('[data-test=trend-chart] canvas').waitFor()
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=bulletin-xlsx]')])
  assert.match(dl.suggestedFilename(), /\.xlsx$/)
  await screenshot(page, 'assessment-rankings')
  // A new month: the hand-entered scores start from last month's; computed as a draft, then published.
  const last = (await page.locator('[data-test=periods] button').last().textContent()).trim()
  await page.click('[data-test=run-new]')
  const label = await page.inputValue('input[data-test=run-label]')
  assert.ok(label > last, `${label} follows ${last}`)
  await page.click('[data-test=run-compute]')
  await page.locator(`[data-test="period-${label}"]`).waitFor()
  await page.locator('[data-test=run-title]', { hasText: label }).waitFor()
  await page.click('[data-test=run-publish]')
  await page.locator('[data-test=run-publish]').waitFor({ state: 'detached' })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
