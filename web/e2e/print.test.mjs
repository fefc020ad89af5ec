// A problem's step bar and the two print views (交办单, 项目一览表) in a real browser on the demo
// database, at the pinned date (harness.mjs → tests/integration/clock.mjs). The hand-known facts:
// demo problem #10 (节能审查报告…, 发展和改革局, 赵志刚, deadline 2026-05-28) is signed (已签收) and
// 18 days overdue, escalated to 联系县领导 (the third rung of four); the 2026 list has 150 projects,
// 23 of them 开工 with 二期 in their name.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, screenshot, TODAY } from './harness.mjs'

let server, page
browserSuite({ page: 'dongezb' }, (s) => ({ server, page } = s))

const text = async (sel) => (await page.locator(sel).first().textContent()).trim()

test('the step bar shows where a problem stands, who moved it when, and its escalation', async () => {
  await page.goto(server.baseUrl + '/supervision/problems/10')
  await page.locator('[data-test=problem-bar] [data-test=bar-current]').waitFor()
  assert.equal(await text('[data-test=bar-current]'), '已签收')
  const titles = await page.locator('[data-test=problem-bar] .el-step__title').allTextContents()
  assert.deepEqual(titles.map((s) => s.trim()), ['已提出', '已交办', '已签收', '待核销', '已销号'])
  assert.match(await text('[data-test=bar-assigned] .el-step__description'), /2026-04-30/)
  assert.match(await text('[data-test=bar-signed] .el-step__description'), /逾期 18 天/)
  assert.equal(await page.locator('[data-test=bar-verifying] .el-step__description').textContent(), '', 'a step not reached has no date')
  assert.equal(await page.locator('[data-test=bar-escalation] [data-test=rung-reached]').count(), 3)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.locator('[data-test=problem-bar] .el-steps--vertical').waitFor()
  await screenshot(page, 'print-step-bar-390')
  await page.setViewportSize({ width: 1440, height: 900 })
})

test('a returned problem shows the return on the step it came back from', async () => {
  await page.goto(server.baseUrl + '/supervision/problems/6')
  await page.locator('[data-test=bar-off]').waitFor()
  assert.equal(await text('[data-test=bar-current]'), '待核销')
  assert.match(await text('[data-test=bar-off]'), /^已退回：2026-05-16/)
})

test('打印交办单 opens the slip of the problem without the app layout; printing hides the button', async () => {
  await page.goto(server.baseUrl + '/supervision/problems/10')
  await page.click('[data-test=print-slip]')
  await page.waitForURL(/\/problems\/10\/print$/)
  await page.locator('[data-test=slip]').waitFor()
  assert.equal(await page.locator('[data-test=menu-projects]').count(), 0, 'no menu')
  assert.equal(await text('[data-test=slip] h1'), '重点项目问题交办单')
  assert.match(await text('[data-test=slip-project]'), /智慧渔业养殖二期项目/)
  assert.equal(await text('[data-test=slip-unit]'), '发展和改革局')
  assert.equal(await text('[data-test=slip-leader]'), '赵志刚')
  assert.equal(await text('[data-test=slip-assigned-on]'), '2026年4月30日')
  assert.equal(await text('[data-test=slip-deadline]'), '2026年5月28日')
  assert.match(await text('[data-test=slip-number]'), /〔2026〕第 10 号/)
  assert.match(await text('[data-test=slip-issuer]'), /东阿县项目办/)
  assert.ok(await page.locator('[data-test=print-button]').isVisible())
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('[data-test=print-button]').isVisible(), false, 'the 打印 button is not printed')
  await page.pdf({ path: (await screenshot(page, 'print-slip')).replace(/\.png$/, '.pdf'), preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  assert.ok(await page.locator('[data-test=print-button]').isVisible())
})

test('打印一览表 prints every row of the filtered list, not just the page shown', async () => {
  await page.goto(server.baseUrl + '/projects?stage=started&q=二期')
  await page.locator('[data-test=total-count]', { hasText: '23' }).waitFor()
  assert.equal(await page.locator('.project-row').count(), 20, 'the list shows its first page')
  await page.click('[data-test=print-list]')
  await page.waitForURL(/\/projects\/print\?/)
  await page.locator('[data-test=project-print]').waitFor()
  assert.equal(await page.locator('[data-test=print-row]').count(), 23)
  assert.equal(await text('[data-test=print-title]'), '东阿县2026年重点项目一览表')
  const filters = await text('[data-test=print-filters]')
  assert.match(filters, /项目阶段：开工/)
  assert.match(filters, /关键词：二期/)
  assert.match(await text('[data-test=print-date]'), new RegExp(TODAY))
  assert.equal(await page.locator('[data-test=menu-projects]').count(), 0, 'no menu')
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('[data-test=print-button]').isVisible(), false)
  await page.emulateMedia({ media: 'screen' })
})

test('the whole list is read past the list endpoint\'s page of 100', async () => {
  await page.goto(server.baseUrl + '/projects/print')
  await page.locator('[data-test=project-print]').waitFor()
  assert.equal(await page.locator('[data-test=print-row]').count(), 150)
  assert.equal(await text('[data-test=print-row] td'), '1')
  assert.deepEqual(page.errors, [])
})
