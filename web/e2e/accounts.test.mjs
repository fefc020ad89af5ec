// Accounts (issue 12, item 4): an admin creates a unit user under 系统管理 → 账号; the unit user
// logs in, must change the password before anything else, then sees the ledger; 我的账号 lists the
// sessions. An admin links a leader account to a person (and unlinks it); that account sees the
// person's 包保 projects on the leader page, and the office sees a unit's 包保 there (issue 12,
// item 5). Screens at 1440 px and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TODAY, addDays, assertNoMenus, browserSuite, login, loginAs, logout, openMenu, pickOption, screenshot, pageApi } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const FIRST = 'Liu-Ji-Zhen-2026'
const CHOSEN = 'Wo-De-Xin-Mi-Ma-2026'

test('a coordinator has no accounts menu', async () => {
  await assertNoMenus(page, server.baseUrl, ['admin/accounts'])
})

/** As the admin on 账号管理: opens the new-account dialog and fills login, name and first password. */
async function startAccount(loginName, name) {
  await loginAs(page, server.baseUrl, 'admin')
  await openMenu(page, 'admin/accounts', '[data-test=account-table] .el-table__row >> nth=0')
  await page.click('[data-test=account-create]')
  const dialog = page.locator('[data-test=account-dialog]')
  await dialog.waitFor()
  await page.fill('[data-test=account-login] input, input[data-test=account-login]', loginName)
  await page.fill('[data-test=account-name] input, input[data-test=account-name]', name)
  await page.fill('[data-test=account-password] input, input[data-test=account-password]', FIRST)
  return dialog
}

test('an admin creates a unit user with a grant', async () => {
  await startAccount('liujizhen', '工信局经办人')
  assert.ok(await page.locator('[data-test=account-table]').getByText('dongezb').count() > 0)
  await pickOption(page, '[data-test=grant-unit]', '工业和信息化局')
  await screenshot(page, 'accounts-create')
  await page.click('[data-test=account-submit]')
  await page.locator('.el-message--success').waitFor()
  await page.locator('[data-test=account-table]').getByText('liujizhen').waitFor()
  const row = page.locator('[data-test=account-table] .el-table__row', { hasText: 'liujizhen' })
  assert.match(await row.innerText(), /责任单位 · 东阿县/)
  assert.match(await row.innerText(), /待改密码/)
  await screenshot(page, 'accounts-list')
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'accounts-list-phone')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(server.baseUrl + '/projects')
  await page.click('[data-test=logout]')
  await page.waitForURL(/\/login/)
})

test('the unit user must change the password, then sees the ledger', async () => {
  await login(page, server.baseUrl, 'liujizhen', FIRST)
  await page.waitForURL(/\/password/)
  await page.locator('[data-test=forced-password]').waitFor()
  // Another page is not reachable until the password is changed.
  await page.goto(server.baseUrl + '/projects')
  await page.waitForURL(/\/password/)
  await page.fill('[data-test=pw-old] input, input[data-test=pw-old]', FIRST)
  await page.fill('[data-test=pw-new] input, input[data-test=pw-new]', '123456')
  await page.fill('[data-test=pw-again] input, input[data-test=pw-again]', '123456')
  await page.click('[data-test=pw-submit]')
  await page.locator('[data-test=pw-error]').waitFor()
  assert.match(await page.locator('[data-test=password-form]').innerText(), /至少 12 个字符/)
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'accounts-forced-phone')
  await page.setViewportSize({ width: 1440, height: 900 })
  await screenshot(page, 'accounts-forced')
  await page.fill('[data-test=pw-new] input, input[data-test=pw-new]', CHOSEN)
  await page.fill('[data-test=pw-again] input, input[data-test=pw-again]', CHOSEN)
  await page.click('[data-test=pw-submit]')
  await page.waitForURL(/\/home/)
  await page.locator('[data-test=home]').waitFor()
})

test('我的账号: sessions, tokens, log out everywhere', async () => {
  await page.click('[data-test=current-user]')
  await page.waitForURL(/\/account/)
  await page.locator('[data-test=session-current]').waitFor()
  await page.fill('[data-test=token-name] input, input[data-test=token-name]', '报表脚本')
  await page.click('[data-test=token-create]')
  await page.locator('[data-test=token-new]').waitFor()
  await screenshot(page, 'my-account')
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'my-account-phone')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.click('[data-test=logout-all]')
  await page.locator('.el-message-box .el-button--primary').click()
  await page.waitForURL(/\/login/)
  assert.deepEqual(page.errors, [])
})

/** The forced first change of the password, from the log-in on. */
async function firstLogin(loginName) {
  await login(page, server.baseUrl, loginName, FIRST)
  await page.waitForURL(/\/password/)
  await page.fill('[data-test=pw-old] input, input[data-test=pw-old]', FIRST)
  await page.fill('[data-test=pw-new] input, input[data-test=pw-new]', CHOSEN)
  await page.fill('[data-test=pw-again] input, input[data-test=pw-again]', CHOSEN)
  await page.click('[data-test=pw-submit]')
  await page.waitForURL(/\/home/)
}

