// Land efficiency in a real browser against the real server (demo data): the published demo
// evaluation with its counts and town chart, then import (dry run with problems, then a clean file)
// → review and confirm → evaluate → enterprise card → adjust the class.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { browserSuite, loginAs, pickOption, screenshot } from './harness.mjs'

let server, page, city
browserSuite({ page: null, city: 'lcxmb' }, (s) => ({ server, page, city } = s))

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
  // The scheme as a Chinese form: the built-in one, validated by the engine's parser on save, each
  // problem at its field in Chinese; a changed weight is saved as the county's first version.
  await page.click('.el-tabs__item:has-text("评价方案")')
  const form = page.locator('[data-test=land-scheme-form]')
  await form.waitFor()
  for (const label of ['方案名称', '规上企业评价指标', '规下企业评价指标', '指标名称', '权重', '基准值计算方式', '得分上限(倍)', 'A 类比例(%)']) {
    assert.ok((await form.textContent()).includes(label), label)
  }
  const first = page.locator('[data-test=scheme-above-0]')
  assert.equal(await first.locator('[data-test=scheme-ind-id] .el-select__selected-item:not(.is-hidden)').first().textContent(), '亩均税收')
  assert.match(await first.textContent(), /税收（负数按 0）÷ 用地面积/)
  assert.match(await page.textContent('[data-test=scheme-share-D]'), /其余 5%/)
  assert.ok(!(await page.textContent('[data-test=land-scheme]')).includes('tax_per_mu'), 'no identifier on the form')
  const shareA = page.locator('[data-test=scheme-share-A] input')
  await shareA.fill('60')
  await shareA.press('Tab')
  await page.click('[data-test=land-scheme-save]')
  await page.locator('[data-test=scheme-shares-error]').waitFor()
  assert.match(await page.textContent('[data-test=scheme-shares-error]'), /各类比例之和不能超过 100/)
  await page.locator('[data-test=scheme-classes]').scrollIntoViewIfNeeded()
  await screenshot(page, 'land-scheme-problem')
  await shareA.fill('25')
  await shareA.press('Tab')
  const weight = first.locator('[data-test=scheme-ind-weight] input')
  await weight.fill('35')
  await weight.press('Tab')
  assert.match(await page.textContent('[data-test=scheme-weight-sum-above]'), /权重合计 95/)
  await page.click('[data-test=land-scheme-save]')
  await page.locator('[data-test=land-scheme]', { hasText: '本县方案第 1 版' }).waitFor()
  assert.equal(await page.locator('[data-test=scheme-shares-error]').count(), 0)
  assert.equal(await first.locator('[data-test=scheme-ind-weight] input').inputValue(), '35')
  const stored = await page.evaluate(async () => {
    const res = await fetch('/api/v1/land/schemes/371524') // the session cookie, as the app's own reads
    return res.json()
  })
  assert.equal(stored.version, 1)
  assert.equal(stored.scheme.groups.above.indicators[0].weight, 35)
  // The JSON stays available: 导出JSON downloads the document.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=land-scheme-export]')])
  const doc = JSON.parse(fs.readFileSync(await file.path(), 'utf8'))
  assert.equal(doc.groups.above.indicators[0].weight, 35)
  await screenshot(page, 'land-scheme')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, 'land-scheme-390')
  await page.setViewportSize({ width: 1440, height: 900 })
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
  // The template the importer reads: 下载导入模板 next to the import.
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=land-import-template]')])
  assert.equal(template.suggestedFilename(), '亩产效益导入模板-东阿县.xlsx')
  assert.equal(fs.readFileSync(await template.path()).subarray(0, 2).toString(), 'PK')
  await page.setInputFiles('[data-test=land-import-file]', badFile)
  await page.locator('[data-test=land-import-problems] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test=land-import-problems] .el-table__row').count(), 2)
  assert.match(await page.textContent('[data-test=land-import-report]'), /发现 2 个问题/)
  const problems = await page.textContent('[data-test=land-import-problems]')
  assert.match(problems, /统一社会信用代码.*校验位应为 W，实际为 X/)
  assert.match(problems, /用地面积\(亩\)/)
  assert.doesNotMatch(problems, /credit_code|land_mu|check character|must be/)
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
  const [excel] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=land-data-export]')])
  assert.equal(excel.suggestedFilename(), '亩产效益企业数据-东阿县-2024.xlsx')
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

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z\b/

test('the city account picks a county from the region tree; times are shown local, never as ISO', async () => {
  // Opened directly (the region tree loads after the page): a county, never the city's code.
  await city.goto(server.baseUrl + '/land-efficiency')
  const picker = city.locator('[data-test=land-county-region]')
  await picker.waitFor()
  await city.waitForFunction(() => /\S/.test(document.querySelector('[data-test=land-county-region] .el-select__selected-item:not(.is-hidden)')?.textContent || ''))
  const first = (await picker.locator('.el-select__selected-item:not(.is-hidden)').first().textContent()).trim()
  assert.match(first, /(县|区|市)$/)
  assert.notEqual(first, '聊城市')
  await city.waitForTimeout(500)
  assert.equal(await city.locator('.el-alert--error').count(), 0, 'no error on the page')
  assert.doesNotMatch(await city.textContent('[data-test=land-view]'), /371500|no county/)
  await pickOption(city, '[data-test=land-county-region]', '东阿县')
  await city.locator('[data-test=land-results] .el-table__row').first().waitFor()
  assert.match(await city.textContent('[data-test=land-run-state]'), /公示中/)
  // The options are the counties only (the city is not one).
  await city.click('[data-test=land-county-region] .el-select__wrapper')
  await city.locator('.el-select-dropdown__item:visible', { hasText: '东阿县' }).waitFor()
  const options = await city.locator('.el-select-dropdown__item:visible').allTextContents()
  assert.ok(options.includes('东阿县') && !options.includes('聊城市'), options.join(','))
  await city.keyboard.press('Escape')
  await city.click('.el-tabs__item:has-text("调档与申诉")')
  await city.locator('[data-test=land-adjustments] .el-table__row').first().waitFor()
  assert.match(await city.textContent('[data-test=land-adjustments]'), /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  assert.doesNotMatch(await city.textContent('[data-test=land-view]'), ISO_TIME)
  await screenshot(city, 'land-city-changes-1440')
  await city.click('.el-tabs__item:has-text("评价结果")')
  await city.locator('[data-test=land-results] .el-table__row', { hasText: '已调档' }).first().click()
  await city.locator('[data-test=card-history] .el-timeline-item').first().waitFor()
  assert.match(await city.textContent('[data-test=card-history]'), /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  await city.waitForTimeout(400)
  assert.doesNotMatch(await city.textContent('body'), ISO_TIME)
  await screenshot(city, 'land-city-card-1440')
  await city.keyboard.press('Escape')
  await city.setViewportSize({ width: 390, height: 844 })
  await city.reload()
  await city.locator('[data-test=land-county-region]').waitFor()
  await city.waitForTimeout(800)
  assert.equal(await city.locator('.el-alert--error').count(), 0)
  await screenshot(city, 'land-city-390')
  await city.setViewportSize({ width: 1440, height: 900 })
  assert.deepEqual(city.errors, [])
})
