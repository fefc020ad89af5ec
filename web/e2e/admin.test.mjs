// Dictionary administration: only an admin sees the page; a renamed label is saved on the
// server and shows up in the project list's filters.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assertNoMenus, browserSuite, loginAs, openMenu, screenshot, pageGet } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

test('a coordinator has no dictionary menu', async () => {
  await assertNoMenus(page, server.baseUrl, ['admin/dictionaries'])
})

test('an admin renames a category and the new label is used everywhere', async () => {
  await loginAs(page, server.baseUrl, 'admin')
  await openMenu(page, 'admin/dictionaries', '[data-test=dict-table]')
  const labels = page.locator('input[data-test=dict-label-zh], [data-test=dict-label-zh] input')
  assert.equal(await labels.nth(2).inputValue(), '服务业')
  await labels.nth(2).fill('现代服务业')
  await page.click('[data-test=dict-save]')
  await page.locator('.el-message--success').waitFor()
  await screenshot(page, 'dictionary-admin')
  // The server has it.
  const dicts = await pageGet(page, '/dictionaries')
  assert.equal(dicts.category.find((e) => e.code === 'service').label_zh, '现代服务业')
  assert.equal(dicts.stage.length, 6, 'the other dictionaries are kept')
})
