// A help text per page (issue 13): the header's ? button opens the page's help — a popover at
// 1440 px, a drawer from the bottom at 390 px — in Chinese. And two loose ends of 亩产效益: the
// built-in scheme is named in Chinese, and the county and year are kept in the URL.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, pickOption, screenshot, TODAY } from './harness.mjs'
import help from '../src/locales/zh-CN/help.js'

const s = browserSuite({ office: 'dongezb', city: 'lcxmb' })

const PAGES = [
  ['/projects', 'projects'],
  ['/supervision/lights?region=371524', 'lights'],
  ['/land-efficiency', 'land-efficiency'],
]

/** Opens the help of the page at `path`, checks its text, shoots it and closes it again. */
async function openHelp(page, path, name, width) {
  await page.goto(s.server.baseUrl + path)
  const button = page.locator('[data-test=help-button]')
  await button.waitFor()
  await button.click()
  const text = page.locator('[data-test=help-text]:visible')
  await text.waitFor()
  assert.equal((await text.innerText()).trim(), help['help.' + name], `${name} at ${width}`)
  assert.match(await text.innerText(), /^[\u4e00-\u9fff「]/)
  assert.doesNotMatch(await text.innerText(), /[A-Za-z]{2,}/)
  assert.equal((await page.locator('.el-popover__title:visible, [data-test=help-drawer] .el-drawer__title').first().innerText()).trim(), '本页说明')
  await page.waitForTimeout(400) // the popover's / drawer's transition
  const box = await page.locator(width < 768 ? '[data-test=help-drawer]' : '.help-popover').first().boundingBox()
  assert.ok(box && box.x >= 0 && box.x + box.width <= width + 1, `${name} at ${width}: the help lies inside the window`)
  await screenshot(page, `help-${name}-${width}`)
  await page.keyboard.press('Escape')
  await text.waitFor({ state: 'hidden' })
}

test('the ? button shows the page help in Chinese, at 1440 and at 390 px', async () => {
  const page = s.office
  for (const [path, name] of PAGES) await openHelp(page, path, name, 1440)
  await page.setViewportSize({ width: 390, height: 844 })
  for (const [path, name] of PAGES) await openHelp(page, path, name, 390)
  await page.setViewportSize({ width: 1440, height: 900 })
  assert.deepEqual(page.errors, [])
})

const selected = (page, field) => page.locator(`[data-test=${field}] .el-select__selected-item:not(.is-hidden)`).first()

test('亩产效益 keeps the county and the year in the URL, through a reload and a shared link', async () => {
  const page = s.city
  const lastYear = String(Number(TODAY.slice(0, 4)) - 1)
  await page.goto(s.server.baseUrl + '/land-efficiency')
  await page.waitForFunction(() => /\S/.test(document.querySelector('[data-test=land-county-region] .el-select__selected-item:not(.is-hidden)')?.textContent || ''))
  await pickOption(page, '[data-test=land-county-region]', '东阿县')
  await page.waitForURL(/county=371524/)
  await page.fill('[data-test=land-year] input', '2024')
  await page.press('[data-test=land-year] input', 'Enter')
  await page.waitForURL(/year=2024/)
  await page.reload()
  await page.locator('[data-test=land-county-region]').waitFor()
  await page.waitForFunction(() => document.querySelector('[data-test=land-county-region] .el-select__selected-item:not(.is-hidden)')?.textContent.trim() === '东阿县')
  assert.equal(await page.inputValue('[data-test=land-year] input'), '2024')
  assert.match(page.url(), /county=371524/)

  // A shared link to another county opens there, on the year it names.
  await page.goto(`${s.server.baseUrl}/land-efficiency?county=371525&year=${lastYear}`)
  await page.waitForFunction(() => document.querySelector('[data-test=land-county-region] .el-select__selected-item:not(.is-hidden)')?.textContent.trim() === '冠县')
  assert.equal((await selected(page, 'land-county-region').textContent()).trim(), '冠县')
  assert.equal(await page.inputValue('[data-test=land-year] input'), lastYear)
  await page.waitForTimeout(400)
  assert.equal(await page.locator('.el-alert--error').count(), 0)
  assert.deepEqual(page.errors, [])
})

test('the built-in evaluation scheme reads 山东省亩产效益评价（默认方案）, never its code', async () => {
  const page = s.city
  // 冠县 has no scheme of its own: it evaluates with the built-in one.
  await page.goto(`${s.server.baseUrl}/land-efficiency?county=371525`)
  await page.click('.el-tabs__item:has-text("评价方案")')
  const NAME = 'input[data-test=scheme-name], [data-test=scheme-name] input'
  const name = page.locator(NAME).first()
  await name.waitFor()
  await page.waitForFunction((sel) => document.querySelector(sel)?.value, NAME)
  assert.equal(await name.inputValue(), '山东省亩产效益评价（默认方案）')
  assert.match(await page.textContent('[data-test=land-scheme]'), /使用内置方案/)
  await screenshot(page, 'help-land-scheme-1440')
  assert.deepEqual(page.errors, [])
})
