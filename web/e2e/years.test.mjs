// Years in a real browser against the real server (today pinned to 2026-06-15): the ledger list
// by year, a project's 年度投资 edited, the 2026 list rolled over into 2027 (preview, then apply),
// the overview's 同比 of 2027 against 2026, and a stage moved back before 开工 with the question
// whether its start date was wrong. Screenshots at 1440 and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, pickOption, screenshot, TODAY } from './harness.mjs'

let server, page, stager
browserSuite({ page: null, stager: 'dongezb' }, (s) => ({ server, page, stager } = s))

const YEAR = Number(TODAY.slice(0, 4))
const NEXT = YEAR + 1
const rows = () => page.locator('.project-row')
const total = async () => Number((await page.textContent('[data-test=total-count]')).match(/\d+/)[0])
const selected = (sel) => page.locator(`${sel} .el-select__selected-item:not(.is-hidden)`).first().textContent()

/** The page at phone width, pictured, then back at 1440 px. */
async function phoneShot(name) {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, name + '-390')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.waitForTimeout(200)
}

test('the list opens on the server\'s year, shows 新开工/续建 and switches year in the URL', async () => {
  await loginAs(page, server.baseUrl)
  await page.click('[data-test=menu-projects]')
  await rows().first().waitFor()
  assert.equal((await selected('[data-test=filter-year]')).trim(), `${YEAR}年`)
  const kinds = await page.locator('[data-test=project-kind]').allTextContents()
  assert.ok(kinds.length > 0 && kinds.every((k) => ['新开工', '续建'].includes(k.trim())), kinds.join(','))
  await screenshot(page, 'years-list')
  await phoneShot('years-list')

  await pickOption(page, '[data-test=filter-year]', `${NEXT}年`)
  await page.waitForURL((u) => new URL(u).searchParams.get('year') === String(NEXT))
  // Nothing is on next year's list before the roll-over.
  await page.waitForFunction(() => /共 0 个项目/.test(document.querySelector('[data-test=total-count]').textContent))
  await pickOption(page, '[data-test=filter-year]', `${YEAR}年`)
  await page.waitForURL((u) => new URL(u).searchParams.get('year') === String(YEAR))
  await rows().first().waitFor()
  assert.ok((await total()) > 0)
})

test('a project\'s 年度投资: edit this year\'s plan (versioned) and see it saved', async () => {
  await page.locator('.project-row [data-test=project-name]').first().click()
  await page.waitForURL(/\/projects\/\d+$/)
  await page.click('#tab-years')
  const row = page.locator('[data-test=years-table] .el-table__row', { hasText: `${YEAR}年` })
  await row.waitFor()
  await page.click(`[data-test=year-edit-${YEAR}]`)
  await page.locator('[data-test=year-dialog]').waitFor()
  // A plan the year's completed figure (4,372 万) stays within 1.5 × of: a smaller one is refused as implausible.
  await page.fill('input[data-test=year-form-annual-plan], [data-test=year-form-annual-plan] input', '4567.5')
  await page.click('[data-test=year-submit]')
  await page.locator('.el-message--success', { hasText: '年度投资已保存' }).waitFor()
  await page.waitForFunction(
    (y) => [...document.querySelectorAll('[data-test=years-table] .el-table__row')].some((r) => r.textContent.includes(`${y}年`) && r.textContent.includes('4,567.50')),
    YEAR,
  )
  await screenshot(page, 'years-project')
  await phoneShot('years-project')
})

