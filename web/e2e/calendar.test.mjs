// The calendar in the browser (issue 10): the app's "today" is the server's (GONGJIAN_NOW pins it,
// whatever the machine's clock says), and each screen with a period shows the right one on that
// day. scripts/test.sh runs this file again at the calendar's hard days (a Sunday, the year's last
// and first days, ISO week 1, a leap day).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, login, screenshot, TODAY, addDays, pageGet } from './harness.mjs'
import { isoWeekKey } from '../../tests/integration/clock.mjs'

let server, browser, office, leader

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  office = await newPage(browser)
  leader = await newPage(browser)
  await login(office, server.baseUrl, 'dongezb')
  await office.waitForURL(/\/home/)
  await login(leader, server.baseUrl, 'leader')
  await leader.waitForURL(/\/home/)
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

const apiGet = pageGet

test('the app takes today from the server: the lights open as of the pinned day', async () => {
  assert.equal((await apiGet(office, '/clock')).today, TODAY)
  await office.goto(`${server.baseUrl}/supervision/lights?region=371524`)
  const asOf = office.locator('[data-test=lights] .toolbar .el-date-editor input').first()
  await asOf.waitFor()
  assert.equal(await asOf.inputValue(), TODAY)
  assert.deepEqual(office.errors, [])
})

test('the reports open on the running week; its reports are open, a past week\'s are closed', async () => {
  await office.goto(`${server.baseUrl}/supervision/reports?region=371524`)
  // The period picker keeps the key (data-period) and shows it in words (2026年第25周).
  const period = office.locator('[data-test=reports-period]')
  await office.waitForFunction(() => document.querySelector('[data-test=reports-period]')?.dataset.period)
  assert.equal(await period.getAttribute('data-period'), isoWeekKey(TODAY))
  // A report of the running week: due on or after today (a Sunday still belongs to its week).
  const running = await apiGet(office, `/reports?region=371524&period=${isoWeekKey(TODAY)}&status=pending`)
  const open = running.items[0]
  assert.ok(open && open.due_date >= TODAY, `a pending report of ${isoWeekKey(TODAY)} due on or after ${TODAY}`)
  await office.click(`[data-test=open-${open.project_code}]`)
  await office.locator('[data-test=report-form]').waitFor()
  assert.equal(await office.locator('[data-test=report-dialog] .el-alert', { hasText: '报告期已截止' }).count(), 0)
  assert.equal(await office.locator('[data-test=report-reopen]').count(), 0)
  await office.waitForTimeout(400) // the dialog's fade-in
  await screenshot(office, 'calendar-report-running-week')
  await office.keyboard.press('Escape')
  // Two weeks back the period has closed: the office is offered to reopen a report never filed.
  const past = isoWeekKey(addDays(TODAY, -14))
  const missed = (await apiGet(office, `/reports?region=371524&period=${past}&status=pending`)).items[0]
  assert.ok(missed && missed.due_date < TODAY, `a report of ${past} was never filed`)
  await office.goto(`${server.baseUrl}/supervision/reports?region=371524&period=${past}&status=pending`)
  await office.click(`[data-test=open-${missed.project_code}]`)
  await office.locator('[data-test=report-dialog] .el-alert', { hasText: '报告期已截止' }).waitFor()
  await office.locator('[data-test=report-reopen]').waitFor()
  assert.deepEqual(office.errors, [])
})

test('a visit logged on the leader page is dated today and settles this week\'s visit', async () => {
  await leader.goto(`${server.baseUrl}/supervision?tab=leader`)
  const due = leader.locator('[data-test=visits-due]')
  await due.waitFor()
  const page = await apiGet(leader, '/leader')
  assert.equal(Number(await due.textContent()), page.visits_due.length)
  const project = page.projects.find((p) => p.visit_due)
  assert.ok(project, 'a project of the leader still owes this week\'s visit')
  await leader.click(`[data-test=log-visit-${project.id}]`)
  await leader.fill('[data-test=visit-notes]', '现场办公，协调施工用电')
  await leader.click('[data-test=visit-submit]')
  await leader.waitForFunction((n) => Number(document.querySelector('[data-test=visits-due]').textContent) === n, page.visits_due.length - 1)
  const after = await apiGet(leader, '/leader')
  const visit = after.recent_visits.find((v) => v.project_id === project.id && v.notes === '现场办公，协调施工用电')
  assert.ok(visit, 'the visit is among the recent ones')
  assert.equal(visit.visit_date, TODAY)
  assert.equal(after.projects.find((p) => p.id === project.id).visit_due, false)
  assert.deepEqual(leader.errors, [])
})
