// Organisation admin (系统管理): the demo admin adds a development zone under 东阿县, a unit in it,
// a person of that unit and a 专班 led by that person, each through its page; a coordinator sees
// none of these menu entries. Screenshots of the four pages at 1440 px and at 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assertNoMenus, browserSuite, loginAs, openMenu, pickOption, screenshotBoth } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

// An el-input's data-test lands on its native input.
const fill = (name, value) => page.fill(`input[data-test=${name}], [data-test=${name}] input`, value)

// Adds a record through an org page (`kind`: unit, person, team): `fills` (data-test → text) and
// `picks` (select data-test → option text) in order, then answers its row, once shown.
async function add(kind, menu, fills, picks, name) {
  await openMenu(page, `admin/${menu}`, `[data-test=${kind}-table]`)
  await page.click(`[data-test=${kind}-add]`)
  for (const [k, v] of Object.entries(fills)) await fill(k, v)
  for (const [k, v] of Object.entries(picks)) await pickOption(page, `[data-test=${k}]`, v)
  await page.click(`[data-test=${kind}-submit]`)
  const row = page.locator(`[data-test=${kind}-table] .el-table__row`, { hasText: name })
  await row.waitFor()
  return row
}

const shoot = (name) => screenshotBoth(page, name)

test('a coordinator has no organisation menu', async () => {
  await assertNoMenus(page, server.baseUrl, ['admin/regions', 'admin/units'])
})

test('the admin adds a zone, a unit, a person and a 专班', async () => {
  await loginAs(page, server.baseUrl, 'admin')

  await openMenu(page, 'admin/regions', '[data-test=region-371524]')
  await page.click('[data-test=region-371524] [data-test=add-zone]')
  await fill('region-code', '371524950')
  await fill('region-name', '东阿测试产业园')
  await page.click('[data-test=region-submit]')
  await page.locator('[data-test=region-371524950]').waitFor()
  assert.match(await page.locator('[data-test=region-371524950]').innerText(), /开发区\/园区/)
  await shoot('org-regions')

  await add('unit', 'units', { 'unit-name': '东阿测试产业园管委会' }, { 'unit-kind': '园区管委会', 'unit-form-region': '东阿测试产业园' }, '东阿测试产业园管委会')
  await shoot('org-units')

  await add(
    'person',
    'people',
    { 'person-name': '测试专员甲', 'person-title': '招商科科长', 'person-phone': '0635-3456789' },
    { 'person-kind': '红帮办/助企专员', 'person-tier': '镇街级', 'person-form-region': '东阿测试产业园', 'person-unit': '东阿测试产业园管委会' },
    '测试专员甲',
  )
  await shoot('org-people')

  const row = await add('team', 'teams', { 'team-name': '东阿测试产业链专班' }, { 'team-form-region': '东阿县', 'team-lead': '测试专员甲' }, '东阿测试产业链专班')
  assert.match(await row.innerText(), /测试专员甲/)
  await shoot('org-teams')
  assert.deepEqual(page.errors, [])
})
