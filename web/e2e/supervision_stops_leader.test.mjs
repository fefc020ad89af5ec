// Stop/resume requests on a project page (the unit asks, the project office decides, the light
// shows the stop), a monthly investment plan moving the schedule of the investment rule, the
// leader page with each project's light (the office picks a leader), and an overdue problem
// climbing the escalation ladder into a 包保 leader's attention list.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, pickOption, screenshot, pageGet } from './harness.mjs'

let server, office, unit, leader
browserSuite({ office: 'dongezb', unit: 'unit', leader: 'leader' }, (s) => ({ server, office, unit, leader } = s))

const apiGet = pageGet

async function openSupervisionTab(page, projectId) {
  await page.goto(`${server.baseUrl}/projects/${projectId}`)
  await page.click('#tab-supervision')
  await page.locator('[data-test=project-light]').waitFor()
  await page.locator('[data-test=stops]').waitFor()
}

test('the unit requests a stop, the office approves it, the light shows it; then a resume', async () => {
  const list = await apiGet(unit, '/projects?limit=100&stage=started')
  let project = null
  for (const p of list.items.filter((x) => x.unit_name === '工业和信息化局')) {
    if (!(await apiGet(unit, `/projects/${p.id}/stops`)).stopped) {
      project = p
      break
    }
  }
  assert.ok(project, 'the unit leads a started project that is not stopped')
  await openSupervisionTab(unit, project.id)
  await unit.click('[data-test=stop-request-stop]')
  await unit.fill('[data-test=stop-reason]', '汛期河道施工暂停')
  await unit.click('[data-test=stop-submit]')
  await unit.locator('[data-test=stops-table] .el-table__row', { hasText: '汛期河道施工暂停' }).waitFor()
  // The requester cannot decide their own request.
  assert.equal(await unit.locator('[data-test^=stop-decide-]').count(), 0)

  await openSupervisionTab(office, project.id)
  await office.locator('[data-test^=stop-decide-]').first().click()
  await office.fill('[data-test=stop-note]', '同意停工，整改完成后申请复工')
  await office.click('[data-test=stop-approve]')
  await office.locator('[data-test=stop-in-force]').waitFor()
  await office.locator('[data-test=project-light]', { hasText: '停工：汛期河道施工暂停' }).waitFor()
  await office.waitForTimeout(600) // tags fade in
  await screenshot(office, 'supervision-stop-approved')
  const light = await apiGet(office, `/projects/${project.id}/light`)
  assert.ok(light.reasons.some((r) => r.rule === 'stopped'))
  // The lights page lists the reason too.
  await office.goto(`${server.baseUrl}/supervision/lights?q=${encodeURIComponent(project.code)}`)
  await office.locator('.el-table__row', { hasText: '停工：汛期河道施工暂停' }).first().waitFor()

  // Stopped: the next request the unit is offered is a resume.
  await openSupervisionTab(unit, project.id)
  await unit.click('[data-test=stop-request-resume]')
  await unit.fill('[data-test=stop-reason]', '汛期结束，恢复施工')
  await unit.click('[data-test=stop-submit]')
  await unit.locator('[data-test=stops-table] .el-table__row', { hasText: '汛期结束，恢复施工' }).waitFor()
  assert.deepEqual([...office.errors, ...unit.errors], [])
})

test('the leader page shows each project’s light; the office picks a leader', async () => {
  await leader.goto(server.baseUrl + '/supervision?tab=leader')
  await leader.locator('[data-test=leader-projects] .el-table__row').first().waitFor()
  await leader.locator('[data-test^=leader-light-]').first().waitFor()
  const page = await apiGet(leader, '/leader')
  assert.ok(page.projects.every((p) => ['red', 'yellow', 'green'].includes(p.light)))
  const red = page.projects.find((p) => p.light === 'red')
  assert.ok(red, 'one of 王海涛’s projects is red')
  await leader.locator(`[data-test=leader-light-${red.code}]`, { hasText: '红灯' }).waitFor()
  await leader.waitForTimeout(600)
  await screenshot(leader, 'supervision-leader-lights')

  await office.goto(server.baseUrl + '/supervision?tab=leader')
  await pickOption(office, '[data-test=leader-pick]', '王海涛')
  await office.locator(`[data-test=leader-light-${red.code}]`).waitFor()
  assert.equal(await office.locator('[data-test=leader-projects] .el-table__row').count(), page.projects.length)
  // The office logs an onsite visit for the leader it looks at.
  await office.click(`[data-test=log-visit-${page.projects[0].id}]`)
  await office.fill('[data-test=visit-notes]', '项目办代记：现场调度设备进场')
  await office.click('[data-test=visit-submit]')
  await office.locator('.el-table__row', { hasText: '项目办代记：现场调度设备进场' }).waitFor()
  const after = await apiGet(office, `/leader?person=${page.person_id}`)
  assert.equal(after.recent_visits[0].notes, '项目办代记：现场调度设备进场')
  assert.deepEqual([...office.errors, ...leader.errors], [])
})

