// 新建项目 (issue 13 item 6) in a real browser against the real server: the 东阿县 项目办 fills the
// four groups (基本信息 / 投资 / 责任 / 进度) of the dialog, a plan above the total is refused at its
// field in Chinese, the one POST stores every figure (万元 typed, yuan stored), and the project's
// page shows them; the same dialog full screen on a 390 px phone with the groups in one column.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, pickOption, screenshot, sessionToken, TODAY, addDays } from './harness.mjs'

let server, page
browserSuite({ page: 'dongezb' }, (s) => ({ server, page } = s))

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1440, height: 900 }
const dialog = () => page.locator('[data-test=new-project-dialog]')
const item = (field) => page.locator(`[data-test=new-project-item-${field}]`)
const fill = (field, value) => page.fill(`[data-test=new-project-item-${field}] input, [data-test=new-project-item-${field}] textarea`, value)
const fieldError = (field) => item(field).locator('.el-form-item__error')

const openOptions = () => page.locator('.el-select-dropdown__item:visible').first()
/** Waits until no select's list shows (a closing list would answer the next pick). */
const listsClosed = () => openOptions().waitFor({ state: 'hidden' })

/** Picks the first option of a select of the dialog (the county's first town, unit, leader). */
async function pickFirst(field) {
  await listsClosed()
  await page.click(`[data-test=new-project-item-${field}] .el-select__wrapper`)
  const option = openOptions()
  const text = (await option.innerText()).trim()
  await option.click()
  await listsClosed()
  return text
}

/** Types an ISO date into a date picker of the dialog and closes its panel. */
async function typeDate(field, iso) {
  const input = item(field).locator('input')
  await input.fill(iso)
  await input.press('Enter')
  await page.click('[data-test=new-project-dialog] .el-dialog__title') // the panel closes (Escape would close the dialog)
}

async function api(path) {
  const token = await sessionToken(page)
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } })
  return { status: res.status, body: await res.json() }
}

async function openDialog() {
  await page.goto(server.baseUrl + '/projects')
  await page.click('[data-test=new-project]')
  await dialog().waitFor()
  await page.waitForTimeout(400) // dialog fade-in
}

const PLANNED_START = addDays(TODAY, -60)
const ACTUAL_START = addDays(TODAY, -10)
const PLANNED_COMPLETION = addDays(TODAY, 400)

