// The problem list's closed loop in a real browser against the real server, by three accounts:
// the project office raises and assigns, the unit signs, handles (with evidence) and asks for
// close-out, the coordinating leader returns it once and then closes it out (销号).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { browserSuite, pickOption, screenshot } from './harness.mjs'

let server, office, unit, leader
browserSuite({ office: 'dongezb', unit: 'unit', leader: 'leader' }, (s) => ({ server, office, unit, leader } = s))
let problemUrl = ''

const status = (page) => page.locator('[data-test=problem-status]').textContent()

async function act(page, action, fill = async () => {}) {
  await page.click(`[data-test=act-${action}]`)
  await page.locator('.el-dialog [data-test=act-submit]').waitFor()
  await fill()
  await page.click('.el-dialog [data-test=act-submit]')
  await page.locator('.el-dialog [data-test=act-submit]').waitFor({ state: 'hidden' })
}

test('the board shows problems by status and overdue', async () => {
  await office.goto(server.baseUrl + '/supervision')
  await office.locator('.problem-row').first().waitFor()
  assert.ok(Number(await office.textContent('[data-test=status-card-overdue] .num')) >= 3)
  await office.click('[data-test=status-card-overdue]')
  await office.waitForFunction(() => [...document.querySelectorAll('.problem-row')].every((r) => r.textContent.includes('逾期')))
  await screenshot(office, 'supervision-board')
  await office.click('[data-test=status-card-overdue]')
})

test('the office raises a problem and assigns it', async () => {
  await office.click('[data-test=raise]')
  await pickOption(office, '[data-test=raise-project]', 'DE')
  await pickOption(office, '[data-test=raise-category]', '电力')
  await office.fill('[data-test=raise-description]', '电力增容方案待供电公司批复')
  await office.click('[data-test=raise-submit]')
  await office.waitForURL(/\/supervision\/problems\/\d+/)
  problemUrl = office.url()
  assert.equal((await status(office)).trim(), '已提出')
  await act(office, 'assign', async () => {
    await pickOption(office, '[data-test=form-unit]', '工业和信息化局')
    await pickOption(office, '[data-test=form-coordinator]', '王海涛')
    await office.fill('.el-dialog .el-date-editor input', '2099-12-31')
    await office.keyboard.press('Enter')
  })
  await office.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('已交办'))
  assert.equal((await office.textContent('[data-test=problem-unit]')).trim(), '工业和信息化局')
  await screenshot(office, 'supervision-assigned')
})

test('the unit finds it in its items, signs, handles with evidence and asks for close-out', async () => {
  await unit.goto(server.baseUrl + '/supervision?tab=attention')
  await unit.locator('[data-test=attention-item]', { hasText: '电力增容方案' }).first().click()
  await unit.waitForURL(problemUrl)
  await act(unit, 'sign')
  await unit.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('已签收'))
  await act(unit, 'handle', () => unit.fill('.el-dialog [data-test=form-note]', '已与供电公司对接，方案报审中'))
  const file = path.join(os.tmpdir(), `批复-${process.pid}.png`)
  fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))
  await unit.setInputFiles('[data-test=attach-input]', file)
  await unit.locator('[data-test=attachment]', { hasText: '批复' }).waitFor()
  fs.rmSync(file)
  await act(unit, 'request_close')
  await unit.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('待核销'))
  assert.equal(await unit.locator('[data-test=act-close_out]').count(), 0, 'the unit cannot close out')
  await screenshot(unit, 'supervision-requested')
})

test('the leader returns it, the unit handles again, the leader closes it out', async () => {
  await leader.goto(server.baseUrl + '/supervision?tab=attention')
  await leader.locator('[data-test=attention-item]', { hasText: '电力增容方案' }).first().waitFor()
  await leader.goto(problemUrl)
  await act(leader, 'return', () => leader.fill('.el-dialog [data-test=form-note]', '缺供电公司书面意见'))
  await leader.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('已退回'))

  await unit.goto(problemUrl)
  await unit.locator('[data-test=act-handle]').waitFor()
  await act(unit, 'handle', () => unit.fill('.el-dialog [data-test=form-note]', '已补充书面意见'))
  await act(unit, 'request_close')
  await unit.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('待核销'))

  await leader.goto(problemUrl)
  await act(leader, 'close_out')
  await leader.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('已销号'))
  const steps = await leader.locator('[data-test=problem-steps] .el-timeline-item').count()
  assert.equal(steps, 9)
  await screenshot(leader, 'supervision-closed')
  for (const p of [office, unit, leader]) assert.deepEqual(p.errors, [])
})

test('leader page, Gantt, map and the project page show the other lists', async () => {
  await leader.goto(server.baseUrl + '/supervision?tab=leader')
  await leader.locator('[data-test=leader-projects] .el-table__row').first().waitFor()
  await screenshot(leader, 'supervision-leader')
  await office.goto(server.baseUrl + '/supervision?tab=gantt')
  await office.locator('[data-test=gantt-row]').first().waitFor()
  await screenshot(office, 'supervision-gantt')
  await office.goto(server.baseUrl + '/supervision?tab=map')
  await office.locator('[data-test=map] canvas').waitFor()
  await screenshot(office, 'supervision-map')
  await office.goto(server.baseUrl + '/projects/1')
  await office.click('#tab-supervision')
  await office.locator('.procedure-row').first().waitFor()
  await office.locator('[data-test=gantt-row]').first().waitFor()
  await office.waitForTimeout(600) // tags fade in
  await screenshot(office, 'supervision-project')
  // A milestone dated before its predecessor is refused, naming the rule.
  await office.click('[data-test=milestone-add]')
  await office.fill('[data-test=ms-name]', '设备安装')
  await office.fill('.el-dialog:visible .el-date-editor input >> nth=0', '2000-01-01')
  await office.keyboard.press('Enter')
  await pickOption(office, '.el-dialog:visible .el-form-item:nth-child(5) .el-select', '竣工验收')
  await office.click('[data-test=ms-save]')
  await office.locator('.el-message--error', { hasText: /前置节点/ } /* rule milestone.after_predecessor, in Chinese */).waitFor()
  await office.keyboard.press('Escape')
  await office.goto(server.baseUrl + '/supervision?tab=procedures')
  await office.locator('[data-test=durations] .el-table__row').first().waitFor()
  assert.deepEqual(office.errors, [])
})

test('with a tile server configured the map draws the projects over the tiles', async () => {
  const login = await (await fetch(server.baseUrl + '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: 'dongezb', password: 'demo1234' }) })).json()
  const put = await fetch(server.baseUrl + '/api/v1/supervision/settings', {
    method: 'PUT',
    headers: { Authorization: `Bearer ${login.token}` },
    body: JSON.stringify({ map_tile_url: server.baseUrl + '/tiles/{z}/{x}/{y}.png' }),
  })
  assert.equal(put.status, 200)
  await office.goto(server.baseUrl + '/supervision?tab=map')
  await office.locator('[data-test=map-tiles] .pt').first().waitFor()
  assert.ok((await office.locator('[data-test=map-tiles] .pt').count()) > 100)
  assert.ok((await office.locator('[data-test=map-tiles] img').count()) >= 4)
  await screenshot(office, 'supervision-map-tiles')
})
