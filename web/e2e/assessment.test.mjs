// Assessment in a real browser against the real server: three judges score an
// event (one on a phone), the organiser closes it, the ranking appears; the
// periodic rankings show movement, the red/yellow list and the trend chart.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, login, loginAs, screenshot } from './harness.mjs'

let server
let browser
let eventId
// A period label as the app shows it (format.js formatPeriod): 2026-05 → 2026年5月, 2026-Q2 → 2026年第2季度.
const inWords = (label) =>
  label.replace(/^(\d{4})-Q(\d)$/, '$1年第$2季度').replace(/^(\d{4})-(\d{2})$/, (m, y, mm) => `${y}年${Number(mm)}月`).replace(/^(\d{4})$/, '$1年')

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

// Each criterion is marked out of its own points, as on paper (投资规模 30, 建设进度 30,
// 产业层次与科技含量 20, 综合效益 20). Judge j gives 冠县 26+j, 27, 17, 18 (= 88 + j), 东阿县
// 25+j, 25, 16, 17 (= 83 + j), 高唐县 24+j, 24, 15, 15 (= 78 + j): with three judges the highest
// and lowest totals are dropped → 冠县 89, 东阿县 84, 高唐县 79.
const POINTS = { 冠县: [26, 27, 17, 18], 东阿县: [25, 25, 16, 17], 高唐县: [24, 24, 15, 15] }
const CRITERIA = ['投资规模', '建设进度', '产业层次与科技含量', '综合效益']

async function scoreAs(judge, j, phone) {
  const page = await newPage(browser)
  if (phone) await page.setViewportSize({ width: 390, height: 844 })
  await login(page, server.baseUrl, judge)
  // A judge lands on its home page (工作台), which lists the events it scores.
  await page.waitForURL(/\/home/)
  await page.goto(`${server.baseUrl}/assessment/observations/${eventId}/score`)
  const cards = page.locator('[data-test=sheet-card]')
  await cards.first().waitFor()
  assert.equal(await cards.count(), 3)
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i)
    const county = (await card.locator('.county').textContent()).trim()
    // The label says what the criterion is worth; the running total is out of 100.
    assert.match(await card.textContent(), /投资规模（30分）/)
    assert.equal((await card.locator('[data-test=sheet-full]').textContent()).trim(), '100')
    const points = POINTS[county].map((p, k) => (k === 0 ? p + j : p))
    for (let k = 0; k < CRITERIA.length; k++) {
      const input = card.locator(`[data-test="points-${CRITERIA[k]}"] input`)
      await input.fill(String(points[k]))
      await input.press('Tab')
    }
    const sum = points.reduce((a, b) => a + b, 0)
    assert.equal((await card.locator('[data-test=sheet-total]').textContent()).trim(), String(sum))
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

/** A new page logged in as `user` (at their home page, or then at `path`). */
async function pageAs(user, path) {
  const page = await newPage(browser)
  await loginAs(page, server.baseUrl, user)
  if (path) await page.goto(server.baseUrl + path)
  return page
}

/** Types a metric's weight in the scheme dialog (Tab commits it). */
async function setWeight(page, row, value) {
  await page.fill(`[data-test=sc-weight-${row}] input`, value)
  await page.press(`[data-test=sc-weight-${row}] input`, 'Tab')
}

/** Saves the scheme dialog and waits for the scheme to be selected under its name. */
async function saveScheme(page, dialog, name) {
  await page.click('[data-test=sc-save]')
  await dialog.waitFor({ state: 'detached' })
  await page.locator('[data-test=scheme-select]', { hasText: name }).waitFor()
}

/** The county office's rankings, with the runs listed. */
async function rankingsPage() {
  const page = await pageAs('dongezb', '/assessment/rankings')
  await page.locator('[data-test=run-table] .el-table__row').first().waitFor()
  return page
}

test('three judges score (one on a phone)', async () => {
  await scoreAs('judge1', 0, true)
  await scoreAs('judge2', 1, false)
  await scoreAs('judge3', 2, false)
})

