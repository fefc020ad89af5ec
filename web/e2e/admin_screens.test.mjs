// The admin's screens (issue 14: roles do what README says and no more). README's admin reads and
// runs 系统管理; the app takes its buttons from the permissions the server gives, so the admin sees
// no business action: no new project, roll-over, stage or archive, no problem to raise, no report
// task to generate, no land import or run, no event or ranking scheme to set up, no 规则设置 — but
// the ledger import of the first-run checklist (project.import) and every 系统管理 page. At 1440 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, screenshot } from './harness.mjs'

const suite = browserSuite({ page: 'admin' })

const absent = async (page, selectors) => {
  for (const s of selectors) assert.equal(await page.locator(`[data-test=${s}]`).count(), 0, s)
}

test('the admin\'s menu: 系统管理 and the readers\' pages, not 规则设置', async () => {
  const { page, server } = suite
  await page.goto(server.baseUrl + '/home')
  await page.locator('[data-test="menu-projects"]').waitFor()
  for (const menu of ['projects', 'supervision', 'admin/setup', 'admin/accounts', 'admin/units', 'admin/dictionaries']) {
    assert.equal(await page.locator(`[data-test="menu-${menu}"]`).count(), 1, menu)
  }
  await page.goto(server.baseUrl + '/supervision/settings')
  await page.waitForURL(/\/home|\/admin\/setup/)
  assert.deepEqual(page.errors, [])
})

test('the ledger: the import of the first sheet, no new project, roll-over, stage or archive', async () => {
  const { page, server } = suite
  await page.goto(server.baseUrl + '/projects')
  await page.locator('[data-test=project-table] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test=import-button]').count(), 1)
  await absent(page, ['new-project', 'rollover-button'])
  await screenshot(page, 'admin-projects')
  await page.locator('[data-test=project-table] .el-table__row').first().click()
  await page.waitForURL(/\/projects\/\d+/)
  await page.locator('[data-test=project-detail], .page').first().waitFor()
  await page.waitForTimeout(500)
  await absent(page, ['stage-button', 'archive-button', 'mplan-edit'])
  await screenshot(page, 'admin-project')
  assert.deepEqual(page.errors, [])
})

test('supervision, land efficiency and assessment: read only', async () => {
  const { page, server } = suite
  const visits = [
    ['/supervision', ['raise']],
    ['/supervision/reports', ['reports-generate']],
    ['/land-efficiency', ['land-import-pick', 'land-review-all', 'land-confirm-all', 'land-run']],
    ['/assessment/rankings', ['scheme-new']],
  ]
  for (const [path, buttons] of visits) {
    await page.goto(server.baseUrl + path)
    await page.waitForLoadState('networkidle')
    await absent(page, buttons)
    await screenshot(page, 'admin' + path.replaceAll('/', '-'))
  }
  await page.goto(server.baseUrl + '/assessment/observations')
  await page.waitForLoadState('networkidle')
  assert.equal(await page.locator('.toolbar >> text=新建').count(), 0)
  assert.deepEqual(page.errors, [])
})

test('the checklist names the office for the rules instead of a link the admin cannot follow', async () => {
  const { page, server } = suite
  await page.goto(server.baseUrl + '/admin/setup')
  await page.locator('[data-test=setup-step-rules]').waitFor()
  assert.equal(await page.locator('[data-test=setup-link-rules]').count(), 0)
  assert.equal((await page.locator('[data-test=setup-office-rules]').innerText()).trim(), '由项目办设置')
  assert.equal(await page.locator('[data-test=setup-link-projects]').count(), 1)
  await screenshot(page, 'admin-setup')
  assert.deepEqual(page.errors, [])
})