test('an overdue problem reaches a 包保 leader’s attention list once it climbs to 联系县领导', async () => {
  // Demo problem “电力增容…” is 40 days overdue on a project 王海涛 is assigned to; 赵志刚 verifies it.
  const att = await apiGet(leader, '/attention')
  const escalated = att.items.find((i) => i.kind === 'escalated')
  assert.ok(escalated, 'an escalated item')
  assert.equal(escalated.escalation.label_zh, '县主要领导')
  assert.equal(escalated.read, false)
  await leader.goto(server.baseUrl + '/supervision?tab=attention')
  const row = leader.locator('[data-test=attention-item]', { hasText: escalated.title })
  await row.locator('[data-test=attention-escalation]', { hasText: '县主要领导' }).waitFor()
  await leader.waitForTimeout(600)
  await screenshot(leader, 'supervision-attention-escalated')
  await row.click()
  await leader.waitForURL(/\/supervision\/problems\/\d+/)
  const after = await apiGet(leader, '/attention')
  assert.equal(after.items.find((i) => i.key === escalated.key).read, true)
  assert.deepEqual(leader.errors, [])
})

test('a monthly plan that front-loads the year turns a project behind its schedule red', async () => {
  const lights = await apiGet(office, '/lights?region=371524&light=yellow&limit=0')
  const pick = lights.items.find(
    (l) => l.reasons.length === 1 && l.reasons[0].rule === 'investment' && l.completion_percent !== null && l.completion_percent < 65,
  )
  assert.ok(pick, 'a project yellow for its investment alone')
  const project = await apiGet(office, `/projects/${pick.project_id}`)
  await openSupervisionTab(office, pick.project_id)
  await office.locator('[data-test=project-light-yellow]').waitFor()
  await office.click('[data-test=mplan-edit]')
  // The whole annual plan in January: by now 序时进度 is 100 %.
  const wan = (project.annual_plan / 10000).toString()
  await office.fill('[data-test=mplan-m1]', wan)
  for (let m = 2; m <= 12; m++) await office.fill(`[data-test=mplan-m${m}]`, '0')
  await office.locator('[data-test=mplan-total]:not(.off)').waitFor()
  await office.click('[data-test=mplan-save]')
  await office.locator('[data-test=project-light-red]').waitFor()
  const light = await apiGet(office, `/projects/${pick.project_id}/light`)
  assert.equal(light.schedule_percent, 100)
  assert.match(light.reasons[0].text, /落后序时进度/)
  // A plan that does not add up to the annual plan is refused, saying so in Chinese with both sums.
  await office.click('[data-test=mplan-edit]')
  await office.fill('[data-test=mplan-m2]', '1')
  await office.locator('[data-test=mplan-total].off').waitFor()
  await office.click('[data-test=mplan-save]')
  await office.locator('.el-message--error', { hasText: /各月合计 [0-9,.]+ 万元，与年度计划投资 [0-9,.]+ 万元不一致/ }).waitFor()
  await office.waitForTimeout(600)
  await screenshot(office, 'supervision-monthly-plan')
  assert.deepEqual(office.errors, [])
})

test('the office keeps this period’s lights, reads them back, and downloads a monthly bulletin', async () => {
  await office.goto(`${server.baseUrl}/supervision/lights?region=371524`)
  await office.locator('[data-test=count-red]').waitFor()
  await office.click('[data-test=snapshot-keep]')
  const kept = await office.locator('.el-message--success', { hasText: '已留存' }).textContent()
  const words = /已留存 (\S+)（/.exec(kept)[1] // the period in words (2026年第25周)
  await office.click('[data-test=snapshot-view]')
  await office.fill('[data-test=snapshot-period] input', words)
  await office.keyboard.press('Enter')
  const period = await office.locator('[data-test=snapshot-period]').getAttribute('data-period')
  assert.match(period, /^\d{4}-(W\d{2}|\d{2})$/)
  await office.click('[data-test=snapshot-load]')
  await office.locator('[data-test=snapshot-table] .el-table__row').first().waitFor()
  const snap = await apiGet(office, `/lights/snapshots?region=371524&period=${period}`)
  const dash = await apiGet(office, '/lights/dashboard?region=371524')
  assert.equal(snap.items.filter((i) => i.light === 'red').length, dash.counts.red)
  await office.waitForTimeout(600)
  await screenshot(office, 'supervision-light-snapshot')
  await office.keyboard.press('Escape')
  // A month's bulletin: the period is typed.
  const month = snap.as_of.slice(0, 7)
  await office.fill('[data-test=bulletin-period] input', month)
  await office.keyboard.press('Enter')
  const [dl] = await Promise.all([office.waitForEvent('download'), office.click('[data-test=bulletin-xlsx]')])
  assert.match(dl.suggestedFilename(), new RegExp(`调度通报-371524-${month}\\.xlsx`))
  assert.deepEqual(office.errors, [])
})
