// The rules and assignments of the supervision, edited in a real browser against the real server
// on demo data: the project office changes a light rule and a project's light follows; a bad rule
// is refused with the message under its field; targets are created, edited (a stale edit is
// refused and the latest can be loaded) and archived; a 包保 leader is added and removed; the
// procedure guides and the escalation ladder are edited; the map is coloured by the lights.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, pickOption, screenshot, addDays, pageApi } from './harness.mjs'

const COUNTY = '371524'
let server, page
browserSuite({ page: 'dongezb' }, (s) => ({ server, page } = s))

const api = (method, path, body) => pageApi(page, method, path, body)
const apiGet = async (path) => (await api('GET', path)).body

const lightTag = (code) => page.locator(`[data-test=light-${code}]`)

async function lightsPage(asOf, code) {
  await page.goto(`${server.baseUrl}/supervision/lights?region=${COUNTY}&as_of=${asOf}&q=${code}`)
  await lightTag(code).waitFor()
  return (await lightTag(code).textContent()).trim()
}

test('a bad light rule is refused under its field; a shorter start rule turns a late project red', async () => {
  // A project 45 days past its planned start, not started and not red under the rules in force.
  const rules = (await apiGet(`/supervision/settings?region=${COUNTY}`)).light_rules
  assert.ok(rules.start_red_months > 1, 'the demo county turns a late start red after more than a month')
  const list = await apiGet(`/projects?region=${COUNTY}&track=implementation&limit=100`)
  let p = null
  let asOf = ''
  for (const x of list.items.filter((y) => y.planned_start && !y.actual_start && y.kind === 'new')) {
    const at = addDays(x.planned_start, 45)
    const l = await apiGet(`/projects/${x.id}/light?as_of=${at}`)
    if (l.light !== 'red') {
      p = x
      asOf = at
      break
    }
  }
  assert.ok(p, 'a late project that is not red')
  assert.notEqual(await lightsPage(asOf, p.code), '红灯')

  await page.click('[data-test=tab-sup-settings]')
  await page.waitForURL(/\/supervision\/settings/)
  await page.locator('[data-test=rules-form]').waitFor()
  const months = page.locator('[data-test=r-start_red_months] input')
  assert.equal(await months.inputValue(), String(rules.start_red_months))
  await screenshot(page, 'supervision-settings-lights')

  // Red below yellow: refused, the reason under the red field, nothing stored.
  const red = page.locator('[data-test=r-lag_red_points] input')
  await red.fill(String(Math.max(0, rules.lag_yellow_points - 5)))
  await red.press('Tab')
  await page.click('[data-test=rules-save]')
  const redItem = page.locator('.el-form-item', { has: page.locator('[data-test=r-lag_red_points]') })
  await redItem.locator('.el-form-item__error').waitFor()
  assert.match(await redItem.locator('.el-form-item__error').textContent(), /红灯阈值不能低于黄灯阈值/)
  await page.locator('[data-test=rules-error]').waitFor()
  await screenshot(page, 'supervision-settings-invalid')
  const unchanged = await apiGet(`/supervision/settings?region=${COUNTY}`)
  assert.deepEqual(unchanged.light_rules, rules)

  await page.click('[data-test=rules-reset]')
  await months.fill('1')
  await months.press('Tab')
  await page.click('[data-test=rules-save]')
  await page.locator('.el-message--success').waitFor()
  const after = await apiGet(`/supervision/settings?region=${COUNTY}`)
  assert.equal(after.light_rules.start_red_months, 1)
  assert.equal(after.light_rules.lag_red_points, rules.lag_red_points)
  assert.equal(after.version, unchanged.version + 1)

  assert.equal(await lightsPage(asOf, p.code), '红灯')
  const light = await apiGet(`/projects/${p.id}/light?as_of=${asOf}`)
  assert.ok(light.reasons.some((r) => r.rule === 'start' && r.light === 'red'))

  // A stale save (someone else saved meanwhile) is refused and the latest rules are shown.
  await page.goto(`${server.baseUrl}/supervision/settings?tab=lights&region=${COUNTY}`)
  await page.locator('[data-test=rules-form]').waitFor()
  const other = await api('PUT', `/supervision/settings?region=${COUNTY}`, { version: after.version, light_rules: { ...after.light_rules, start_red_months: 2 }, report_policy: after.report_policy })
  assert.equal(other.status, 200)
  await page.click('[data-test=rules-save]')
  await page.locator('[data-test=rules-error]', { hasText: '已被他人修改' }).waitFor()
  await page.click('[data-test=conflict-reload]') // the shared conflict dialog loads the latest rules
  await page.locator('[data-test=conflict-dialog]').waitFor({ state: 'hidden' })
  assert.equal(await months.inputValue(), '2')
  assert.deepEqual(page.errors, [])
})

