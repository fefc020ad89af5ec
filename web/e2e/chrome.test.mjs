// The app's common chrome (issue 13): every page says where it is (the header's breadcrumb, 工作台 ›
// section › page; on a phone only the page's title) and titles the browser tab 「<page> - 重点项目攻坚」;
// every page with a period opens on the same current period (the one containing today, by the
// region's report policy: GET /reports/period) and shows it in words, 2026年第N周.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, screenshot, TODAY, addDays } from './harness.mjs'
import { isoWeekKey } from '../../tests/integration/clock.mjs'

const s = browserSuite({ office: 'dongezb' })

// The pinned day, 2026-06-15, is a Monday: 2026-01-01 is a Thursday, so ISO week 1 starts on
// 2025-12-29 and 2026-06-15 is 168 days (24 weeks) later: week 25. Another pinned day: its ISO week.
const N = TODAY === '2026-06-15' ? 25 : Number(isoWeekKey(TODAY).slice(6))
const YEAR = isoWeekKey(TODAY).slice(0, 4)
const PERIOD = `${YEAR}年第${N}周`
const [PY, PW] = isoWeekKey(addDays(TODAY, -7)).split('-W')
const PREVIOUS = `${PY}年第${Number(PW)}周`

const crumbs = (page) => page.locator('[data-test=breadcrumb] .el-breadcrumb__item').allInnerTexts()
async function crumbsAre(page, expected) {
  await page.waitForFunction(
    (want) => [...document.querySelectorAll('[data-test=breadcrumb] .el-breadcrumb__item')].map((e) => e.innerText.replace(/\s*›\s*$/, '').trim()).join('|') === want,
    expected.join('|'),
  )
  return (await crumbs(page)).map((c) => c.replace(/\s*›\s*$/, '').trim())
}
async function titleIs(page, expected) {
  await page.waitForFunction((want) => document.title === want, expected)
  return page.title()
}

test('every page titles the tab and says where it is', async () => {
  const { office, server } = s
  const pages = [
    ['/home', '工作台', ['工作台']],
    ['/projects', '重点项目', ['工作台', '重点项目']],
    ['/overview', '重点项目总览', ['工作台', '重点项目总览']],
    ['/supervision/lights?region=371524', '红黄绿灯', ['工作台', '三张清单', '红黄绿灯']],
    ['/supervision/reports?region=371524', '一张表（进度报送）', ['工作台', '三张清单', '一张表（进度报送）']],
    ['/supervision/targets?region=371524', '时间表（目标）', ['工作台', '三张清单', '时间表（目标）']],
  ]
  for (const [path, title, trail] of pages) {
    await office.goto(server.baseUrl + path)
    assert.equal(await titleIs(office, `${title} - 重点项目攻坚`), `${title} - 重点项目攻坚`, path)
    assert.deepEqual(await crumbsAre(office, trail), trail, path)
  }
  assert.deepEqual(office.errors, [])
})

test("a project's page names the project in its crumbs and title; a crumb leads back", async () => {
  const { office, server } = s
  await office.goto(server.baseUrl + '/projects')
  const first = office.locator('.project-row [data-test=project-name]').first()
  await first.waitFor()
  const name = (await first.innerText()).trim()
  await first.click()
  await office.waitForURL(/\/projects\/\d+/)
  assert.deepEqual(await crumbsAre(office, ['工作台', '重点项目', '项目详情', name]), ['工作台', '重点项目', '项目详情', name])
  assert.equal(await titleIs(office, `${name} - 重点项目攻坚`), `${name} - 重点项目攻坚`)
  await screenshot(office, 'chrome-breadcrumb-project')
  await office.click('[data-test=breadcrumb] .el-breadcrumb__item >> text=重点项目')
  await office.waitForURL(/\/projects$/)
  assert.deepEqual(await crumbsAre(office, ['工作台', '重点项目']), ['工作台', '重点项目'])
  assert.deepEqual(office.errors, [])
})

test(`home, reports and the bulletin open on the same period, shown as ${PERIOD}`, async () => {
  const { office, server } = s
  await office.goto(server.baseUrl + '/home')
  const hint = office.locator('[data-test=home-missing] .hint')
  await hint.waitFor()
  assert.match(await hint.innerText(), new RegExp(`本期：${PERIOD}`))

  await office.goto(server.baseUrl + '/supervision/reports?region=371524')
  await office.waitForFunction((p) => (document.querySelector('[data-test=reports-period]') || {}).innerText?.includes(p), PERIOD)
  assert.equal((await office.locator('[data-test=reports-period]').innerText()).trim(), PERIOD)
  assert.equal(await office.locator('[data-test=reports-period]').getAttribute('data-period'), `${YEAR}-W${String(N).padStart(2, '0')}`)

  await office.goto(server.baseUrl + '/supervision/lights?region=371524')
  await office.waitForFunction((p) => (document.querySelector('[data-test=bulletin-period]') || {}).innerText?.includes(p), PERIOD)
  assert.equal((await office.locator('[data-test=bulletin-period]').innerText()).trim(), PERIOD)
  // The bulletin offers the previous period as a quick choice.
  await office.click('[data-test=bulletin-period] .el-select__wrapper')
  const previous = office.locator('.el-select-dropdown__item:visible', { hasText: '上一期' })
  await previous.waitFor()
  assert.match(await previous.innerText(), new RegExp(PREVIOUS))
  await screenshot(office, 'chrome-bulletin-period')
  await previous.click()
  await office.waitForFunction((p) => (document.querySelector('[data-test=bulletin-period]') || {}).innerText?.includes(p), PREVIOUS)
  assert.deepEqual(office.errors, [])
})

test('on a phone the header shows the page title and keeps the menu button', async () => {
  const { office, server } = s
  await office.setViewportSize({ width: 390, height: 844 })
  try {
    await office.goto(server.baseUrl + '/supervision/reports?region=371524')
    await office.locator('[data-test=page-title]', { hasText: '一张表（进度报送）' }).waitFor()
    assert.equal(await office.locator('[data-test=breadcrumb]').count(), 0)
    assert.equal(await office.locator('[data-test=menu-button]').getAttribute('aria-label'), '菜单')
    // The header fits the screen.
    const width = await office.evaluate(() => document.querySelector('.header').scrollWidth)
    assert.ok(width <= 390, `header ${width}px wide`)
    await screenshot(office, 'chrome-phone-header')
  } finally {
    await office.setViewportSize({ width: 1440, height: 900 })
  }
  assert.deepEqual(office.errors, [])
})
