// Accounts (issue 12, item 4): an admin creates a unit user under 系统管理 → 账号; the unit user
// logs in, must change the password before anything else, then sees the ledger; 我的账号 lists the
// sessions. Screens at 1440 px and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assertNoMenus, browserSuite, login, loginAs, openMenu, pickOption, screenshot } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const FIRST = 'Liu-Ji-Zhen-2026'
const CHOSEN = 'Wo-De-Xin-Mi-Ma-2026'

test('a coordinator has no accounts menu', async () => {
  await assertNoMenus(page, server.baseUrl, ['admin/accounts'])
})

test('an admin creates a unit user with a grant', async () => {
  await loginAs(page, server.baseUrl, 'admin')
  await openMenu(page, 'admin/accounts', '[data-test=account-table] .el-table__row >> nth=0')
  assert.ok(await page.locator('[data-test=account-table]').getByText('dongezb').count() > 0)
  await page.click('[data-test=account-create]')
  const dialog = page.locator('[data-test=account-dialog]')
  await dialog.waitFor()
  await page.fill('[data-test=account-login] input, input[data-test=account-login]', 'liujizhen')
  await page.fill('[data-test=account-name] input, input[data-test=account-name]', '工信局经办人')
  await page.fill('[data-test=account-password] input, input[data-test=account-password]', FIRST)
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