test('switching to the Wuhan preset judges investment by share of the schedule', async () => {
  await page.goto(`${server.baseUrl}/supervision/settings?tab=lights&region=${COUNTY}`)
  await page.locator('[data-test=rules-form]').waitFor()
  await page.click('[data-test=preset-wuhan]')
  await page.click('[data-test=rules-save]')
  await page.locator('.el-message--success').last().waitFor()
  const s = await apiGet(`/supervision/settings?region=${COUNTY}`)
  assert.equal(s.light_rules.preset, 'wuhan')
  assert.equal(s.light_rules.lag_mode, 'share')
  await page.locator('[data-test=r-share_red]').waitFor()
  assert.equal(Number(await page.locator('[data-test=r-share_red] input').inputValue()), Math.round(s.light_rules.share_red * 100))
  const dash = await apiGet(`/lights/dashboard?region=${COUNTY}`)
  assert.equal(dash.preset, 'wuhan')
})

test('the report policy: monthly with a due day out of range is refused under the field', async () => {
  await page.goto(`${server.baseUrl}/supervision/settings?tab=lights&region=${COUNTY}`)
  await page.locator('[data-test=rules-form]').waitFor()
  await page.click('[data-test=p-frequency] label:nth-child(2)')
  const day = page.locator('[data-test=p-due_day] input')
  await day.fill('31')
  await day.press('Tab')
  await page.click('[data-test=rules-save]')
  const item = page.locator('.el-form-item', { has: page.locator('[data-test=p-due_day]') })
  await item.locator('.el-form-item__error').waitFor()
  assert.match(await item.locator('.el-form-item__error').textContent(), /1 至 28/)
  await day.fill('5')
  await day.press('Tab')
  await page.click('[data-test=rules-save]')
  await page.locator('.el-message--success').last().waitFor()
  const s = await apiGet(`/supervision/settings?region=${COUNTY}`)
  assert.deepEqual([s.report_policy.frequency, s.report_policy.due_day], ['month', 5])
})

test('the report calendar: the county\'s holidays and make-up days show; its rest-day rule is kept', async () => {
  await page.goto(`${server.baseUrl}/supervision/settings?tab=lights&region=${COUNTY}`)
  await page.locator('[data-test=rules-form]').waitFor()
  const count = (sel) => page.locator(`${sel} .suffix`)
  // The demo county keeps the State Council's 2026 schedule: 33 days off, 6 weekend days worked.
  assert.equal((await count('[data-test=p-holidays]').textContent()).trim(), '共 33 天')
  assert.equal((await count('[data-test=p-workdays]').textContent()).trim(), '共 6 天')
  await pickOption(page, '[data-test=p-rest_day_rule]', '提前至上一个工作日')
  await page.locator('[data-test=p-workdays]').scrollIntoViewIfNeeded()
  await screenshot(page, 'supervision-report-calendar')
  await page.click('[data-test=rules-save]')
  await page.locator('.el-message--success').last().waitFor()
  const s = await apiGet(`/supervision/settings?region=${COUNTY}`)
  assert.equal(s.report_policy.rest_day_rule, 'previous_workday')
  assert.equal(s.report_policy.holidays.length, 33)
  assert.ok(s.report_policy.workdays.includes('2026-10-10'))
  // A Thursday is no make-up working day: refused, nothing changed.
  const bad = await api('PUT', `/supervision/settings?region=${COUNTY}`, { version: s.version, report_policy: { workdays: ['2026-10-08'] } })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.error.details[0].field, 'report_policy.workdays')
  assert.equal((await apiGet(`/supervision/settings?region=${COUNTY}`)).version, s.version)
})

