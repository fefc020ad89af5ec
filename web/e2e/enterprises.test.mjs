// 企业库 in a real browser against the real server (demo data): the county office finds a backbone
// enterprise with its land-efficiency class, opens it (tags, yearly growth, the projects it builds),
// goes to one of those projects and sees the builder's class there; registers a new enterprise,
// refused first for a wrong check character; a viewer reads but has no register button.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, pickOption, screenshot } from './harness.mjs'

let server, page, viewer
browserSuite({ page: 'dongezb', viewer: null }, (s) => ({ server, page, viewer } = s))

test('find a backbone enterprise, open it, follow it to its project and back', async () => {
  await page.goto(server.baseUrl + '/enterprises')
  await page.locator('[data-test=ent-table] .el-table__row').first().waitFor()
  assert.match(await page.textContent('[data-test=ent-total]'), /共 \d+ 家企业/)
  await pickOption(page, '[data-test=ent-tag]', '骨干企业')
  await page.waitForFunction(() => /共 8 家企业/.test(document.querySelector('[data-test=ent-total]')?.textContent || ''))
  assert.equal(await page.locator('[data-test=ent-table] [data-test=ent-backbone]').count(), 8)
  const classes = await page.locator('[data-test=ent-table] [data-test=ent-class]').allTextContents()
  assert.ok(classes.some((c) => /^[ABCD]$/.test(c.trim())), classes.join(','))
  await screenshot(page, 'enterprises-list')
  await page.locator('[data-test=ent-table] [data-test=ent-name]').first().click()
  await page.waitForURL(/\/enterprises\/[0-9A-Z]{18}$/)
  await page.locator('[data-test=ent-title]').waitFor()
  assert.match(await page.textContent('[data-test=ent-tag-backbone]'), /骨干企业/)
  assert.equal(await page.locator('[data-test=ent-years] .el-table__row').count(), 2)
  assert.match(await page.textContent('[data-test=ent-land-class]'), /年度 [ABCD] 类|暂无已公示的评价/)
  await screenshot(page, 'enterprise-detail')
  const name = (await page.textContent('[data-test=ent-title]')).trim()
  const landText = await page.textContent('[data-test=ent-land-class]')
  await page.locator('[data-test=ent-projects] .el-table__row a').first().click()
  await page.waitForURL(/\/projects\/\d+$/)
  await page.locator('[data-test=builder-class]').waitFor()
  const klass = /([ABCD]) 类/.exec(landText)
  if (klass) assert.match(await page.textContent('[data-test=builder-class]'), new RegExp(`亩产效益 ${klass[1]} 类`))
  assert.equal(await page.inputValue('[data-test=field-builder] input'), name)
  await screenshot(page, 'project-builder-class')
  await page.click('[data-test=builder-link]')
  await page.waitForURL(/\/enterprises\/[0-9A-Z]{18}$/)
})

test('register an enterprise: a wrong check character is refused at the field', async () => {
  await page.goto(server.baseUrl + '/enterprises')
  await page.click('[data-test=ent-add]')
  await page.fill('input[data-test=ent-form-code], [data-test=ent-form-code] input', '91371524MA3C1234XE')
  await page.fill('input[data-test=ent-form-name], [data-test=ent-form-name] input', '东阿测试新材料有限公司')
  await page.click('[data-test=ent-form-save]')
  await page.locator('[data-test=ent-form] .el-form-item__error').first().waitFor()
  assert.match(await page.textContent('[data-test=ent-form] .el-form-item__error'), /校验码/)
  await page.fill('input[data-test=ent-form-code], [data-test=ent-form-code] input', '91371524MA3C1234XD')
  await page.click('[data-test=ent-form-tag-backbone]')
  await page.click('[data-test=ent-form-save]')
  await page.waitForURL(/\/enterprises\/91371524MA3C1234XD$/)
  assert.equal((await page.textContent('[data-test=ent-title]')).trim(), '东阿测试新材料有限公司')
  assert.match(await page.textContent('[data-test=ent-land-class]'), /暂无已公示的评价/)
})

test('a viewer reads the registry but cannot register', async () => {
  await loginAs(viewer, server.baseUrl, 'viewer')
  await viewer.goto(server.baseUrl + '/enterprises')
  await viewer.locator('[data-test=ent-table] .el-table__row').first().waitFor()
  assert.equal(await viewer.locator('[data-test=ent-add]').count(), 0)
  await viewer.setViewportSize({ width: 390, height: 844 })
  await viewer.goto(server.baseUrl + '/enterprises')
  await viewer.locator('[data-test=ent-card]').first().waitFor()
  await screenshot(viewer, 'enterprises-phone')
})
