// The roster in Excel (组织架构与责任人) in the browser: the city admin, on 单位管理, picks 东阿县,
// downloads the template, imports a workbook with a bad row (the dry run's problem table, nothing
// to confirm), then a good one (dry run, confirm) and sees the new unit; screenshots at 1440 and
// 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { browserSuite, loginAs, openMenu, pickOption, screenshot } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const GEN = new URL('../../tests/integration/write_xlsx.py', import.meta.url).pathname
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-roster-e2e-'))
function xlsx(name, sheets) {
  const f = path.join(dir, name)
  const r = spawnSync('python3', [GEN, f], { input: JSON.stringify(sheets), encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  return f
}
const UNIT_HEAD = ['单位名称', '单位类型', '所属区域']
const PERSON_HEAD = ['姓名', '职务', '人员类型', '层级', '手机号', '所属单位', '所属区域']

test('the admin downloads the template, sees a bad sheet refused, then imports a good one', async () => {
  await loginAs(page, server.baseUrl, 'admin')
  await openMenu(page, 'admin/units', '[data-test=unit-table]')
  await pickOption(page, '[data-test=roster-county]', '东阿县')

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=roster-template]')])
  assert.equal(download.suggestedFilename(), '组织架构与责任人-东阿县-模板.xlsx')

  const bad = xlsx('bad.xlsx', { 单位: [UNIT_HEAD, ['东阿花名册测试局', '局级', '']] })
  await page.click('[data-test=roster-import]')
  await page.setInputFiles('[data-test=import-file]', bad)
  await page.locator('[data-test=import-problems]').waitFor()
  const problems = await page.locator('[data-test=import-problems]').innerText()
  assert.match(problems, /【单位】单位类型/)
  assert.match(problems, /局级/)
  assert.match(problems, /不是可选值之一/)
  assert.doesNotMatch(problems, /not one of/)
  assert.equal(await page.locator('[data-test=import-confirm]').isDisabled(), true)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, 'roster-problems-390')
  await page.setViewportSize({ width: 1440, height: 900 })

  const good = xlsx('good.xlsx', {
    单位: [UNIT_HEAD, ['东阿花名册测试局', '县直部门', '']],
    人员: [PERSON_HEAD, ['花名册测试人', '科员', '联络员', '', '13800000000', '东阿花名册测试局', '']],
  })
  await page.setInputFiles('[data-test=import-file]', good)
  await page.locator('[data-test=import-ready]').waitFor()
  assert.match(await page.locator('[data-test=import-ready]').innerText(), /共 2 行，将新增 2 条/)
  await screenshot(page, 'roster-ready-1440')
  await page.click('[data-test=import-confirm]')
  await page.locator('[data-test=unit-table] .el-table__row', { hasText: '东阿花名册测试局' }).waitFor()

  await openMenu(page, 'admin/people', '[data-test=person-table]')
  await page.locator('[data-test=person-table] .el-table__row', { hasText: '花名册测试人' }).waitFor()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, 'roster-people-390')
  await page.setViewportSize({ width: 1440, height: 900 })
})