test('the office creates a target, edits it, meets a stale edit, and archives it', async () => {
  const name = '工业项目开工率（测试）' + Date.now()
  await page.goto(`${server.baseUrl}/supervision/targets?region=${COUNTY}`)
  await page.locator('[data-test=targets]').waitFor()
  await page.click('[data-test=target-add]')
  await page.locator('[data-test=target-form]').waitFor()
  // Nothing filled: every required field says so, nothing is sent.
  await page.click('[data-test=tf-save]')
  await page.locator('[data-test=target-form] .el-form-item__error').first().waitFor()
  assert.ok((await page.locator('[data-test=target-form] .el-form-item__error').count()) >= 2)
  await page.fill('[data-test=tf-name]', name)
  await page.fill('[data-test=tf-threshold]', '50')
  await pickOption(page, '[data-test=tf-categories]', '工业')
  await page.click('[data-test=tf-name]') // closes the dropdown (Escape would close the dialog)
  const deadline = page.locator('[data-test=target-form] .el-date-editor input')
  await deadline.fill('2026-09-30')
  await deadline.press('Enter')
  await screenshot(page, 'supervision-target-dialog')
  await page.click('[data-test=tf-save]')
  await page.locator('.el-message--success').waitFor()

  let mine = (await apiGet(`/targets?region=${COUNTY}`)).items.find((x) => x.name === name)
  assert.ok(mine, 'the new target is listed')
  assert.deepEqual([mine.metric, mine.comparator, mine.threshold, mine.deadline, mine.categories], ['start_rate', '>=', 0.5, '2026-09-30', ['industrial']])
  const card = page.locator(`[data-test=target-${mine.id}]`)
  await card.waitFor()
  assert.match(await card.textContent(), /50\.0%/)
  assert.match(await page.textContent(`[data-test=target-scope-${mine.id}]`), /工业/)
  // The card shows the server's figures for the new set.
  assert.match(await card.textContent(), new RegExp(`${mine.numerator} / ${mine.denominator}`))

  // Edit: threshold 40 %.
  await page.click(`[data-test=target-edit-${mine.id}]`)
  await page.locator('[data-test=tf-threshold]').fill('40')
  await page.click('[data-test=tf-save]')
  await page.locator('[data-test=target-dialog]').waitFor({ state: 'hidden' })
  const edited = (await apiGet(`/targets?region=${COUNTY}`)).items.find((x) => x.id === mine.id)
  assert.equal(edited.threshold, 0.4)
  assert.equal(edited.version, mine.version + 1)
  await card.locator('text=40.0%').waitFor()

  // Someone else renames it meanwhile; the edit on the old version is refused, the latest loads.
  const other = await api('PATCH', `/targets/${mine.id}`, { version: edited.version, name: name + '（改）' })
  assert.equal(other.status, 200)
  await page.click(`[data-test=target-edit-${mine.id}]`)
  await page.locator('[data-test=tf-threshold]').fill('45')
  await page.click('[data-test=tf-save]')
  await page.locator('[data-test=target-error]', { hasText: '已被他人修改' }).waitFor()
  assert.equal((await apiGet(`/targets/${mine.id}`)).threshold, 0.4)
  await page.click('[data-test=target-reload]')
  await page.locator('[data-test=target-error]').waitFor({ state: 'hidden' })
  assert.equal(await page.locator('[data-test=tf-name]').inputValue(), name + '（改）')
  await page.locator('[data-test=tf-threshold]').fill('45')
  await page.click('[data-test=tf-save]')
  await page.locator('[data-test=target-dialog]').waitFor({ state: 'hidden' })
  mine = await apiGet(`/targets/${mine.id}`)
  assert.deepEqual([mine.name, mine.threshold], [name + '（改）', 0.45])
  await screenshot(page, 'supervision-targets-edited')

  // Archive.
  await page.click(`[data-test=target-archive-${mine.id}]`)
  await page.click('.el-message-box .el-button--primary')
  await card.waitFor({ state: 'detached' })
  assert.ok(!(await apiGet(`/targets?region=${COUNTY}`)).items.some((x) => x.id === mine.id))
  assert.deepEqual(page.errors, [])
})

