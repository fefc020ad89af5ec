// The key-project ledger in a real browser against the real server:
// log in, list, filter, search, open, edit, save, see the journal.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, pickOption, screenshot, sessionToken } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const rows = () => page.locator('.project-row')

test('log in and see the project list', async () => {
  await loginAs(page, server.baseUrl)
  await page.click('[data-test=menu-projects]')
  await rows().first().waitFor()
  assert.ok((await rows().count()) > 0, 'the list shows projects')
  assert.match(await page.textContent('[data-test=current-user]'), /\S/)
  assert.match(await page.textContent('[data-test=total-count]'), /共 \d+ 个项目/)
  await page.locator('[data-test=stage-tag]').first().waitFor()
  await screenshot(page, 'ledger-list')
})

test('filter by category, reflected in the URL and kept on reload', async () => {
  const before = Number((await page.textContent('[data-test=total-count]')).match(/\d+/)[0])
  await pickOption(page, '[data-test=filter-category]', '工业')
  await page.waitForURL(/category=industrial/)
  await page.waitForFunction(
    () => [...document.querySelectorAll('.project-row td:nth-child(4)')].every((td) => td.textContent.trim() === '工业'),
  )
  const after = Number((await page.textContent('[data-test=total-count]')).match(/\d+/)[0])
  assert.ok(after > 0 && after <= before, `industrial: ${after} of ${before}`)
  await page.reload()
  await rows().first().waitFor()
  assert.match(page.url(), /category=industrial/)
  assert.equal(await page.locator('[data-test=filter-category] .el-select__selected-item:not(.is-hidden)').first().textContent(), '工业')
  await screenshot(page, 'ledger-filtered')
})

test('search by a term', async () => {
  const name = (await page.locator('.project-row [data-test=project-name]').first().textContent()).trim()
  const term = name.slice(0, 2)
  await page.fill('[data-test=filter-q]', term)
  await page.press('[data-test=filter-q]', 'Enter')
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === term)
  await page.locator('.project-row [data-test=project-name]', { hasText: name }).first().waitFor()
  assert.match(page.url(), /category=industrial/, 'the search keeps the category filter')
})

test('open a project, edit its name, save, see the journal entry', async () => {
  const oldName = (await page.locator('.project-row [data-test=project-name]').first().textContent()).trim()
  await page.locator('.project-row [data-test=project-name]').first().click()
  await page.waitForURL(/\/projects\/\d+$/)
  await page.locator('[data-test=project-title]').waitFor()
  assert.equal((await page.textContent('[data-test=project-title]')).trim(), oldName)
  await screenshot(page, 'ledger-detail')

  const newName = oldName + '（二期）'
  await page.fill('[data-test=field-name] input', newName)
  await page.click('[data-test=save]')
  await page.locator('.el-message--success').waitFor()
  await page.waitForFunction((n) => document.querySelector('[data-test=project-title]').textContent.trim() === n, newName)

  await page.click('#tab-journal')
  const change = page.locator('[data-test=journal-change][data-field=name]').first()
  await change.waitFor()
  assert.equal((await change.locator('.field').textContent()).trim(), '项目名称')
  assert.equal((await change.locator('.old').textContent()).trim(), oldName)
  assert.equal((await change.locator('.new').textContent()).trim(), newName)
  assert.equal((await page.locator('[data-test=journal-action]').first().textContent()).trim(), '修改')
  await screenshot(page, 'ledger-journal')
})

test('a stale version shows the conflict dialog and can reload', async () => {
  const id = page.url().match(/projects\/(\d+)/)[1]
  // Someone else saves the project while it is open here.
  const api = `${server.baseUrl}/api/v1`
  const auth = await (
    await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'dongezb', password: 'demo1234' }),
    })
  ).json()
  const headers = { Authorization: `Bearer ${auth.token}`, 'Content-Type': 'application/json' }
  const current = await (await fetch(`${api}/projects/${id}`, { headers })).json()
  const res = await fetch(`${api}/projects/${id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ version: current.version, builder: '他人修改的建设单位' }),
  })
  assert.equal(res.status, 200)

  await page.click('#tab-form')
  await page.fill('[data-test=field-specialist] input', '张三')
  await page.click('[data-test=save]')
  const dialog = page.locator('.el-dialog', { hasText: '该项目已被他人修改' })
  await dialog.waitFor()
  assert.match(await dialog.textContent(), /他人修改的建设单位/)
  await page.waitForTimeout(500) // dialog fade-in
  await screenshot(page, 'ledger-conflict')
  await page.click('[data-test=conflict-reload]')
  await dialog.waitFor({ state: 'hidden' })
  assert.equal(await page.inputValue('[data-test=field-builder] input'), '他人修改的建设单位')
})

test('a validation error is shown next to its field', async () => {
  await page.fill('[data-test=field-name] input', '')
  await page.click('[data-test=save]')
  const err = page.locator('[data-test=field-name] .el-form-item__error')
  await err.waitFor()
  assert.match(await err.textContent(), /\S/)
  await page.waitForTimeout(300)
  await screenshot(page, 'ledger-validation')
  await page.click('[data-test=revert]')
})

test('export the list as xlsx, dry-run import it back, confirm', async (t) => {
  // Import/export arrive later than the rest of the API: skip (visibly) until they exist.
  const probe = await fetch(`${server.baseUrl}/api/v1/projects/export?format=xlsx`, {
    headers: { Authorization: `Bearer ${await sessionToken(page)}` },
  })
  if (probe.status === 404) {
    t.skip('the server has no GET /api/v1/projects/export yet')
    return
  }
  await page.goto(server.baseUrl + '/projects?category=industrial')
  await page.locator('.project-row').first().waitFor()
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export-xlsx]')])
  assert.match(dl.suggestedFilename(), /\.xlsx$/)
  const file = `${server.tmp || '/tmp'}/export-${process.pid}.xlsx`
  await dl.saveAs(file)

  await page.click('[data-test=import-button]')
  await page.setInputFiles('[data-test=import-file]', file)
  const ready = page.locator('[data-test=import-ready]')
  const problems = page.locator('[data-test=import-has-problems]')
  await ready.or(problems).first().waitFor()
  await page.waitForTimeout(500) // dialog fade-in
  await screenshot(page, 'ledger-import-dry-run')
  assert.equal(await problems.count(), 0, 'an exported file imports without problems')
  await page.click('[data-test=import-confirm]')
  await page.locator('.el-message--success', { hasText: '导入完成' }).waitFor()
})

test('no script errors in the page', () => {
  assert.deepEqual(page.errors, [])
})
