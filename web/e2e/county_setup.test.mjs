// A real county from an empty database, as a new user would set it up (issue 12, "Done when"):
// `gongjian init --region 422826` makes 咸丰县 (湖北省 恩施州) and its admin; in the browser the admin
// changes the password, finds the 11 towns under 系统管理 → 区域, adds a 经济开发区, three units, five
// people, a 专班 and the accounts (a 项目办 coordinator, a unit user, a leader); the coordinator adds a
// project in the 项目库 and the week's report tasks; the unit user logs in, changes the password
// and files the weekly progress report (进度填报) on it, which the coordinator then sees submitted.
// Only clicks and typing drive it; the API is read to assert. Every page at 1440 and 390 px.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { initDatabase, launchBrowser, login, logout, newPage, openMenu, screenshot, startServer, pageApi } from './harness.mjs'

const INIT_PASSWORD = 'Xian-Feng-Init-2026'
const PW = { xfadmin: 'Xian-Feng-Admin-2026', xfxmb: 'Xian-Feng-Xmb-2026', xfjxj: 'Xian-Feng-Jxj-2026', xfleader: 'Xian-Feng-Leader-2026' }
const FIRST = { xfxmb: 'First-Xmb-Pass-2026', xfjxj: 'First-Jxj-Pass-2026', xfleader: 'First-Leader-2026' }
const PROJECT = { name: '咸丰县绿色食品产业园一期', code: 'XF-2026-001' }

let server, browser, page, db
before(async () => {
  db = initDatabase({ region: '422826', admin: 'xfadmin', password: INIT_PASSWORD })
  server = await startServer({ db })
  browser = await launchBrowser()
  page = await newPage(browser)
})
after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
  if (db) fs.rmSync(path.dirname(db), { recursive: true, force: true })
})

// An el-input's data-test lands on its native input (or its wrapper).
const fill = (name, value) => page.fill(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`, value)

// Picks the option of this exact text in a select (another select's closing list may still show
// a longer one, e.g. 县级领导 beside 县级).
async function pickOption(page, selector, text) {
  await page.click(`${selector} .el-select__wrapper`)
  await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${text}(\\s|$)`) }).first().click()
  await page.waitForTimeout(150)
}

async function shoot(name) {
  await page.waitForTimeout(200)
  await screenshot(page, `${name}-1440`)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, `${name}-390`)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.waitForTimeout(200)
}

/** The API as the logged-in browser user: read only, to assert. */
const apiGet = (p) => pageApi(page, 'GET', p)

/** Logs in with a password that must be changed, changes it on the forced page, lands on the ledger. */
async function firstLogin(user, first, chosen) {
  await login(page, server.baseUrl, user, first)
  await page.waitForURL(/\/password/)
  await page.locator('[data-test=forced-password]').waitFor()
  await shoot(`county-forced-password-${user}`)
  await fill('pw-old', first)
  await fill('pw-new', chosen)
  await fill('pw-again', chosen)
  await page.click('[data-test=pw-submit]')
  // An org.admin whose first-run checklist is not complete lands on it (上线清单), others at home.
  await page.waitForURL(/\/home|\/admin\/setup/)
  // The steps below start from the project list.
  if (/\/home$/.test(page.url())) {
    await page.click('[data-test=menu-projects]')
    await page.waitForURL(/\/projects/)
  }
}

