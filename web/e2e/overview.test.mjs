// The county overview: headline cards and ECharts charts (canvas) render;
// the language switch turns the labels into English and is remembered.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, login, pickOption, screenshot } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

test('overview shows headline figures and charts', async () => {
  await loginAs(page, server.baseUrl)
  await page.click('[data-test=menu-overview]')
  await page.waitForURL(/\/overview/)
  await page.locator('[data-test=card-project_count]').waitFor()
  const count = Number((await page.textContent('[data-test=card-project_count] .card-value')).match(/\d+/)[0])
  assert.ok(count > 0, 'the county has projects')
  assert.match(await page.textContent('[data-test=card-total_investment]'), /[\d,]+\.\d{2}\s*万元/)
  assert.match(await page.textContent('[data-test=completion-rate]'), /完成率/)
  await page.waitForFunction(() => document.querySelectorAll('[data-test=chart] canvas').length >= 3)
  // Give ECharts its entry animation before the picture.
  await page.waitForTimeout(1200)
  await screenshot(page, 'overview')
})

test('the language switch is applied and remembered', async () => {
  await pickOption(page, '[data-test=lang-switch]', 'English')
  await page.waitForFunction(() => document.querySelector('[data-test=menu-projects]').textContent.includes('Projects'))
  await page.reload()
  await page.locator('[data-test=card-project_count]').waitFor()
  assert.match(await page.textContent('[data-test=menu-overview]'), /Overview/)
  await page.waitForTimeout(1200)
  await screenshot(page, 'overview-en')
  await pickOption(page, '[data-test=lang-switch]', '简体中文')
})

test('a bad session cookie sends the user back to the login page', async () => {
  await page.context().clearCookies()
  await page.context().addCookies([{ name: 'gj_session', value: 'not-a-token', url: server.baseUrl + '/api/' }])
  await page.goto(server.baseUrl + '/projects?stage=started')
  await page.waitForURL(/\/login\?redirect=/)
  await login(page, server.baseUrl, 'dongezb', 'wrong-password')
  const err = page.locator('[data-test=login-error]')
  await err.waitFor()
  assert.match(await err.textContent(), /\S/, 'the server message is shown')
  await screenshot(page, 'login-error')
})