test('roll the year over: preview with reasons and a plan, confirm, then the next year\'s list', async () => {
  await page.goto(server.baseUrl + '/projects')
  await rows().first().waitFor()
  const thisYear = await total()
  await page.click('[data-test=rollover-button]')
  await page.waitForURL(/\/projects\/rollover/)
  assert.equal((await selected('[data-test=rollover-year]')).trim(), `${YEAR}年`)
  await page.click('[data-test=rollover-preview]')
  const table = page.locator('[data-test=rollover-table]')
  await table.locator('.el-table__row').first().waitFor()
  const reasons = await page.locator('[data-test=rollover-reason]').allTextContents()
  assert.equal(reasons.length, thisYear, 'every project of the year is listed')
  assert.ok(reasons.includes('未竣工，转为续建'), reasons.join(','))
  assert.ok(reasons.every((r) => ['未竣工，转为续建', '已竣工', '已归档', '已在下年度清单'].includes(r.trim())), reasons.join(','))
  const carried = reasons.filter((r) => r === '未竣工，转为续建').length
  assert.match(await page.textContent('[data-test=rollover-summary]'), new RegExp(`${carried} 个将转入 ${NEXT} 年度`))
  // Next year's plan for the first carried project.
  const plan = page.locator('input[data-test^=rollover-plan-], [data-test^=rollover-plan-] input').first()
  await plan.fill('888')
  await screenshot(page, 'years-rollover-preview')
  await phoneShot('years-rollover-preview')

  await page.click('[data-test=rollover-apply]')
  const box = page.locator('.el-message-box')
  await box.waitFor()
  assert.match(await box.textContent(), new RegExp(`${carried} 个项目以续建转入 ${NEXT} 年度清单`))
  await box.locator('.el-button--primary').click()
  const done = page.locator('[data-test=rollover-result]')
  await done.waitFor()
  assert.match(await done.textContent(), new RegExp(`${carried} 个项目转入 ${NEXT} 年度清单`))
  await screenshot(page, 'years-rollover-done')

  await page.click('[data-test=rollover-open-list]')
  await page.waitForURL((u) => new URL(u).searchParams.get('year') === String(NEXT))
  await rows().first().waitFor()
  assert.equal(await total(), carried)
  const kinds = await page.locator('[data-test=project-kind]').allTextContents()
  assert.ok(kinds.every((k) => k.trim() === '续建'), kinds.join(','))
  // The plan typed in the preview is next year's annual plan of that project.
  assert.ok((await page.locator('.project-row', { hasText: '888.00' }).count()) === 1, 'the plan of 888 万元 was written')
})

test('the overview compares the year with the one before (同比)', async () => {
  await page.goto(server.baseUrl + '/overview')
  await page.locator('[data-test=card-project_count]').waitFor()
  await pickOption(page, '[data-test=overview-year]', `${NEXT}年`)
  const yoy = page.locator('[data-test=yoy]')
  await yoy.waitFor()
  assert.match(await yoy.textContent(), new RegExp(`同比（${YEAR}年同期`))
  const now = Number(await page.textContent('[data-test=yoy-now-project_count]'))
  const then = Number(await page.textContent('[data-test=yoy-then-project_count]'))
  assert.ok(now > 0 && then >= now, `${now} vs ${then}`)
  const expected = then === 0 ? '—' : (now === then ? '0.0%' : `${now > then ? '+' : '-'}${(Math.abs(now - then) / then * 100).toFixed(1)}%`)
  assert.equal((await page.textContent('[data-test=yoy-change-project_count]')).trim(), expected)
  await page.waitForTimeout(1200)
  await screenshot(page, 'years-overview')
  await phoneShot('years-overview')
})

test('moving a started project back to 签约 asks whether its start date was wrong, then clears it', async () => {
  // Its own page (logged in by the suite), so it runs alone too: --test-name-pattern=签约.
  const page = stager
  await page.goto(server.baseUrl + `/projects?year=${YEAR}&stage=started`)
  await page.locator('.project-row').first().waitFor()
  await page.locator('.project-row [data-test=project-name]').first().click()
  await page.waitForURL(/\/projects\/\d+$/)
  const start = await page.inputValue('[data-test=field-actual_start] input')
  assert.match(start, /^\d{4}-\d{2}-\d{2}$/)
  await page.click('[data-test=stage-button]')
  await pickOption(page, '[data-test=stage-select]', '签约')
  await page.click('[data-test=stage-submit]')
  const box = page.locator('.el-message-box')
  await box.waitFor()
  assert.match(await box.textContent(), new RegExp(`该项目已填写实际开工日期 ${start}。退回到开工前的阶段，说明开工日期有误，将清除该日期。确定？`))
  await screenshot(page, 'years-stage-back')
  await box.locator('.el-button--primary').click()
  await page.locator('.el-message--success', { hasText: '阶段已变更' }).waitFor()
  await page.waitForFunction(() => document.querySelector('[data-test=stage-tag]').textContent.includes('签约'))
  assert.equal(await page.inputValue('[data-test=field-actual_start] input'), '')
  assert.deepEqual(page.errors, [])
})