test('the office adds a 包保 leader to a project and removes it again', async () => {
  const project = (await apiGet(`/projects?region=${COUNTY}&limit=1`)).items[0]
  const before = await apiGet(`/projects/${project.id}/responsibility`)
  const taken = new Set(before.leaders.map((l) => l.person_id))
  const leader = (await apiGet(`/people?region=${COUNTY}&kind=leader`)).items.find((x) => !taken.has(x.id))
  assert.ok(leader, 'a leader not yet on the project')

  await page.goto(`${server.baseUrl}/projects/${project.id}`)
  await page.click('#tab-supervision')
  await page.locator('[data-test=resp-leaders]').waitFor()
  assert.equal(await page.locator('[data-test^=resp-leader-]').count(), before.leaders.length)
  await page.click('[data-test=resp-add]')
  await pickOption(page, '[data-test=resp-pick]', leader.name)
  await page.click('[data-test=resp-assign]')
  await page.locator(`[data-test=resp-leader-${leader.id}]`).waitFor()
  const after = await apiGet(`/projects/${project.id}/responsibility`)
  assert.ok(after.leaders.some((l) => l.person_id === leader.id && !l.primary))
  assert.equal(after.leaders.length, before.leaders.length + 1)
  // The new leader's page lists the project.
  const page2 = await apiGet(`/leader?person=${leader.id}`)
  assert.ok(JSON.stringify(page2).includes(project.code))
  await page.waitForTimeout(400) // tags fade in
  await screenshot(page, 'supervision-responsibility')

  // The primary leader cannot be removed here; an added one can.
  const primary = before.leaders.find((l) => l.primary)
  if (primary) assert.equal(await page.locator(`[data-test=resp-leader-${primary.person_id}] .el-tag__close`).count(), 0)
  await page.click(`[data-test=resp-leader-${leader.id}] .el-tag__close`)
  await page.click('.el-message-box .el-button--primary')
  await page.locator(`[data-test=resp-leader-${leader.id}]`).waitFor({ state: 'detached' })
  const back = await apiGet(`/projects/${project.id}/responsibility`)
  assert.deepEqual(back.leaders.map((l) => l.person_id).sort(), before.leaders.map((l) => l.person_id).sort())
  assert.deepEqual(page.errors, [])
})

