// 导出Excel on the four supervision lists (issue 13 item 6), the ledger import template link, and a
// target past its deadline (item 5), against the real server on demo data: the project office
// (coordinator) finds the button on 问题清单, 一张表, 红黄绿灯 and 目标, and each downloads the list's
// workbook named after the list.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, screenshot, TODAY, pageGet } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const PAGES = [
  ['/supervision?tab=board', 'problems-export', new RegExp(`^问题清单-${TODAY}\\.xlsx$`)],
  ['/supervision/reports?region=371524', 'reports-export', /^一张表-\d{4}-W\d{2}\.xlsx$/],
  ['/supervision/lights?region=371524', 'lights-export', new RegExp(`^红黄绿灯-${TODAY}\\.xlsx$`)],
  ['/supervision/targets?region=371524', 'targets-export', new RegExp(`^目标-${TODAY}\\.xlsx$`)],
  ['/enterprises', 'ent-export', new RegExp(`^企业库-${TODAY}\\.xlsx$`)],
  ['/chains', 'chains-export', new RegExp(`^链长制-${TODAY}\\.xlsx$`)],
  ['/attraction/events', 'events-export', /^招商活动-\d{4}-01-01至\d{4}-12-31\.xlsx$/],
]

test('the coordinator exports each list to Excel', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  for (const [url, button, name] of PAGES) {
    await page.goto(server.baseUrl + url)
    const b = page.locator(`[data-test=${button}]`)
    await b.waitFor()
    assert.match(await b.textContent(), /导出 ?Excel/)
    const [download] = await Promise.all([page.waitForEvent('download'), b.click()])
    assert.match(download.suggestedFilename(), name, url)
  }
  await screenshot(page, 'targets-export')
  assert.deepEqual(page.errors, [])
})

test('targets past their deadline: 已完成 or 已到期未完成 with the deadline\'s value, no forecast', async () => {
  await page.goto(`${server.baseUrl}/supervision/targets?region=371524&as_of=2026-12-07`)
  await page.locator('[data-test^=target-status-]').first().waitFor()
  const list = await pageGet(page, '/targets?region=371524&as_of=2026-12-07')
  const past = list.items.filter((t) => t.deadline < '2026-12-07')
  assert.ok(past.length >= 1)
  for (const t of past) {
    const status = await page.textContent(`[data-test=target-status-${t.id}]`)
    assert.equal(status.trim(), t.status === 'met' ? '已完成' : '已到期未完成', t.name)
    assert.match(await page.textContent(`[data-test=target-value-${t.id}]`), /截止日完成值/)
    assert.equal(await page.locator(`[data-test=target-projected-${t.id}]`).count(), 0, 'no forecast')
  }
  await screenshot(page, 'targets-past-deadline')
  assert.deepEqual(page.errors, [])
})

test('the ledger import dialog links the import template', async () => {
  await page.goto(`${server.baseUrl}/projects`)
  await page.click('[data-test=import-button]')
  const link = page.locator('[data-test=import-template]')
  await link.waitFor()
  assert.equal((await link.textContent()).trim(), '下载导入模板')
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  assert.equal(download.suggestedFilename(), '重点项目台账-导入模板.xlsx')
  assert.deepEqual(page.errors, [])
})