test('the four groups, a plan above the total refused at its field, then one create with every field', async () => {
  await openDialog()
  for (const g of ['基本信息', '投资', '责任', '进度']) await dialog().locator('.el-divider', { hasText: g }).waitFor()
  assert.match(await page.locator('[data-test=new-project-county]').innerText(), /东阿县/)
  assert.equal(await item('actual_start').count(), 0, 'no actual start before the stage needs one')

  await fill('name', '东阿县阿胶文化产业园')
  await fill('code', 'E2E-NP-001')
  const town = await pickFirst('town_code')
  await fill('builder', '东阿阿胶文旅有限公司')
  await fill('content', '建设阿胶文化展馆、游客中心及配套道路。')
  await fill('total_investment', '200000000')
  await fill('annual_plan', '16000')
  const unit = await pickFirst('unit_id')
  const leader = await pickFirst('leader_id')
  await fill('specialist', '李明')
  await pickOption(page, '[data-test=new-project-item-stage]', '开工')
  await listsClosed()
  await item('actual_start').waitFor()
  await typeDate('planned_start', PLANNED_START)
  await typeDate('planned_completion', PLANNED_COMPLETION)
  await typeDate('actual_start', ACTUAL_START)
  await screenshot(page, 'new-project-filled-1440')

  // 2 亿万元 passes the form's checks; the server refuses it (422), shown at its field in Chinese.
  await page.click('[data-test=new-project-submit]')
  await fieldError('total_investment').waitFor()
  assert.match(await fieldError('total_investment').innerText(), /金额 200,000,000\.00 万元超过任何金额的上限/)
  assert.doesNotMatch(await page.locator('[data-test=new-project-error]').innerText(), /[A-Za-z]{3,}/)
  await screenshot(page, 'new-project-server-refusal-1440')

  // 年度计划 16000 > 总投资 15000: refused before anything is sent, at the field, in Chinese.
  await fill('total_investment', '15000')
  await page.click('[data-test=new-project-submit]')
  await fieldError('annual_plan').waitFor()
  const said = await fieldError('annual_plan').innerText()
  assert.match(said, /年度计划投资 16,000\.00 万元超过总投资 15,000\.00 万元/)
  assert.doesNotMatch(said, /[A-Za-z]{3,}/)
  assert.match(page.url(), /\/projects$/, 'still on the list: nothing was created')
  await screenshot(page, 'new-project-plan-above-total-1440')

  await fill('annual_plan', '3000')
  await page.click('[data-test=new-project-submit]')
  await page.waitForURL(/\/projects\/\d+$/)
  const id = Number(page.url().match(/projects\/(\d+)$/)[1])

  const { status, body: p } = await api(`/projects/${id}`)
  assert.equal(status, 200)
  assert.equal(p.name, '东阿县阿胶文化产业园')
  assert.equal(p.code, 'E2E-NP-001')
  assert.equal(p.county_code, '371524')
  assert.equal(p.total_investment, 150000000)
  assert.equal(p.annual_plan, 30000000)
  assert.equal(p.annual_completed, 0)
  assert.equal(p.builder, '东阿阿胶文旅有限公司')
  assert.equal(p.specialist, '李明')
  assert.equal(p.stage, 'started')
  assert.equal(p.planned_start, PLANNED_START)
  assert.equal(p.planned_completion, PLANNED_COMPLETION)
  assert.equal(p.actual_start, ACTUAL_START)
  assert.ok(p.town_code && p.unit_id && p.leader_id, 'town, unit and leader stored')

  // The project's page shows what was typed (its money inputs in 万元, as typed).
  await page.locator('[data-test=project-title]').waitFor()
  assert.equal((await page.textContent('[data-test=project-title]')).trim(), '东阿县阿胶文化产业园')
  assert.equal(await page.inputValue('[data-test=field-total_investment] input'), '15000')
  assert.equal(await page.inputValue('[data-test=field-annual_plan] input'), '3000')
  assert.equal(await page.inputValue('[data-test=field-annual_completed] input'), '0')
  assert.equal(await page.inputValue('[data-test=field-specialist] input'), '李明')
  assert.match(await page.locator('[data-test=field-town_code]').innerText(), new RegExp(town))
  assert.match(await page.locator('[data-test=field-unit_id]').innerText(), new RegExp(unit))
  assert.match(await page.locator('[data-test=field-leader_id]').innerText(), new RegExp(leader.replace(/（.*$/, '')))
  await screenshot(page, 'new-project-detail-1440')
})

test('on a 390 px phone: full screen, the groups in one column, the plan refused at its field', async () => {
  await page.setViewportSize(PHONE)
  try {
    await openDialog()
    await page.locator('.el-dialog.is-fullscreen[data-test=new-project-dialog], [data-test=new-project-dialog].is-fullscreen').first().waitFor()
    const total = await item('total_investment').boundingBox()
    const plan = await item('annual_plan').boundingBox()
    assert.ok(plan.y > total.y + total.height - 1, 'the plan is below the total, not beside it')
    assert.ok(total.width > 300, `a field takes the phone's width (${total.width}px)`)
    await screenshot(page, 'new-project-dialog-390')

    await fill('name', '东阿县手机新建测试项目')
    await fill('code', 'E2E-NP-002')
    await fill('total_investment', '800')
    await fill('annual_plan', '1200.5')
    await page.click('[data-test=new-project-submit]')
    await fieldError('annual_plan').waitFor()
    assert.match(await fieldError('annual_plan').innerText(), /年度计划投资 1,200\.50 万元超过总投资 800\.00 万元/)
    await item('annual_plan').scrollIntoViewIfNeeded()
    await screenshot(page, 'new-project-plan-above-total-390')
    const { body } = await api('/projects?q=E2E-NP-002')
    assert.equal((body.items || []).length, 0, 'nothing was created')
  } finally {
    await page.setViewportSize(DESKTOP)
  }
})

test('no script errors in the page', () => {
  assert.deepEqual(page.errors, [])
})
