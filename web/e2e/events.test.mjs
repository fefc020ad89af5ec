// 招商活动 on a phone: the demo leader (王海涛, none yet this month) logs an event at 390 px in the
// full-screen dialog and sees the month turn from 进行中 to 已达标 in the compliance table; the
// county office sees the same table at 1440 px with missed months in red.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, pageGet, screenshot, TODAY } from './harness.mjs'

let server, leader, office
browserSuite({ leader: 'leader', office: 'dongezb' }, (s) => ({ server, leader, office } = s))

const PHONE = { width: 390, height: 844 }

test('a leader logs an event on a phone and the month is met', async () => {
  const me = await pageGet(leader, '/auth/me')
  const month = TODAY.slice(0, 7)
  const cell = `[data-test="cell-${me.person_id}-${month}"]`
  await leader.setViewportSize(PHONE)
  await leader.goto(`${server.baseUrl}/attraction/events?tab=compliance`)
  await leader.locator(cell).waitFor()
  assert.equal(await leader.locator(cell).getAttribute('data-status'), 'in_progress')
  await screenshot(leader, 'events-compliance-before-390')

  await leader.click('#tab-list')
  await leader.click('[data-test=event-add]')
  const dialog = leader.locator('[data-test=event-dialog]')
  await dialog.waitFor()
  const box = await dialog.boundingBox()
  assert.ok(box.width >= 380, `the dialog fills the phone's width (${box.width})`)
  await leader.fill('[data-test=event-city] input, input[data-test=event-city]', '深圳市')
  await leader.click('[data-test=event-kind-small_group]')
  await leader.fill('[data-test=event-companies] textarea, textarea[data-test=event-companies]', '深圳华康生物科技有限公司\n深圳瑞达医药有限公司 91440300MA5F000000')
  await leader.fill('[data-test=event-note] textarea, textarea[data-test=event-note]', '小团组赴深圳对接生物医药企业')
  await screenshot(leader, 'events-dialog-390')
  await leader.click('[data-test=event-submit]')
  await dialog.waitFor({ state: 'hidden' })
  await leader.locator('[data-test=event-card]', { hasText: '深圳华康生物科技有限公司' }).first().waitFor()

  await leader.click('#tab-compliance')
  await leader.locator(`${cell}[data-status=met]`).waitFor()
  await screenshot(leader, 'events-compliance-after-390')
  const events = await pageGet(leader, `/promotion-events?leader=${me.person_id}&from=${month}-01&to=${TODAY}`)
  assert.equal(events.items.length, 1)
  assert.deepEqual(events.items[0].companies_met[1], { name: '深圳瑞达医药有限公司', credit_code: '91440300MA5F000000' })
  assert.deepEqual(leader.errors, [])
})

test('the county office sees every leader by month, missed months in red', async () => {
  await office.goto(`${server.baseUrl}/attraction/events?tab=compliance`)
  await office.locator('[data-test=event-compliance] .el-table__row').first().waitFor()
  assert.ok((await office.locator('[data-status=missed]').count()) > 0)
  const red = await office.locator('[data-status=missed]').first().evaluate((el) => getComputedStyle(el).color)
  assert.equal(red, 'rgb(245, 108, 108)')
  await office.locator('[data-test=event-rule]').waitFor()
  await screenshot(office, 'events-compliance-1440')
  await office.click('#tab-list')
  await office.locator('[data-test=events-table] .el-table__row').first().waitFor()
  await screenshot(office, 'events-list-1440')
  assert.deepEqual(office.errors, [])
})