test('the organiser closes the event and the ranking appears', async () => {
  const page = await pageAs('lcxmb')
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
  assert.match(text, /89\.00/)
  assert.match(text, /84\.00/)
  assert.match(text, /79\.00/)
  await page.locator('[data-test=ranking-chart] canvas').waitFor()
  await page.click('[data-test=event-publish]')
  await page.locator('[data-test=event-state]', { hasText: '已发布' }).waitFor()
  // 导出Excel: the results as a workbook named after the event.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=results-export]')])
  assert.equal(download.suggestedFilename(), '浏览器测试观摩评议-评比结果.xlsx')
  await screenshot(page, 'assessment-results')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the organiser sets up an event: every problem at once, then saved as a draft', async () => {
  const page = await pageAs('lcxmb', '/assessment/observations')
  await page.click('[data-test=event-new]')
  await page.click('[data-test=ev-save]')
  await page.locator('[data-test=ev-problem]').first().waitFor()
  assert.ok((await page.locator('[data-test=ev-problem]').count()) >= 3, 'name, dates and judges are reported together')
  await page.fill('input[data-test=ev-name]', '界面新建观摩评议')
  const dates = page.locator('[data-test=event-dialog] .el-range-input')
  await dates.nth(0).fill('2026-12-01')
  await dates.nth(1).fill('2026-12-02')
  await dates.nth(1).press('Enter')
  await page.click('[data-test=ev-judges] .el-select__wrapper')
  for (const j of ['judge1', 'judge2', 'judge3']) await page.locator('.el-select-dropdown__item:visible', { hasText: j }).click()
  await page.keyboard.press('Escape')
  await page.click('[data-test=ev-project] .el-select__wrapper')
  await page.fill('[data-test=ev-project] input', '项目')
  await page.locator('.el-select-dropdown__item:visible', { hasText: ' · ' }).first().click()
  await page.locator('[data-test=ev-nominations] .el-table__row').first().waitFor()
  // Judges mark each criterion out of its points: the criteria must add up to 100.
  const weight = page.locator('[data-test=ev-weight-3] input')
  await weight.fill('10')
  await weight.press('Tab')
  assert.equal((await page.textContent('[data-test=ev-criteria-sum]')).trim(), '合计 90 分')
  await page.click('[data-test=ev-save]')
  await page.locator('[data-test=ev-problem]', { hasText: '各项分值合计须为 100 分（现为 90 分）' }).waitFor()
  await weight.fill('20')
  await weight.press('Tab')
  assert.equal((await page.textContent('[data-test=ev-criteria-sum]')).trim(), '合计 100 分')
  await screenshot(page, 'assessment-new-event')
  await page.click('[data-test=ev-save]')
  await page.waitForURL(/\/assessment\/observations\/\d+$/)
  await page.locator('[data-test=event-title]', { hasText: '界面新建观摩评议' }).waitFor()
  assert.equal((await page.textContent('[data-test=event-state]')).trim(), '筹备中')
  await page.locator('[data-test=event-open]').waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('periodic rankings: movement, red/yellow list, trend, bulletin', async () => {
  const page = await rankingsPage()
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
  const last = (await page.locator('[data-test=periods] button').last().getAttribute('data-test')).replace('period-', '')
  await page.click('[data-test=run-new]')
  const label = await page.inputValue('input[data-test=run-label]')
  assert.ok(label > last, `${label} follows ${last}`)
  await page.click('[data-test=run-compute]')
  await page.locator(`[data-test="period-${label}"]`).waitFor()
  await page.locator('[data-test=run-title]', { hasText: inWords(label) }).waitFor()
  await page.click('[data-test=run-publish]')
  await page.locator('[data-test=run-publish]').waitFor({ state: 'detached' })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the organiser edits a draft event: checks in Chinese, a stale version is refused, then saved', async () => {
  const page = await pageAs('lcxmb', '/assessment/observations')
  await page.locator('[data-test=event-name]', { hasText: '界面新建观摩评议' }).click()
  await page.locator('[data-test=event-title]', { hasText: '界面新建观摩评议' }).waitFor()
  const id = Number(page.url().match(/observations\/(\d+)/)[1])
  await page.click('[data-test=event-edit]')
  const dialog = page.locator('[data-test=event-dialog]')
  await dialog.locator('.el-dialog__title', { hasText: '编辑观摩评议' }).waitFor()
  assert.equal(await page.inputValue('input[data-test=ev-name]'), '界面新建观摩评议')
  assert.equal(await dialog.locator('[data-test=ev-nominations] .el-table__row').count(), 1)
  // Checked before sending, in Chinese.
  await page.fill('input[data-test=ev-name]', '')
  await page.click('[data-test=ev-save]')
  await page.locator('[data-test=ev-problem]', { hasText: '请填写活动名称' }).waitFor()
  // Someone else changes the event meanwhile: saving the old version is refused (409).
  const current = await apiAs('lcxmb', 'GET', `/observations/${id}`)
  const other = await apiAs('lcxmb', 'PATCH', `/observations/${id}`, { version: current.version, end_date: '2026-12-03' })
  assert.equal(other.version, current.version + 1)
  await page.fill('input[data-test=ev-name]', '界面修改观摩评议')
  await page.click('[data-test=ev-save]')
  await page.locator('[data-test=ev-problem]', { hasText: '已被他人修改' }).waitFor()
  await page.keyboard.press('Escape') // closes the shared conflict dialog, then the form
  await page.locator('[data-test=conflict-dialog]').waitFor({ state: 'hidden' })
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  // Reload, edit again: saved as a new version, still a draft.
  await page.reload()
  await page.locator('[data-test=event-title]', { hasText: '界面新建观摩评议' }).waitFor()
  await page.click('[data-test=event-edit]')
  await page.fill('input[data-test=ev-name]', '界面修改观摩评议')
  await screenshot(page, 'assessment-edit-event')
  await page.click('[data-test=ev-save]')
  await page.locator('[data-test=event-title]', { hasText: '界面修改观摩评议' }).waitFor()
  assert.equal((await page.textContent('[data-test=event-state]')).trim(), '筹备中')
  const saved = await apiAs('lcxmb', 'GET', `/observations/${id}`)
  assert.equal(saved.name, '界面修改观摩评议')
  assert.equal(saved.end_date, '2026-12-03')
  assert.equal(saved.version, current.version + 2)
  // Once open, there is nothing to edit.
  await page.click('[data-test=event-open]')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.locator('[data-test=event-state]', { hasText: '评议中' }).waitFor()
  assert.equal(await page.locator('[data-test=event-edit]').count(), 0)
  const refused = await apiAs('lcxmb', 'PATCH', `/observations/${id}`, { version: saved.version + 1, name: 'x' })
  assert.match(refused.error.message, /rule observation\.draft_only/)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a ranking scheme set up in the dialog: problems beside the fields, then a first run', async () => {
  const page = await rankingsPage()
  await page.click('[data-test=scheme-new]')
  const dialog = page.locator('[data-test=scheme-dialog]')
  await dialog.waitFor()
  // Start rate, investment rate and reports on time come preset; add a manual score.
  assert.equal(await dialog.locator('[data-test=sc-metrics] .el-table__row').count(), 3)
  await page.click('[data-test=sc-add-metric]')
  await setWeight(page, 0, '0')
  await page.click('[data-test=sc-save]')
  // The server's problems, in Chinese, beside their fields: the name is required, a weight must be > 0.
  await dialog.locator('.el-form-item__error', { hasText: '必填' }).waitFor()
  await dialog.locator('[data-test=sc-cell-error]', { hasText: '必须大于 0' }).waitFor()
  await screenshot(page, 'assessment-new-scheme-problems')
  await page.fill('input[data-test=sc-name]', '浏览器测试镇街评比')
  await setWeight(page, 0, '40')
  await setWeight(page, 3, '20')
  await saveScheme(page, dialog, '浏览器测试镇街评比')
  // The first run: every town is listed for the manual score; the rest is computed.
  await page.click('[data-test=run-new]')
  const run = page.locator('[data-test=run-dialog]')
  await run.waitFor()
  assert.match(await run.locator('[data-test=run-computed]').textContent(), /按时报送率（督查数据自动计算）/)
  const inputs = run.locator('.el-input-number input')
  const n = await inputs.count()
  assert.ok(n >= 11, `${n} towns to score`)
  for (let i = 0; i < n; i++) {
    await inputs.nth(i).fill(String(70 + i))
    await inputs.nth(i).press('Tab')
  }
  const label = await page.inputValue('input[data-test=run-label]')
  assert.match(label, /^\d{4}-\d{2}$/)
  await page.click('[data-test=run-compute]')
  await run.waitFor({ state: 'detached' })
  await page.locator('[data-test=run-title]', { hasText: `浏览器测试镇街评比 · ${inWords(label)}` }).waitFor()
  assert.equal(await page.locator('[data-test=run-table] .el-table__row').count(), n)
  const head = await page.locator('[data-test=run-table] .el-table__header').textContent()
  for (const col of ['开工率', '投资完成率', '按时报送率', '评议得分']) assert.ok(head.includes(col), `${col} in ${head}`)
  await page.locator('[data-test=trend-chart] canvas').waitFor()
  await screenshot(page, 'assessment-new-scheme-run')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the scheme is edited (a run already computed keeps its columns), then archived', async () => {
  const page = await rankingsPage()
  await page.click('[data-test=scheme-select]')
  await page.locator('.el-select-dropdown__item', { hasText: '浏览器测试镇街评比' }).click()
  await page.locator('[data-test=run-title]', { hasText: '浏览器测试镇街评比' }).waitFor()
  await page.click('[data-test=scheme-edit]')
  const dialog = page.locator('[data-test=scheme-dialog]')
  await dialog.waitFor()
  assert.equal(await page.inputValue('input[data-test=sc-name]'), '浏览器测试镇街评比')
  assert.equal(await dialog.locator('[data-test=sc-metrics] .el-table__row').count(), 4)
  // Drop 投资完成率 (the second row), give its weight to 开工率, rename.
  await dialog.locator('[data-test=sc-metrics] .el-table__row').nth(1).locator('button').last().click()
  assert.equal(await dialog.locator('[data-test=sc-metrics] .el-table__row').count(), 3)
  await setWeight(page, 0, '70')
  await page.fill('input[data-test=sc-name]', '浏览器测试镇街评比（修订）')
  await saveScheme(page, dialog, '浏览器测试镇街评比（修订）')
  // The run computed before the edit still shows the metric it was scored on.
  const head = await page.locator('[data-test=run-table] .el-table__header').textContent()
  assert.ok(head.includes('投资完成率'), head)
  // Archive: confirmed, then gone from the list; shown again with 含已归档, marked and read-only.
  await page.click('[data-test=scheme-archive]')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.locator('.el-message', { hasText: '评比方案已归档' }).waitFor()
  await page.click('[data-test=scheme-select]')
  const options = await page.locator('.el-select-dropdown__item:visible').allTextContents()
  assert.ok(!options.some((o) => o.includes('（修订）')), options.join(' | '))
  await page.keyboard.press('Escape')
  await page.click('[data-test=scheme-show-archived]')
  await page.click('[data-test=scheme-select]')
  await page.locator('.el-select-dropdown__item', { hasText: '［已归档］' }).click()
  await page.locator('[data-test=scheme-archived]').waitFor()
  assert.equal(await page.locator('[data-test=run-new]').count(), 0)
  assert.equal(await page.locator('[data-test=scheme-edit]').count(), 0)
  await page.locator('[data-test=run-table] .el-table__row').first().waitFor()
  await screenshot(page, 'assessment-archived-scheme')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