test('an admin links a leader account to a person, unlinks and links it again', async () => {
  const dialog = await startAccount('wanghaitao2', '王海涛（新账号）')
  await pickOption(page, '[data-test=grant-role]', '县级领导')
  const hint = page.locator('[data-test=account-person-hint]')
  await hint.filter({ hasText: '领导账号需关联人员' }).waitFor()
  await pickOption(page, '[data-test=account-person]', '王海涛')
  await hint.filter({ hasText: '关联后' }).waitFor()
  await screenshot(page, 'accounts-link-person')
  await page.click('[data-test=account-submit]')
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test=account-table] .el-table__row', { hasText: 'wanghaitao2' })
  await row.locator('[data-test=account-person-name]', { hasText: '王海涛' }).waitFor()

  // Unlink through the edit dialog, then link again.
  await row.locator('[data-test=account-edit]').click()
  await dialog.waitFor()
  await page.click('[data-test=account-person-unlink]')
  await hint.filter({ hasText: '领导账号需关联人员' }).waitFor()
  await page.click('[data-test=account-submit]')
  await dialog.waitFor({ state: 'hidden' })
  await row.getByText('未关联').waitFor()
  await row.locator('[data-test=account-edit]').click()
  await dialog.waitFor()
  await pickOption(page, '[data-test=account-person]', '王海涛')
  await page.click('[data-test=account-submit]')
  await dialog.waitFor({ state: 'hidden' })
  await row.locator('[data-test=account-person-name]', { hasText: '王海涛' }).waitFor()
  await screenshot(page, 'accounts-list-linked')
  await logout(page)
})

test('the linked leader account sees the person’s 包保 projects on the leader page', async () => {
  await firstLogin('wanghaitao2')
  await page.goto(server.baseUrl + '/supervision?tab=leader')
  await page.locator('[data-test=leader-projects] .el-table__row').first().waitFor()
  assert.match(await page.locator('h3').first().innerText(), /王海涛/)
  await page.locator('[data-test=duty-title]', { hasText: '王海涛' }).waitFor()
  await screenshot(page, 'leader-linked-account')
  await logout(page)
})

/** A call to the API with the page's token: { status, body }. */
const apiCall = (method, path, body) => pageApi(page, method, path, body)

test('the office picks a unit (帮包部门) on the leader page; the unit user sees its own 包保 there', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  // On the project page the office makes 工业和信息化局 help one project from today (the holder picker).
  const project = (await apiCall('GET', '/projects?region=371524&limit=1&offset=40')).body.items[0]
  const other = (await apiCall('GET', '/units?region=371524')).body.items.find((u) => u.name !== '工业和信息化局')
  await page.goto(`${server.baseUrl}/projects/${project.id}`)
  await page.click('#tab-supervision')
  await page.locator('[data-test=duty]').waitFor()
  await page.click('[data-test=duty-add]')
  await page.locator('[data-test=duty-add-dialog]').waitFor()
  await pickOption(page, '[data-test=duty-add-holder]', '工业和信息化局')
  await page.click('[data-test=duty-add-ok]')
  await page.locator('[data-test=duty-current] li', { hasText: '工业和信息化局' }).waitFor()
  // The handover's pickers are the same: a dry run of another unit's 包保 (held for a month) to
  // 工业和信息化局 lists its project, nothing changes.
  const held = (await apiCall('GET', '/projects?region=371524&limit=1&offset=41')).body.items[0]
  const since = addDays(TODAY, -30)
  assert.equal((await apiCall('POST', `/projects/${held.id}/assignments`, { unit_id: other.id, from_date: since })).status, 201)
  await page.click('[data-test=duty-handover]')
  const handover = page.locator('[data-test=handover-dialog]')
  await handover.waitFor()
  await pickOption(page, '[data-test=handover-from]', other.name)
  await page.waitForTimeout(600) // the first drop-down fades out before the second opens
  await pickOption(page, '[data-test=handover-to]', '工业和信息化局')
  await page.click('[data-test=handover-submit]')
  await page.locator('[data-test=handover-preview]', { hasText: held.code }).waitFor()
  await handover.locator('.el-dialog__footer button', { hasText: '取消' }).click()
  await handover.waitFor({ state: 'hidden' })

  await page.goto(server.baseUrl + '/supervision?tab=leader')
  // Nothing picked: every current 包保 of leaders and units.
  await page.locator('[data-test=duty-title]', { hasText: '当前全部包保' }).waitFor()
  await page.locator('[data-test=holder-assignments] .el-table__row', { hasText: '工业和信息化局' }).first().waitFor()
  await pickOption(page, '[data-test=leader-pick]', '工业和信息化局')
  await page.locator('[data-test=duty-title]', { hasText: '工业和信息化局' }).waitFor()
  await page.locator('[data-test=holder-assignments] .el-table__row', { hasText: project.code }).waitFor()
  assert.equal(await page.locator('[data-test=leader-projects]').count(), 0)
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'leader-unit-phone')
  await page.setViewportSize({ width: 1440, height: 900 })
  await screenshot(page, 'leader-unit')
  await logout(page)

  await loginAs(page, server.baseUrl, 'unit')
  await page.goto(server.baseUrl + '/supervision?tab=leader')
  await page.locator('[data-test=duty-title]', { hasText: '本单位帮包的项目' }).waitFor()
  const row = page.locator('[data-test=holder-assignments] .el-table__row', { hasText: project.code })
  assert.match(await row.innerText(), /在任/)
  await screenshot(page, 'leader-unit-own')
  assert.deepEqual(page.errors, [])
})
