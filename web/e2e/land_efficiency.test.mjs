// Land efficiency in a real browser against the real server (demo data): the published demo
// evaluation with its counts and town chart, then import (dry run with problems, then a clean file)
// → review and confirm → evaluate → enterprise card → adjust the class.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { browserSuite, loginAs, pickOption, screenshot } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function creditCode(n) {
  const body = '91371524MA' + String(n).padStart(7, '0')
  const sum = [...body].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0)
  return body + ALPHABET[(31 - (sum % 31)) % 31]
}

function csv(bad) {
  const head = 'credit_code,name,town,industry_code,above_scale,land_mu,tax,revenue,value_added,energy_tce,emission_eq,rd_spend,employees,electricity_kwh'
  const lines = [head]
  for (let i = 1; i <= 12; i++) {
    const above = i <= 8
    lines.push([creditCode(i), `测试${i}号机械有限公司`, i % 2 ? '铜城街道' : '刘集镇', '3489', above ? '是' : '否',
      10 + i * 5, 20 * i, 600 * i, 150 * i, 100 + i, 2 + i, 10 * i, 20 + i, 100000 * i].join(','))
  }
  if (bad) {
    lines[2] = lines[2].replace(creditCode(2), '91371524MA0000002X')
    lines[5] = lines[5].replace(/,35,/, ',-3,')
  }
  return lines.join('\n') + '\n'
}

test('the published demo evaluation: counts per class, results, town chart', async () => {
  await loginAs(page, server.baseUrl)
  await page.goto(server.baseUrl + '/land-efficiency')
  await page.locator('[data-test=land-results] .el-table__row').first().waitFor()
  assert.match(await page.textContent('[data-test=land-run-state]'), /公示中/)
  const counts = await page.textContent('[data-test=land-counts]')
  assert.match(counts, /A 类 \d+/)
  assert.match(counts, /参评 \d+ 家 \/ 共 200 家/)
  await page.waitForTimeout(500)
  await screenshot(page, 'land-results')
  await pickOption(page, '[data-test=land-filter-class]', 'D')
  await page.waitForFunction(() => [...document.querySelectorAll('[data-test=land-results] .el-table__row td:nth-child(6)')].every((td) => td.textContent.trim().startsWith('D')))
  await page.click('.el-tabs__item:has-text("镇街分布")')
  await page.locator('[data-test=town-chart] canvas').first().waitFor()
  await page.waitForTimeout(600)
  await screenshot(page, 'land-towns')
  await page.click('.el-tabs__item:has-text("调档与申诉")')
  await page.locator('[data-test=land-adjustments] .el-table__row').first().waitFor()
  assert.match(await page.textContent('[data-test=land-appeals]'), /待处理/)
  await screenshot(page, 'land-changes')
  await page.click('.el-tabs__item:has-text("政策台账")')
  await page.locator('[data-test=land-policy-rules] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test=land-policy-rules] .el-table__row').count(), 4)
  await screenshot(page, 'land-policy')
  // The scheme: the built-in one, validated by the engine's parser on save.
  await page.click('.el-tabs__item:has-text("评价方案")')
  const text = page.locator('[data-test=land-scheme-text]')
  await page.waitForFunction(() => (document.querySelector('[data-test=land-scheme-text]') || {}).value?.includes('shandong'))
  await text.fill((await text.inputValue()).replace('"weight": 40', '"weight": -40'))
  await page.click('[data-test=land-scheme-save]')
  await page.locator('[data-test=land-scheme-problems] .el-table__row').first().waitFor()
  assert.match(await page.textContent('[data-test=land-scheme-problems]'), /weight/)
  await screenshot(page, 'land-scheme')
})

test('import with a dry run listing every problem, then a clean import', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-land-e2e-'))
  const badFile = path.join(dir, 'bad.csv')
  const goodFile = path.join(dir, 'good.csv')
  fs.writeFileSync(badFile, csv(true))
  fs.writeFileSync(goodFile, csv(false))
  await page.fill('[data-test=land-year] input', '2024')
  await page.press('[data-test=land-year] input', 'Enter')
  await page.click('.el-tabs__item:has-text("企业数据")')
  await page.setInputFiles('[data-test=land-import-file]', badFile)
  await page.locator('[data-test=land-import-problems] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test=land-import-problems] .el-table__row').count(), 2)
  assert.match(await page.textContent('[data-test=land-import-report]'), /发现 2 个问题/)
  await screenshot(page, 'land-import-problems')
  await page.setInputFiles('[data-test=land-import-file]', goodFile)
  await page.locator('[data-test=land-import-confirm]').waitFor()
  assert.match(await page.textContent('[data-test=land-import-report]'), /检查通过：12 行/)
  await page.click('[data-test=land-import-confirm]')
  await page.locator('[data-test=land-data] .el-table__row', { hasText: '测试1号机械有限公司' }).waitFor()
  assert.equal(await page.locator('[data-test=land-data] .el-table__row').count(), 12)
  // Edit one enterprise's land area: journaled, still waiting for review.
  await page.locator('[data-test=land-data] .el-table__row', { hasText: '测试3号机械有限公司' }).locator('button:has-text("编辑")').click()
  const land = page.locator('[data-test=land-data-edit] .el-input-number input').first()
  await land.fill('26.5')
  await land.press('Tab')
  await page.click('[data-test=land-data-save]')
  await page.locator('[data-test=land-data] .el-table__row', { hasText: '26.50' }).waitFor()
})

test('review, confirm, evaluate, open the card, adjust the class', async () => {
  await page.click('[data-test=land-review-all]')
  await page.locator('[data-test=land-data] .el-table__row', { hasText: '部门已审核' }).first().waitFor()
  await page.click('[data-test=land-confirm-all]')
  await page.locator('[data-test=land-data] .el-table__row', { hasText: '企业已确认' }).first().waitFor()
  await page.click('[data-test=land-run]')
  await page.locator('[data-test=land-results] .el-table__row').first().waitFor()
  assert.match(await page.textContent('[data-test=land-run-state]'), /已测算/)
  assert.match(await page.textContent('[data-test=land-counts]'), /参评 12 家 \/ 共 12 家/)
  // The last of the ranking: its card explains the score.
  const row = page.locator('[data-test=land-results] .el-table__row', { hasText: '测试1号机械有限公司' })
  await row.click()
  await page.locator('[data-test=card-indicators] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test=card-indicators] .el-table__row').count(), 5)
  await page.locator('[data-test=score-chart] canvas').first().waitFor()
  const before = (await page.textContent('[data-test=card-class]')).trim()
  assert.match(before, /^[ABCD]$/)
  await page.waitForTimeout(500)
  await screenshot(page, 'land-card')
  const target = before === 'A' ? 'B' : 'A'
  await pickOption(page, '[data-test=adjust-class]', target)
  await page.fill('[data-test=adjust-reason]', '经核实新增产能已投产')
  await page.click('[data-test=adjust-submit]')
  await page.waitForFunction((t) => document.querySelector('[data-test=card-class]').textContent.trim() === t, target)
  assert.match(await page.textContent('[data-test=card-history]'), /经核实新增产能已投产/)
  await screenshot(page, 'land-adjusted')
  assert.deepEqual(page.errors, [])
})
