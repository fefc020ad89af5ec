// The app on a 390 × 844 phone against the real server on demo data: the menu is a drawer opened
// from the header's 菜单 button; a unit files its weekly report with a photo; the leader logs a
// visit; the responsible unit signs and handles a problem; a judge scores. Every button tapped
// lies inside the screen's width and no page scrolls sideways. Each page is also shot at 1440 px.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, launchBrowser, newPage, login, screenshot, TODAY } from './harness.mjs'

const PHONE = { width: 390, height: 844 }
let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

/** Calls the API as `user` (a demo login) from outside the browser. */
async function apiAs(user, method, p, body) {
  const r = await fetch(server.baseUrl + '/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ login: user, password: 'demo1234' }) })
  const { token } = await r.json()
  const res = await fetch(server.baseUrl + '/api/v1' + p, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json()
  assert.ok(res.ok, `${method} ${p}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/** A phone-sized page logged in as `user`, past the login page. */
async function phoneAs(user) {
  const page = await newPage(browser)
  await page.setViewportSize(PHONE)
  await login(page, server.baseUrl, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  return page
}

/** The page does not scroll sideways, nor does the layout's main area (it scrolls on its own). */
async function fits(page, what) {
  const wide = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.querySelector('.el-main')?.scrollWidth || 0))
  assert.ok(wide <= PHONE.width, `${what}: the page is ${wide}px wide on a ${PHONE.width}px phone`)
}

/** Clicks `locator` after checking it lies inside the phone's width. */
async function tap(locator, what) {
  await locator.scrollIntoViewIfNeeded()
  const box = await locator.boundingBox()
  assert.ok(box, `${what}: not shown`)
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${what}: at x ${box.x}..${box.x + box.width}, outside the ${PHONE.width}px screen`)
  await locator.click()
}

/** Shoots the page at phone width, then at 1440 px, and goes back to the phone. */
async function shots(page, name) {
  await page.waitForTimeout(400) // tags zoom in
  await fits(page, name)
  await screenshot(page, `phone-${name}-390`)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.waitForTimeout(700) // the table replaces the cards; its tags zoom in
  await screenshot(page, `phone-${name}-1440`)
  await page.setViewportSize(PHONE)
  await page.waitForTimeout(300)
}

/** A small valid PNG (1 × 1 pixel) in a temporary file. */
function pngFile(name) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phone-')), name)
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
  fs.writeFileSync(file, Buffer.from(png, 'base64'))
  return file
}

test('the menu is a drawer opened by the 菜单 button; navigating closes it', async () => {
  const page = await phoneAs('dongezb')
  await page.locator('[data-test=menu-projects]').waitFor({ state: 'detached' })
  const button = page.getByRole('button', { name: '菜单' })
  await tap(button, 'menu button')
  const drawer = page.locator('[data-test=menu-drawer]')
  await drawer.waitFor()
  await page.waitForTimeout(400) // the drawer slides in
  await screenshot(page, 'phone-menu-drawer-390')
  await tap(drawer.locator('[data-test=menu-supervision]'), 'menu entry')
  await page.waitForURL(/\/supervision/)
  await drawer.waitFor({ state: 'hidden' })
  await page.locator('.problem-row, [data-test=problem-card]').first().waitFor()
  await shots(page, 'problem-board')
  await page.goto(server.baseUrl + '/projects')
  await page.locator('[data-test=project-list]').waitFor()
  await page.waitForTimeout(500)
  await shots(page, 'projects')
  await page.goto(server.baseUrl + '/supervision/reports')
  await page.locator('[data-test=report-card]').first().waitFor()
  await shots(page, 'reports')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('accounts and the rollover are card lists on a phone', async () => {
  const admin = await phoneAs('admin')
  await admin.goto(server.baseUrl + '/admin/accounts')
  await admin.locator('[data-test=account-card]').first().waitFor()
  await shots(admin, 'accounts')
  // The organisation pages are the admin's (系统管理): people as cards.
  await admin.goto(server.baseUrl + '/admin/people')
  await admin.locator('[data-test=person-card]').first().waitFor()
  await shots(admin, 'people')
  await admin.goto(server.baseUrl + '/admin/regions')
  await admin.locator('[data-test=add-town]').first().waitFor()
  await shots(admin, 'regions-admin')
  await admin.goto(server.baseUrl + '/admin/units')
  await admin.locator('[data-test=unit-card]').first().waitFor()
  await shots(admin, 'units-admin')
  assert.deepEqual(admin.errors, [])
  await admin.context().close()
  const page = await phoneAs('dongezb')
  await page.goto(server.baseUrl + '/projects/rollover')
  await tap(page.locator('[data-test=rollover-preview]'), 'rollover preview')
  await page.locator('[data-test=rollover-card]').first().waitFor()
  await shots(page, 'rollover')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a unit files its weekly report with a photo on a phone', async () => {
  const pending = await apiAs('unit', 'GET', '/reports?region=371524&status=pending')
  const mine = pending.items.find((r) => r.unit_name === '工业和信息化局' && r.due_date >= TODAY)
  assert.ok(mine, 'the unit has an open pending report')
  const history = await apiAs('unit', 'GET', `/projects/${mine.project_id}/reports`)
  const filed = Math.max(0, ...history.items.filter((r) => r.status === 'approved' || r.status === 'submitted').map((r) => r.investment_year))

  const page = await phoneAs('unit')
  await page.goto(server.baseUrl + '/supervision/reports?region=371524&status=pending')
  const open = page.locator(`[data-test=open-${mine.project_code}]`)
  await tap(open, 'fill the report')
  const dialog = page.locator('[data-test=report-dialog]')
  await dialog.locator('[data-test=f-investment_period]').fill('120.5')
  // The year's cumulative figure goes on from the last filed one by about this period's 120.5 万.
  await dialog.locator('[data-test=f-investment_year]').fill(String(Math.ceil(filed / 10000) + 121))
  await dialog.locator('[data-test=f-src-enterprise]').fill('100')
  await dialog.locator('[data-test=f-src-bank_loan]').fill('20.5')
  await dialog.locator('[data-test=f-visual_progress]').fill('主体结构封顶，设备基础施工中')
  // The photo is picked through a Chinese button (the browser's own "Choose File" stays hidden).
  assert.equal(await dialog.locator('[data-test=photo-input]').isVisible(), false)
  const add = dialog.locator('[data-test=photo-add]')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(add, 'add a photo')])
  await chooser.setFiles(pngFile('现场.png'))
  await dialog.locator('.photo', { hasText: '现场' }).waitFor()
  await fits(page, 'report dialog')
  await page.waitForTimeout(400) // the dialog fades in
  await screenshot(page, 'phone-report-dialog-390')
  await tap(dialog.locator('[data-test=report-submit]'), 'submit the report')
  await page.waitForFunction(() => document.querySelector('[data-test=report-status]').textContent.includes('已提交'))
  const stored = await apiAs('unit', 'GET', '/reports/' + mine.id)
  assert.equal(stored.status, 'submitted')
  assert.equal(stored.photos.length, 1)
  await tap(dialog.locator('.el-dialog__footer .el-button').first(), 'close the report')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the leader logs a visit on a phone', async () => {
  const page = await phoneAs('leader')
  await page.goto(server.baseUrl + '/supervision?tab=leader')
  const card = page.locator('[data-test=leader-project-card]').first()
  await card.waitFor()
  await shots(page, 'leader')
  await tap(card.locator('[data-test^=log-visit-]'), 'log a visit')
  const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=visit-notes]') })
  await dialog.locator('[data-test=visit-notes]').fill('现场查看设备安装进度，协调用电问题')
  await fits(page, 'visit dialog')
  await page.waitForTimeout(400) // the dialog fades in
  await screenshot(page, 'phone-visit-dialog-390')
  await tap(dialog.locator('[data-test=visit-submit]'), 'save the visit')
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=recent-visit-card]', { hasText: '协调用电问题' }).waitFor()
  await fits(page, 'leader page after the visit')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the responsible unit signs and handles a problem on a phone', async () => {
  const units = await apiAs('dongezb', 'GET', '/units?region=371524')
  const people = await apiAs('dongezb', 'GET', '/people?region=371524&kind=leader')
  const industry = (units.items || units).find((u) => u.name === '工业和信息化局').id
  const wang = (people.items || people).find((p) => p.name === '王海涛').id
  const project = (await apiAs('dongezb', 'GET', '/projects?region=371524&limit=1')).items[0].id
  let p = await apiAs('dongezb', 'POST', '/problems', { project_id: project, category: 'power', description: '手机端测试：电力增容待批复' })
  p = await apiAs('dongezb', 'POST', `/problems/${p.id}/actions/assign`, { version: p.version, unit_id: industry, coordinator_id: wang, deadline: '2099-12-31' })

  const page = await phoneAs('unit')
  await page.goto(`${server.baseUrl}/supervision/problems/${p.id}`)
  await page.locator('[data-test=problem-status]').waitFor()
  await shots(page, 'problem')
  const act = async (action, fill = async () => {}) => {
    await tap(page.locator(`[data-test=act-${action}]`), action)
    const submit = page.locator('.el-dialog [data-test=act-submit]')
    await submit.waitFor()
    await fill()
    await fits(page, action + ' dialog')
    await tap(submit, action + ' submit')
    await submit.waitFor({ state: 'hidden' })
  }
  await act('sign')
  await page.waitForFunction(() => document.querySelector('[data-test=problem-status]').textContent.includes('已签收'))
  await act('handle', () => page.fill('.el-dialog [data-test=form-note]', '已与供电公司对接，方案报审中'))
  await page.locator('[data-test=problem-steps]', { hasText: '方案报审中' }).waitFor()
  await fits(page, 'problem after handling')
  await page.waitForTimeout(400) // the dialog fades out
  await screenshot(page, 'phone-problem-handled-390')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a judge scores on a phone', async () => {
  const nominations = []
  for (const county of ['371525', '371524']) {
    const list = await apiAs('lcxmb', 'GET', `/projects?region=${county}&limit=1`)
    nominations.push({ group: '县市区组', project_id: list.items[0].id })
  }
  const ev = await apiAs('lcxmb', 'POST', '/observations', {
    name: '手机端观摩评议', region_code: '371500', start_date: '2026-11-20', end_date: '2026-11-21',
    groups: ['县市区组'], mode: 'sheet', judges: ['judge1'], nominations,
  })
  await apiAs('lcxmb', 'POST', `/observations/${ev.id}/open`, { version: ev.version })

  const page = await phoneAs('judge1')
  await page.goto(`${server.baseUrl}/assessment/observations/${ev.id}/score`)
  const cards = page.locator('[data-test=sheet-card]')
  await cards.first().waitFor()
  await shots(page, 'judge')
  // Each criterion out of its own points, as on paper: 26 of 30, 27 of 30, 17 of 20, 18 of 20 = 88 of 100.
  const points = { 投资规模: 26, 建设进度: 27, 产业层次与科技含量: 17, 综合效益: 18 }
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i)
    for (const [criterion, p] of Object.entries(points)) {
      const input = card.locator(`[data-test="points-${criterion}"] input`)
      await input.fill(String(p))
      await input.press('Tab')
    }
    assert.equal((await card.locator('[data-test=sheet-total]').textContent()).trim(), '88')
    assert.equal((await card.locator('[data-test=sheet-full]').textContent()).trim(), '100')
    await tap(card.locator('[data-test=sheet-submit]'), 'submit a sheet')
    await card.locator('[data-test=sheet-done]').waitFor()
  }
  await fits(page, 'judge sheet')
  const mine = await apiAs('judge1', 'GET', `/observations/${ev.id}`)
  assert.equal(mine.my_sheets.length, nominations.length)
  for (const sheet of mine.my_sheets) {
    assert.equal(sheet.total, 88)
    assert.deepEqual(sheet.points, points)
  }
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