// Adds a record through an org page (`kind`: unit, person, team): `fills` (data-test → text) and
// `picks` (select data-test → option text, or a list for a multiple select), then waits for its row.
async function add(kind, fills, picks, name) {
  await page.click(`[data-test=${kind}-add]`)
  for (const [k, v] of Object.entries(fills)) await fill(k, v)
  for (const [k, v] of Object.entries(picks)) {
    if (!Array.isArray(v)) {
      await pickOption(page, `[data-test=${k}]`, v)
      continue
    }
    // A multiple select: each option is picked with the list open. The list is the last one in the
    // page: the previous select's list may still be fading out, with the same names in it.
    for (const [i, text] of v.entries()) {
      const option = page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${text}(\\s|$)`) }).last()
      if (i === 0 || !(await option.isVisible())) {
        // The previous select's list closes first (a click while it fades out is taken as its own
        // click-outside, and the new list does not open).
        await page.waitForTimeout(400)
        await page.click(`[data-test=${k}] .el-select__wrapper`)
      }
      await option.click()
    }
    await page.keyboard.press('Escape')
  }
  await page.click(`[data-test=${kind}-submit]`)
  await page.locator(`[data-test=${kind}-table] .el-table__row`, { hasText: name }).waitFor()
}

test('the county admin: forced password change, then the 11 towns of 咸丰县', async () => {
  await firstLogin('xfadmin', INIT_PASSWORD, PW.xfadmin)
  await shoot('county-projects-empty')
  await openMenu(page, 'admin/regions', '[data-test=region-422826]')
  const towns = page.locator('[data-test^=region-422826]').filter({ hasNot: page.locator('[data-test=add-town]') })
  assert.equal(await towns.count(), 11, 'the 11 towns and streets of 咸丰县')
  // Two real ones, as the national division codes name them (data/divisions).
  assert.match(await page.locator('[data-test=region-422826100]').innerText(), /高乐山镇[\s\S]*422826100/)
  assert.match(await page.locator('[data-test=region-422826400]').innerText(), /大路坝区[\s\S]*422826400/)
  // The chain above it: 湖北省 → 恩施土家族苗族自治州 → 咸丰县.
  assert.match(await page.locator('[data-test=region-tree]').innerText(), /湖北省[\s\S]*恩施土家族苗族自治州[\s\S]*咸丰县/)
  await shoot('county-regions')
})

test('a 经济开发区, three units, five people and a 专班', async () => {
  await page.click('[data-test=region-422826] [data-test=add-zone]')
  await fill('region-code', '422826500')
  await fill('region-name', '咸丰经济开发区')
  await shoot('county-zone-dialog')
  await page.click('[data-test=region-submit]')
  await page.locator('[data-test=region-422826500]').waitFor()
  assert.match(await page.locator('[data-test=region-422826500]').innerText(), /咸丰经济开发区[\s\S]*开发区\/园区/)
  const zone = (await apiGet('/regions')).body.items.find((r) => r.code === '422826500')
  assert.deepEqual(zone, { code: '422826500', name: '咸丰经济开发区', level: 'zone', parent_code: '422826' })

  await openMenu(page, 'admin/units', '[data-test=unit-table]')
  await add('unit', { 'unit-name': '咸丰县发展和改革局' }, { 'unit-kind': '县直部门', 'unit-form-region': '咸丰县' }, '咸丰县发展和改革局')
  await add('unit', { 'unit-name': '咸丰县经济和信息化局' }, { 'unit-kind': '县直部门', 'unit-form-region': '咸丰县' }, '咸丰县经济和信息化局')
  await add('unit', { 'unit-name': '咸丰经济开发区管委会' }, { 'unit-kind': '园区管委会', 'unit-form-region': '咸丰经济开发区' }, '咸丰经济开发区管委会')
  await shoot('county-units')
  const units = (await apiGet('/units?region=422826')).body.items
  assert.deepEqual(units.map((u) => [u.name, u.kind, u.region_code]).sort(), [
    ['咸丰县发展和改革局', 'department', '422826'],
    ['咸丰县经济和信息化局', 'department', '422826'],
    ['咸丰经济开发区管委会', 'park', '422826500'],
  ])

  await openMenu(page, 'admin/people', '[data-test=person-table]')
  const people = [
    ['田志刚', '副县长', '县级领导', '咸丰县', null],
    ['向红梅', '局长', '部门负责人', '咸丰县', '咸丰县发展和改革局'],
    ['冉小军', '项目股股长', '项目专员', '咸丰县', '咸丰县经济和信息化局'],
    ['杨帆', '助企专员', '红帮办/助企专员', '咸丰经济开发区', '咸丰经济开发区管委会'],
    ['覃丽', '办公室主任', '联络员', '咸丰县', '咸丰县经济和信息化局'],
  ]
  for (const [name, title, kind, region, unit] of people) {
    const picks = { 'person-kind': kind, ...(kind === '红帮办/助企专员' ? { 'person-tier': '县级' } : {}), 'person-form-region': region }
    if (unit) picks['person-unit'] = unit
    await add('person', { 'person-name': name, 'person-title': title, 'person-phone': '0718-6821234' }, picks, name)
  }
  await shoot('county-people')
  const stored = (await apiGet('/people?region=422826')).body.items
  assert.deepEqual(stored.map((p) => [p.name, p.kind]).sort(), [
    ['冉小军', 'specialist'], ['向红梅', 'head'], ['杨帆', 'helper'], ['田志刚', 'leader'], ['覃丽', 'liaison'],
  ].sort())
  const helper = (await apiGet(`/people/${stored.find((p) => p.name === '杨帆').id}`)).body
  assert.deepEqual([helper.tier, helper.region_code, helper.title], ['county', '422826500', '助企专员'])

  await openMenu(page, 'admin/teams', '[data-test=team-table]')
  await add('team', { 'team-name': '咸丰县绿色食品产业链专班' }, { 'team-form-region': '咸丰县', 'team-lead': '田志刚', 'team-members': ['冉小军', '杨帆'] }, '咸丰县绿色食品产业链专班')
  await shoot('county-teams')
  const teams = (await apiGet('/teams?region=422826')).body.items
  assert.equal(teams.length, 1)
  assert.equal(teams[0].lead_person_id, stored.find((p) => p.name === '田志刚').id)
  assert.equal(teams[0].member_ids.length, 2)
})

// Creates an account through 系统管理 → 账号 with one grant (role label, unit name or none).
async function addAccount(loginName, name, password, role, unit) {
  await page.click('[data-test=account-create]')
  await page.locator('[data-test=account-dialog]').waitFor()
  await fill('account-login', loginName)
  await fill('account-name', name)
  await fill('account-password', password)
  await pickOption(page, '[data-test=grant-role]', role)
  // The grant's region starts at the admin's county: 咸丰县.
  assert.match(await page.locator('[data-test=grant-region]').innerText(), /咸丰县/)
  if (unit) await pickOption(page, '[data-test=grant-unit]', unit)
  if (loginName === 'xfjxj') await shoot('county-account-dialog')
  await page.click('[data-test=account-submit]')
  await page.locator('[data-test=account-table] .el-table__row', { hasText: loginName }).waitFor()
}

test('accounts: a 项目办 coordinator, a unit user and a leader', async () => {
  await openMenu(page, 'admin/accounts', '[data-test=account-table] .el-table__row >> nth=0')
  await addAccount('xfxmb', '咸丰县项目办', FIRST.xfxmb, '项目办')
  await addAccount('xfjxj', '咸丰县经信局', FIRST.xfjxj, '责任单位', '咸丰县经济和信息化局')
  await addAccount('xfleader', '田志刚', FIRST.xfleader, '县级领导')
  await shoot('county-accounts')
  const row = page.locator('[data-test=account-table] .el-table__row', { hasText: 'xfjxj' })
  assert.match(await row.innerText(), /责任单位 · 咸丰县/)
  assert.match(await row.innerText(), /待改密码/)
  const users = (await apiGet('/users')).body.items
  const unitId = (await apiGet('/units?region=422826')).body.items.find((u) => u.name === '咸丰县经济和信息化局').id
  assert.deepEqual(users.find((u) => u.login === 'xfjxj').grants.map((g) => [g.role, g.region_code, g.unit_id]), [['unit', '422826', unitId]])
  assert.deepEqual(users.find((u) => u.login === 'xfxmb').grants.map((g) => g.role), ['coordinator'])
  assert.deepEqual(users.find((u) => u.login === 'xfleader').grants.map((g) => g.role), ['leader'])
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('the coordinator adds a project in 高乐山镇 led by 经信局, and the week\'s report tasks', async () => {
  await firstLogin('xfxmb', FIRST.xfxmb, PW.xfxmb)
  await page.click('[data-test=new-project]')
  await page.locator('[data-test=new-project-dialog]').waitFor()
  await fill('new-project-name', PROJECT.name)
  await fill('new-project-code', PROJECT.code)
  assert.match(await page.locator('[data-test=new-project-county]').innerText(), /咸丰县/)
  await pickOption(page, '[data-test=new-project-town]', '高乐山镇')
  await pickOption(page, '[data-test=new-project-unit]', '咸丰县经济和信息化局')
  await shoot('county-new-project')
  await page.click('[data-test=new-project-submit]')
  await page.waitForURL(/\/projects\/\d+/)
  await shoot('county-project-detail')
  const list = (await apiGet('/projects?region=422826')).body.items
  assert.equal(list.length, 1)
  const p = list[0]
  assert.equal(p.name, PROJECT.name)
  assert.equal(p.code, PROJECT.code)
  assert.equal(p.county_code, '422826')
  assert.equal(p.town_code, '422826100')

  await page.click('[data-test=menu-supervision]')
  await page.click('[data-test=tab-reports]')
  await page.waitForURL(/\/supervision\/reports/)
  await page.click('[data-test=reports-generate]')
  await page.locator(`[data-test=open-${PROJECT.code}]`).waitFor()
  await shoot('county-reports-coordinator')
  await logout(page)
})

test('the unit user changes the password and files the weekly progress report', async () => {
  await firstLogin('xfjxj', FIRST.xfjxj, PW.xfjxj)
  await page.locator('[data-test=project-table] .el-table__row', { hasText: PROJECT.name }).waitFor()
  await shoot('county-projects-unit')
  await page.click('[data-test=menu-supervision]')
  await page.click('[data-test=tab-reports]')
  await page.waitForURL(/\/supervision\/reports/)
  await page.click(`[data-test=open-${PROJECT.code}]`)
  await page.locator('[data-test=f-investment_period]').fill('85')
  await page.locator('[data-test=f-investment_year]').fill('85')
  await page.locator('[data-test=f-src-enterprise]').fill('85')
  await page.locator('[data-test=f-visual_progress]').fill('场地平整完成，厂房基础开挖')
  await shoot('county-report-form')
  await page.locator('[data-test=report-submit]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=report-status]').textContent.includes('已提交'))
  await page.keyboard.press('Escape')
  await logout(page)
})

test('the coordinator sees the report submitted; the leader reads the project', async () => {
  await login(page, server.baseUrl, 'xfxmb', PW.xfxmb)
  await page.waitForURL(/\/home/)
  await page.goto(server.baseUrl + '/supervision/reports?region=422826&status=submitted')
  await page.locator(`[data-test=status-${PROJECT.code}]`).waitFor()
  assert.equal((await page.locator(`[data-test=status-${PROJECT.code}]`).innerText()).trim(), '已提交')
  await shoot('county-reports-submitted')
  const reports = (await apiGet('/reports?region=422826&status=submitted')).body.items
  assert.equal(reports.length, 1)
  assert.equal(reports[0].project_code, PROJECT.code)
  assert.equal(reports[0].investment_period, 850000)
  assert.equal(reports[0].visual_progress, '场地平整完成，厂房基础开挖')
  await logout(page)

  await firstLogin('xfleader', FIRST.xfleader, PW.xfleader)
  await page.locator('[data-test=project-table] .el-table__row', { hasText: PROJECT.name }).waitFor()
  assert.deepEqual(page.errors, [])
})
