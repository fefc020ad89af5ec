// Funds in place and the "420" goal in the browser (issue 15 item 4): the 东阿县 office opens the
// targets page (时间表), sees its funds targets in 亿元 and 万美元 and the "420" card with its four
// parts, opens the goal's page and sees the four parts (figure / goal / progress bar) and the whole
// (parts met, overall ratio) agree with the API, at 1440 px and on a 390 px phone.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, screenshot, pageGet, TODAY } from './harness.mjs'

let server, page
browserSuite({ page: 'dongezb' }, (s) => ({ server, page } = s))

test('the targets page shows the funds targets and the "420" goal; its page shows the four parts and the whole', async () => {
  const list = await pageGet(page, `/targets?region=371524&as_of=${TODAY}`)
  const goal = list.items.find((t) => t.metric === 'composite')
  const funds = list.items.find((t) => t.metric === 'funds_in_place')
  const usd = list.items.find((t) => t.metric === 'funds_in_place_usd')
  assert.ok(goal && funds && usd, 'the demo targets')

  await page.goto(`${server.baseUrl}/supervision/targets?region=371524&as_of=${TODAY}`)
  await page.locator(`[data-test=target-${goal.id}]`).waitFor()
  assert.match(await page.textContent(`[data-test=target-${funds.id}]`), /40 亿元/)
  assert.match(await page.textContent(`[data-test=target-${usd.id}]`), /1,000 万美元/)
  const parts = await page.textContent(`[data-test=target-parts-${goal.id}]`)
  for (const p of goal.parts) assert.ok(parts.includes(`${p.name} ${p.value}/${p.goal}`), p.name)
  await screenshot(page, 'target420-list-1440')

  await page.click(`[data-test=target-open-${goal.id}]`)
  await page.locator('[data-test=target-whole]').waitFor()
  assert.equal((await page.textContent('[data-test=target-page-name]')).trim(), goal.name)
  for (let i = 0; i < 4; i++) {
    const p = goal.parts[i]
    assert.equal((await page.textContent(`[data-test=target-part-name-${i}]`)).trim(), p.name)
    assert.equal((await page.textContent(`[data-test=target-part-value-${i}]`)).trim(), String(p.value))
    assert.equal((await page.textContent(`[data-test=target-part-goal-${i}]`)).trim(), '20')
    await page.locator(`[data-test=target-part-bar-${i}]`).waitFor()
  }
  const met = goal.parts.filter((p) => p.met).length
  assert.equal((await page.textContent('[data-test=target-whole-met]')).trim(), `${met} / 4`)
  assert.match(await page.textContent('[data-test=target-whole-ratio]'), new RegExp(`${Math.round(goal.ratio * 1000) / 10}%`))
  await screenshot(page, 'target420-page-1440')

  // The same page on a phone: every part and the whole, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await page.locator('[data-test=target-whole]').waitFor()
  for (let i = 0; i < 4; i++) await page.locator(`[data-test=target-part-${i}]`).waitFor()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 1, `no sideways scroll (${overflow}px)`)
  await screenshot(page, 'target420-page-390')

  // The funds target's own page: the year's funds against 40 亿元.
  await page.goto(`${server.baseUrl}/supervision/targets/${funds.id}?as_of=${TODAY}`)
  await page.locator('[data-test=target-single]').waitFor()
  assert.equal((await page.textContent('[data-test=target-page-goal]')).trim(), '40 亿元')
  await screenshot(page, 'target420-funds-390')
  await page.setViewportSize({ width: 1440, height: 900 })
  assert.deepEqual(page.errors, [])
})
