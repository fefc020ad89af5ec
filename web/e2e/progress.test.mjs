// Supervision screens against the real server on demo data: a unit files and
// submits its weekly report and the project office approves it; a project
// turns red once the as-of date is three months past its planned start; the
// targets page shows the seeds' targets; the bulletin downloads.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, screenshot, TODAY, addDays } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

async function apiGet(path) {
  return page.evaluate(async (p) => {
    const res = await fetch('/api/v1' + p) // the session cookie, as the app's own reads
    return res.json()
  }, path)
}

test('a unit submits its weekly report, the project office approves it', async () => {
  await loginAs(page, server.baseUrl, 'unit')
  const pending = await apiGet('/reports?region=371524&status=pending')
  const mine = pending.items.find((r) => r.unit_name === '工业和信息化局' && r.due_date >= TODAY)
  assert.ok(mine, 'the unit has an open pending report')
  await page.click('[data-test=menu-supervision]')
  await page.click('[data-test=tab-reports]')
  await page.waitForURL(/\/supervision\/reports/)
  await page.click(`[data-test=open-${mine.project_code}]`)

  await page.locator('[data-test=f-investment_period]').fill('120.5')
  // The year's cumulative figure continues from the last filed report.
  const history = await apiGet(`/projects/${mine.project_id}/reports`)
  const filed = Math.max(0, ...history.items.filter((r) => r.status === 'approved' || r.status === 'submitted').map((r) => r.investment_year))
  await page.locator('[data-test=f-investment_year]').fill(String(Math.ceil(filed / 10000) + 200))
  await page.locator('[data-test=f-src-enterprise]').fill('100')
  await page.locator('[data-test=f-src-bank_loan]').fill('20.5')
  await page.locator('[data-test=f-visual_progress]').fill('主体结构封顶，设备基础施工中')
  await screenshot(page, 'supervision-report-form')
  await page.locator('[data-test=report-submit]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=report-status]').textContent.includes('已提交'))
  const stored = await apiGet('/reports/' + mine.id)
  assert.equal(stored.status, 'submitted')
  assert.equal(stored.investment_period, 1205000)
  assert.equal(stored.by_source.bank_loan, 205000)
  // The unit may not review its own report: no approve button for it.
  assert.equal(await page.locator('[data-test=report-approve]').count(), 0)
  await page.keyboard.press('Escape')

  await loginAs(page, server.baseUrl, 'dongezb')
  await page.goto(server.baseUrl + '/supervision/reports?region=371524&status=submitted')
  await page.click(`[data-test=open-${mine.project_code}]`)
  await page.locator('[data-test=report-approve]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=report-status]').textContent.includes('已审核'))
  await screenshot(page, 'supervision-report-approved')
  assert.equal((await apiGet('/reports/' + mine.id)).status, 'approved')
  await page.keyboard.press('Escape')
})

test('a project turns red when the as-of date passes its planned start by three months', async () => {
  const list = await apiGet('/projects?region=371524&stage=signed&track=implementation&limit=100')
  const p = list.items.find((x) => x.planned_start && !x.actual_start && x.kind === 'new')
  assert.ok(p, 'an implementation project not yet started')
  const before = addDays(p.planned_start, -1)
  await page.goto(`${server.baseUrl}/supervision/lights?region=371524&as_of=${before}&q=${p.code}`)
  const tag = page.locator(`[data-test=light-${p.code}]`)
  await tag.waitFor()
  assert.notEqual((await tag.textContent()).trim(), '红灯')
  const later = addDays(p.planned_start, 100)
  const picker = page.locator('[data-test=lights] .toolbar .el-date-editor input')
  await picker.fill(later)
  await picker.press('Enter')
  await page.waitForFunction((code) => {
    const el = document.querySelector(`[data-test=light-${code}]`)
    return el && el.textContent.includes('红灯')
  }, p.code)
  await page.locator('[data-test=lights-table] .el-table__expand-icon').first().click()
  const reasons = page.locator(`[data-test=reasons-${p.code}]`)
  await reasons.waitFor()
  assert.match(await reasons.textContent(), /逾期3个月以上未开工/)
  await screenshot(page, 'supervision-lights-red')
})

test('the lights dashboard, targets and the bulletin download', async () => {
  await page.goto(`${server.baseUrl}/supervision/lights?region=371524`)
  await page.locator('[data-test=count-red]').waitFor()
  await screenshot(page, 'supervision-lights')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=bulletin-pdf]')])
  assert.match(download.suggestedFilename(), /调度通报-371524-\d{4}-W\d{2}\.pdf/)
  await page.click('[data-test=tab-targets]')
  await page.waitForURL(/\/supervision\/targets/)
  await page.locator('[data-test^=target-status-]').first().waitFor()
  const text = await page.textContent('[data-test=targets]')
  assert.match(text, /6月30日前新开工项目开工率达到60%/)
  assert.match(text, /“420”/)
  await screenshot(page, 'supervision-targets')
  assert.deepEqual(page.errors, [])
})

test('a reused photo: the report dialog warns in Chinese naming the other report', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  const open = (await apiGet('/reports?region=371524&status=pending')).items.filter((r) => r.due_date >= TODAY)
  const [first, second] = [open[0], open.find((r) => r.project_id !== open[0].project_id)]
  assert.ok(first && second, 'two open reports of different projects')
  for (const r of [first, second]) {
    const status = await page.evaluate(async (id) => {
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('e2e reused photo'), 0xff, 0xd9])
      const res = await fetch(`/api/v1/reports/${id}/photos?filename=site.jpg`, {
        method: 'POST',
        // The session cookie goes by itself; a write repeats the csrf of the gj_csrf cookie.
        headers: { 'X-CSRF-Token': /(?:^|;\s*)gj_csrf=([^;]*)/.exec(document.cookie)[1], 'Content-Type': 'image/jpeg' },
        body: bytes,
      })
      return res.status
    }, r.id)
    assert.equal(status, 201)
  }
  await page.goto(server.baseUrl + '/supervision/reports?region=371524&status=pending')
  await page.click(`[data-test=open-${second.project_code}]`)
  const [, year, week] = /^(\d{4})-W(\d+)$/.exec(first.period)
  const expected = `照片 site.jpg 与${first.project_name} ${year}年第${Number(week)}周 报送的照片相同`
  await page.waitForFunction((text) => (document.querySelector('[data-test=report-warnings]')?.textContent || '').includes(text), expected)
  await screenshot(page, 'supervision-report-photo-reused')
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator('[data-test=report-warnings]').scrollIntoViewIfNeeded()
  await screenshot(page, 'supervision-report-photo-reused-phone')
  await page.setViewportSize(size)
  await page.keyboard.press('Escape')
})
