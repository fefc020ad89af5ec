// Organisation admin (系统管理): the demo admin adds a development zone under 东阿县, a unit in it,
// a person of that unit and a 专班 led by that person, each through its page; a coordinator sees
// none of these menu entries. Screenshots of the four pages at 1440 px and at 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, pickOption, screenshot } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

// An el-input's data-test lands on its native input.
const fill = (name, value) => page.fill(`input[data-test=${name}], [data-test=${name}] input`, value)

async function shoot(name) {
  await screenshot(page, `${name}-1440`)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  await screenshot(page, `${name}-390`)
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('a coordinator has no organisation menu', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  await page.locator('[data-test=menu-projects]').waitFor()
  assert.equal(await page.locator('[data-test="menu-admin/regions"]').count(), 0)
  assert.equal(await page.locator('[data-test="menu-admin/units"]').count(), 0)
  await page.click('[data-test=logout]')
  await page.waitForURL(/\/login/)
})

test('the admin adds a zone, a unit, a person and a 专班', async () => {
  await loginAs(page, server.baseUrl, 'admin')

  await page.click('[data-test="menu-admin/regions"]')
  await page.locator('[data-test=region-371524]').waitFor()
  await page.click('[data-test=region-371524] [data-test=add-zone]')
  await fill('region-code', '371524950')
  await fill('region-name', '东阿测试产业园')
  await page.click('[data-test=region-submit]')
  await page.locator('[data-test=region-371524950]').waitFor()
  assert.match(await page.locator('[data-test=region-371524950]').innerText(), /开发区\/园区/)
  await shoot('org-regions')

  await page.click('[data-test="menu-admin/units"]')
  await page.locator('[data-test=unit-table]').waitFor()
  await page.click('[data-test=unit-add]')
  await fill('unit-name', '东阿测试产业园管委会')
  await pickOption(page, '[data-test=unit-kind]', '园区管委会')
  await pickOption(page, '[data-test=unit-form-region]', '东阿测试产业园')
  await page.click('[data-test=unit-submit]')
  await page.locator('[data-test=unit-table] .el-table__row', { hasText: '东阿测试产业园管委会' }).waitFor()
  await shoot('org-units')

  await page.click('[data-test="menu-admin/people"]')
  await page.locator('[data-test=person-table]').waitFor()
  await page.click('[data-test=person-add]')
  await fill('person-name', '测试专员甲')
  await fill('person-title', '招商科科长')
  await fill('person-phone', '0635-3456789')
  await pickOption(page, '[data-test=person-kind]', '红帮办/助企专员')
  await pickOption(page, '[data-test=person-tier]', '镇街级')
  await pickOption(page, '[data-test=person-form-region]', '东阿测试产业园')
  await pickOption(page, '[data-test=person-unit]', '东阿测试产业园管委会')
  await page.click('[data-test=person-submit]')
  await page.locator('[data-test=person-table] .el-table__row', { hasText: '测试专员甲' }).waitFor()
  await shoot('org-people')

  await page.click('[data-test="menu-admin/teams"]')
  await page.locator('[data-test=team-table]').waitFor()
  await page.click('[data-test=team-add]')
  await fill('team-name', '东阿测试产业链专班')
  await pickOption(page, '[data-test=team-form-region]', '东阿县')
  await pickOption(page, '[data-test=team-lead]', '测试专员甲')
  await page.click('[data-test=team-submit]')
  const row = page.locator('[data-test=team-table] .el-table__row', { hasText: '东阿测试产业链专班' })
  await row.waitFor()
  assert.match(await row.innerText(), /测试专员甲/)
  await shoot('org-teams')
  assert.deepEqual(page.errors, [])
})