test('procedure kinds: the office edits a guide and adds a kind; projects show it', async () => {
  await page.goto(`${server.baseUrl}/supervision/settings?tab=procedures`)
  await page.locator('.pkind-row').first().waitFor()
  const kinds = await apiGet('/procedure-kinds')
  const k = kinds[0]
  await page.click(`[data-test=pkind-edit-${k.code}]`)
  await page.fill('[data-test=pk-phone]', '0635-3281234')
  await page.fill('[data-test=pk-office]', '政务服务中心 1 楼 综合窗口')
  await page.click('[data-test=pk-save]')
  await page.locator('[data-test=pkind-form]').waitFor({ state: 'hidden' })
  const changed = (await apiGet('/procedure-kinds')).find((x) => x.code === k.code)
  assert.deepEqual([changed.guide.phone, changed.guide.office, changed.label_zh], ['0635-3281234', '政务服务中心 1 楼 综合窗口', k.label_zh])

  // A bad code is named under the field; a good one is added.
  await page.click('[data-test=pkind-add]')
  await page.fill('[data-test=pk-code]', 'Fire Review')
  await page.fill('[data-test=pk-label_zh]', '消防设计审查')
  await page.click('[data-test=pk-save]')
  const codeItem = page.locator('.el-form-item', { has: page.locator('[data-test=pk-code]') })
  await codeItem.locator('.el-form-item__error').waitFor()
  await page.fill('[data-test=pk-code]', 'fire_review')
  await page.fill('[data-test=pk-handling_unit]', '住房和城乡建设局')
  await page.fill('[data-test=pk-documents]', '消防设计文件；施工图审查合格书')
  await page.click('[data-test=pk-required]') // not required before the start: the lights stay as they are
  await page.click('[data-test=pk-save]')
  await page.locator('[data-test=pkind-form]').waitFor({ state: 'hidden' })
  await page.locator('.pkind-row', { hasText: '消防设计审查' }).waitFor()
  await page.waitForTimeout(500) // the dialog fades out
  const added = (await apiGet('/procedure-kinds')).find((x) => x.code === 'fire_review')
  assert.deepEqual([added.label_zh, added.required_for_start, added.guide.handling_unit], ['消防设计审查', false, '住房和城乡建设局'])
  await screenshot(page, 'supervision-settings-procedures')
  const procs = await apiGet('/projects/1/procedures')
  assert.ok(procs.items.some((x) => x.kind === 'fire_review'), 'the project checklist has the new kind')
})

test('escalation and visit rule: a ladder out of order is refused per row; a good one is kept', async () => {
  await page.goto(`${server.baseUrl}/supervision/settings?tab=escalation`)
  await page.locator('[data-test=escalation-steps] .el-table__row').first().waitFor()
  const before = await apiGet('/supervision/config')
  assert.ok(before.escalation.length >= 2)
  const second = page.locator('[data-test=step-days-1] input')
  await second.fill('0')
  await second.press('Tab')
  await page.click('[data-test=escalation-save]')
  await page.locator('[data-test=step-error-1]').waitFor()
  assert.match(await page.textContent('[data-test=step-error-1]'), /须大于上一级的天数/)
  assert.deepEqual((await apiGet('/supervision/config')).escalation, before.escalation)
  await screenshot(page, 'supervision-settings-escalation')
  await second.fill(String(before.escalation[1].after_days + 1))
  await second.press('Tab')
  const win = page.locator('[data-test=visit-window] input')
  await win.fill('14')
  await win.press('Tab')
  await page.click('[data-test=escalation-save]')
  await page.locator('.el-message--success').last().waitFor()
  const after = await apiGet('/supervision/config')
  assert.equal(after.escalation[1].after_days, before.escalation[1].after_days + 1)
  assert.equal(after.visit_rule.window_days, 14)
  assert.deepEqual(page.errors, [])
})

test('the map is coloured by each project’s warning light', async () => {
  const map = await apiGet(`/map?region=${COUNTY}`)
  const lights = await apiGet(`/lights?region=${COUNTY}&limit=0`)
  const byId = new Map(lights.items.map((l) => [l.project_id, l.light]))
  assert.ok(map.items.length > 0)
  for (const p of map.items) assert.equal(p.light, byId.get(p.id), `project ${p.code}`)
  // A light other than green carries its reasons, for the tooltip.
  for (const p of map.items) if (p.light !== 'green') assert.ok(p.reasons.length > 0, `reasons of ${p.code}`)
  await page.goto(`${server.baseUrl}/supervision?tab=map`)
  await page.locator('[data-test=map] canvas').waitFor()
  await page.waitForTimeout(300)
  await screenshot(page, 'supervision-map-lights')
  assert.deepEqual(page.errors, [])
})
