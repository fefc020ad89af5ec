// 链长制 assessment in a real browser: the county office sees the demo's published chain ranking,
// each chain by name with its 总链长 and 链长, 不适用 cells where nothing was due, and sets
// up a scheme of chains from the chain metrics; the county's viewer reads the same page on a phone.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, loginAs, screenshot } from './harness.mjs'

let server
let browser

async function pageAs(user, path) {
  const page = await newPage(browser)
  await loginAs(page, server.baseUrl, user)
  if (path) await page.goto(server.baseUrl + path)
  return page
}

async function pickScheme(page, name) {
  await page.click('[data-test=scheme-select]')
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).click()
  await page.locator('[data-test=run-title]', { hasText: name }).waitFor()
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the county office sees its chains ranked with 总链长 and 链长, and sets up a chain scheme', async () => {
  const page = await pageAs('dongezb', '/assessment/rankings')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.locator('[data-test=scheme-select]').waitFor()
  await pickScheme(page, '东阿县链长制月度考评')
  const table = page.locator('[data-test=run-table]')
  for (const chain of ['阿胶', '钢球', '轴承', '精品钢板']) assert.match(await table.textContent(), new RegExp(chain))
  const leaders = await page.locator('[data-test=subject-leaders]').allTextContents()
  assert.ok(leaders.length >= 4, leaders.join('|'))
  for (const l of leaders) assert.match(l, /总链长 \S+ · 链长 \S+/)
  // A chain with nothing due for a metric (no open problem, no week's report due) shows 不适用 there.
  assert.ok((await page.locator('[data-test=not-applicable]').count()) >= 1)
  await page.locator('[data-test=not-applicable-note]', { hasText: '无到期周报' }).waitFor()
  const header = await page.locator('[data-test=run-table] thead').textContent()
  for (const label of ['链长周报按时率', '巡链诊链次数', '签约线索数']) assert.match(header, new RegExp(label))
  await screenshot(page, 'rankings-chain-1440')

  // The bulletin downloads (xlsx).
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=bulletin-xlsx]')])
  assert.match(download.suggestedFilename(), /东阿县链长制月度考评.*\.xlsx$/)

  // A new scheme of chains starts from the chain metrics, each with its source.
  await page.click('[data-test=scheme-new]')
  await page.locator('[data-test=sc-subject-chain]').click()
  const metrics = await page.locator('[data-test=sc-metrics]').textContent()
  assert.match(metrics, /链长制数据自动计算/)
  await page.fill('input[data-test=sc-name]', '链长制季度考评（浏览器）')
  await screenshot(page, 'rankings-chain-dialog-1440')
  await page.click('[data-test=sc-save]')
  await page.locator('[data-test=scheme-dialog]').waitFor({ state: 'hidden' })
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the viewer reads the chain ranking on a phone (390 px)', async () => {
  const page = await pageAs('viewer', '/assessment/rankings')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator('[data-test=scheme-select]').waitFor()
  await pickScheme(page, '东阿县链长制月度考评')
  await page.locator('[data-test=subject-leaders]').first().waitFor()
  assert.match(await page.locator('[data-test=run-table]').textContent(), /阿胶/)
  assert.equal(await page.locator('[data-test=run-new]').count(), 0)
  await screenshot(page, 'rankings-chain-390')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
