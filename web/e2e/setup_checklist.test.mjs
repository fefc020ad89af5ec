// The first-run checklist (上线清单) in the browser: `gongjian init --region 422826` on an empty
// database, the admin logs in, must change the password, then lands on the checklist (the county
// is not set up yet): 乡镇（街道） done with its 11 towns, 单位 still to do, and its link opens 单位管理.
// Later visits to the home page stay there. Screens at 1440 px and 390 px.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { firstLogin, initDatabase, launchBrowser, newPage, screenshot, startServer } from './harness.mjs'

const FIRST = 'xianfeng-2026-start'
const CHOSEN = 'Xian-Feng-Wo-De-2026'

let db, server, browser, page

before(async () => {
  db = initDatabase({ region: '422826', admin: 'xfadmin', password: FIRST })
  server = await startServer({ db })
  browser = await launchBrowser()
  page = await newPage(browser)
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
  if (db) fs.rmSync(path.dirname(db), { recursive: true, force: true })
})

test('the new admin changes the password and lands on the checklist: towns done, units to do', async () => {
  await firstLogin(page, server.baseUrl, 'xfadmin', FIRST, CHOSEN, /\/admin\/setup/)
  await page.locator('[data-test=setup-step-towns]').waitFor()
  const head = await page.locator('[data-test=setup-checklist]').innerText()
  assert.match(head, /上线清单/)
  assert.match(head, /咸丰县的上线准备/)
  assert.match(head, /必做 1 \/ 6 项已完成/)
  assert.equal((await page.locator('[data-test=setup-status-towns]').innerText()).trim(), '已完成')
  assert.equal((await page.locator('[data-test=setup-count-towns]').innerText()).trim(), '已有 11 个')
  assert.equal((await page.locator('[data-test=setup-status-units]').innerText()).trim(), '待完成')
  assert.equal((await page.locator('[data-test=setup-count-units]').innerText()).trim(), '已有 0 个')
  assert.equal((await page.locator('[data-test=setup-status-rules]').innerText()).trim(), '待完成')
  assert.equal((await page.locator('[data-test=setup-status-teams]').innerText()).trim(), '可选')
  // Chinese first: no English words on the page (codes and counts are digits).
  assert.doesNotMatch(await page.locator('[data-test=setup-checklist]').innerText(), /[A-Za-z]{3,}/)
  // The menu offers it under 系统管理.
  assert.equal(await page.locator('[data-test="menu-admin/setup"]').count(), 1)
  await screenshot(page, 'setup-checklist')
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'setup-checklist-phone')
  // Usable at 390 px: nothing wider than the screen, the links still visible.
  const overflow = await page.evaluate(() => document.querySelector('[data-test=setup-checklist]').scrollWidth)
  assert.ok(overflow <= 390, `checklist width ${overflow}`)
  assert.ok(await page.locator('[data-test=setup-link-units]').isVisible())
  await page.setViewportSize({ width: 1440, height: 900 })
  assert.deepEqual(page.errors, [])
})

test('the units link opens 单位管理; the home page is the home page (工作台) again', async () => {
  await page.click('[data-test=setup-link-units]')
  await page.waitForURL(/\/admin\/units/)
  await page.locator('[data-test=org-units]').waitFor()
  // Landed once per log-in: the home page now stays the role's home page.
  await page.goto(server.baseUrl + '/')
  await page.waitForURL(/\/home/)
  assert.deepEqual(page.errors, [])
})
