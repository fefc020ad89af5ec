// Role-aware screens (issue 13, item 2), for every demo role: the landing page is the role's home
// (工作台) with its own sections, the header's to-do badge shows the count GET /me/todos answers,
// admin URLs send a non-admin home with a Chinese message, and on the 一张表 (进度报送) the unit sees
// 填报 only on its own projects (it opens on 我的项目; 全部项目 shows the others with 查看). The city
// account's 亩产效益 opens on a county. Screens of each home page at 1440 and 390 px.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, login, newPage, screenshot, startServer, pageGet } from './harness.mjs'

// Each demo role, the section its home page shows first, and whether it is an admin.
const ROLES = {
  admin: { section: 'home-setup', admin: true },
  lcxmb: { section: 'home-office' },
  dongezb: { section: 'home-office' },
  guanxmb: { section: 'home-office' },
  leader: { section: 'home-leader' },
  unit: { section: 'home-unit-reports' },
  viewer: { section: 'home-viewer' },
  judge1: { section: 'home-judge' },
}
const ADMIN_URLS = ['/admin/dictionaries', '/admin/accounts', '/admin/units', '/admin/setup']

let server, browser
const pages = {}
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

const apiGet = pageGet

async function badgeCount(page) {
  const badge = page.locator('[data-test=todo-count][data-loaded=true]')
  await badge.waitFor()
  return Number(await badge.getAttribute('data-count'))
}

for (const [user, want] of Object.entries(ROLES)) {
  test(`${user}: lands on its home page, the badge counts its to-dos`, async () => {
    const page = await newPage(browser)
    pages[user] = page
    await login(page, server.baseUrl, user)
    // An admin whose county is not set up yet lands on the checklist once (setupLanding).
    await page.waitForURL(want.admin ? /\/(home|admin\/setup)$/ : /\/home$/)
    if (!page.url().endsWith('/home')) await page.goto(server.baseUrl + '/home')
    await page.locator(`[data-test=${want.section}]`).waitFor()
    const todos = await apiGet(page, '/me/todos')
    assert.equal(await badgeCount(page), todos.total, `${user}: badge = /me/todos total`)
    if (todos.total) {
      const shown = await page.locator('[data-test=todo-count] sup').textContent()
      assert.equal(shown.trim(), todos.total > 99 ? '99+' : String(todos.total))
    }
    // The badge leads home from anywhere.
    await page.goto(server.baseUrl + '/account')
    await page.click('[data-test=todo-badge]')
    await page.waitForURL(/\/home$/)
    assert.deepEqual(page.errors, [], `${user}: no page errors`)
    await screenshot(page, `roles-home-${user}-1440`)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator(`[data-test=${want.section}]`).waitFor()
    await screenshot(page, `roles-home-${user}-390`)
    await page.setViewportSize({ width: 1440, height: 900 })
  })
}

test('admin URLs send everyone but the admin home, with a Chinese message', async () => {
  for (const [user, want] of Object.entries(ROLES)) {
    const page = pages[user]
    for (const url of ADMIN_URLS) {
      await page.goto(server.baseUrl + url)
      if (want.admin) {
        await page.waitForURL(new RegExp(url + '$'))
        continue
      }
      await page.waitForURL(/\/home$/)
      await page.locator('.el-message', { hasText: '您没有访问该页面的权限' }).first().waitFor()
      await page.locator('[data-test=home]').waitFor()
    }
  }
  // A judge reads no projects: the ledger sends it home too.
  await pages.judge1.goto(server.baseUrl + '/projects')
  await pages.judge1.waitForURL(/\/home$/)
})

test('一张表: the unit opens on its own projects and sees 填报 only there', async () => {
  const page = pages.unit
  const me = await apiGet(page, '/auth/me')
  const units = await apiGet(page, '/units?region=371524')
  const unitName = units.items.find((u) => u.id === me.roles[0].unit_id).name
  await page.goto(server.baseUrl + '/supervision/reports')
  const rows = page.locator('[data-test=reports-table] .el-table__body-wrapper tr.el-table__row')
  await rows.first().waitFor()
  const mine = await apiGet(page, '/reports?mine=true')
  assert.equal(await rows.count(), Math.min(50, mine.items.length), 'opens on 我的项目')
  const rowFacts = () =>
    rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        unit: tr.querySelectorAll('td')[2].textContent.trim(),
        action: tr.querySelector('[data-action]').getAttribute('data-action'),
        label: tr.querySelector('[data-action]').textContent.trim(),
      })),
    )
  for (const r of await rowFacts()) assert.equal(r.unit, unitName)
  // 全部项目: the other units' projects are there, with 查看 only.
  await page.click('[data-test=reports-scope-all]')
  await page.waitForURL(/scope=all/)
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=reports-table] .el-table__body-wrapper tr.el-table__row').length > n, Math.min(50, mine.items.length))
  const all = await rowFacts()
  assert.ok(all.some((r) => r.unit !== unitName), 'other units are listed')
  for (const r of all) {
    if (r.action === 'fill') assert.equal(r.unit, unitName, '填报 only on its own projects')
    assert.equal(r.label, r.action === 'fill' ? '填报' : '查看')
    if (r.unit !== unitName) assert.equal(r.action, 'view')
  }
  // Paged: 50 a page.
  const total = (await apiGet(page, '/reports')).items.length
  assert.equal(all.length, Math.min(50, total))
  if (total > 50) await page.locator('[data-test=reports-pager]').waitFor()
  await screenshot(page, 'roles-reports-unit-all-1440')
})

test('the city account opens 亩产效益 on one of its counties', async () => {
  const page = pages.lcxmb
  await page.goto(server.baseUrl + '/land-efficiency')
  // The county picker over the region tree (RegionQueryBar), on one of the city's counties.
  const county = page.locator('[data-test=land-county-region] .el-select__selected-item:not(.is-hidden)').first()
  await county.waitFor()
  await page.waitForFunction(() => /\S/.test(document.querySelector('[data-test=land-county-region] .el-select__selected-item:not(.is-hidden)')?.textContent || ''))
  const name = (await county.textContent()).trim()
  assert.match(name, /(县|区|市)$/)
  assert.notEqual(name, '聊城市')
  await page.waitForTimeout(500)
  assert.equal(await page.locator('.el-alert--error').count(), 0, 'no error on the page')
})
