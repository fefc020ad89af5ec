// 双招双引 as the 东阿县 attraction office works it: a new lead walked from 线索 to 投产 in the
// lead page, each step dated (签约 with its contract number), funds entered month by month from the
// signing month; then the pipeline board shows it under 投产 and the board's columns and summary
// cards agree with the summary the API computes for the same day. Screenshots at 1440 and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TODAY, addDays, browserSuite, loginAs, openMenu, pageGet, pickOption, screenshotBoth } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const day = (n) => addDays(TODAY, -n)
const fill = (name, value) => page.fill(`input[data-test=${name}], [data-test=${name}] input, textarea[data-test=${name}], [data-test=${name}] textarea`, value)
const wan = (yuan) => (Math.round(yuan / 100) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

// Types a date (or month) into the open dialog's picker and submits the dialog.
async function dateAndSubmit(value, submit) {
  await page.fill('.el-dialog:visible .el-date-editor input', value)
  await page.keyboard.press('Enter')
  await page.waitForTimeout(300)
  if (await page.locator(`[data-test=${submit}]:visible`).count()) await page.click(`[data-test=${submit}]`)
  await page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })
}

const shoot = (name) => screenshotBoth(page, name)

test('the office walks a lead from 线索 to 投产 with monthly funds; board and summary agree', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  await openMenu(page, 'attraction', '[data-test=column-lead]')
  await page.click('[data-test=lead-new]')
  await fill('lead-title', '东阿高端轴承钢球测试项目')
  await fill('lead-investor', '江苏力星通用钢球股份有限公司')
  await fill('lead-source', '江苏省南通市')
  await fill('lead-industry', '钢球')
  await fill('lead-amount', '32000')
  await dateAndSubmit(day(100), 'lead-submit')
  await page.waitForURL(/\/attraction\/leads\/\d+/)
  const id = Number(/leads\/(\d+)/.exec(page.url())[1])
  assert.equal((await page.textContent('[data-test=lead-step]')).trim(), '线索')
  // The county leader in charge is named afterwards (编辑).
  await page.click('[data-test=lead-edit]')
  await pickOption(page, '[data-test=edit-leader]', '王海涛')
  await page.click('[data-test=edit-submit]')
  await page.waitForFunction(() => document.querySelector('[data-test=lead-info]').textContent.includes('王海涛'))

  const steps = [['洽谈', 80], ['签约', 70], ['落地', 60], ['开工', 40], ['投产', 10]]
  for (const [label, n] of steps) {
    await page.click('[data-test=lead-next]')
    if (label === '签约') {
      await fill('step-contract', 'DEZS-TEST-001')
      await fill('step-attachments', '投资协议.pdf')
    }
    await dateAndSubmit(day(n), 'step-submit')
    await page.waitForFunction((l) => document.querySelector('[data-test=lead-step]').textContent.includes(l), label)
    if (label === '签约') {
      // The signed lead becomes a ledger project (签约项目入库), linked to the lead.
      await page.click('[data-test=lead-make-project]')
      await fill('project-code', 'DEZS-2026-T01')
      await page.click('[data-test=project-submit]')
      await page.waitForFunction(() => document.querySelector('[data-test=lead-info]').textContent.includes('DEZS-2026-T01'))
      assert.equal(await page.locator('[data-test=lead-make-project]').count(), 0)
    }
  }
  assert.equal(await page.locator('[data-test=lead-next]').count(), 0, 'nothing after 投产')

  // Funds month by month from the signing month.
  const months = []
  for (let d = day(70).slice(0, 8) + '01'; d.slice(0, 7) <= TODAY.slice(0, 7); d = addDays(d, 32).slice(0, 8) + '01') months.push(d.slice(0, 7))
  let total = 0
  for (const [i, month] of months.entries()) {
    await page.click('[data-test=funds-new]')
    await fill('funds-fixed', String(1000 * (i + 1)))
    await fill('funds-working', '100')
    await fill('funds-evidence', '银行进账单')
    total += (1000 * (i + 1) + 100) * 10000
    await dateAndSubmit(month, 'funds-submit')
    await page.locator('[data-test=lead-funds] .el-table__body tr').nth(i).waitFor()
  }
  assert.equal((await page.textContent('[data-test=lead-funds-total]')).trim(), wan(total))
  await shoot('attraction-lead')

  // The board as of today: the lead under 投产, the columns and the cards as the summary says.
  await openMenu(page, 'attraction', `[data-test=lead-card-${id}]`)
  assert.equal(await page.locator(`[data-test=column-operating] [data-test=lead-card-${id}]`).count(), 1)
  const sum = await pageGet(page, `/attraction/summary?region=371524&as_of=${TODAY}`)
  for (const step of ['lead', 'negotiating', 'signed', 'registered', 'started', 'operating', 'ended'])
    assert.equal(Number(await page.textContent(`[data-test=count-${step}]`)), sum.leads_by_step[step], step)
  assert.equal((await page.textContent('[data-test=sum-signed_count] .card-value')).trim(), String(sum.signed_count))
  assert.equal((await page.textContent('[data-test=sum-funds_in_place] .card-value')).trim(), wan(sum.funds_in_place))
  assert.ok(sum.funds_in_place >= total)
  await shoot('attraction-board')

  // One leader's leads: the board and the summary follow the filter.
  await pickOption(page, '[data-test=attraction-leader]', '王海涛')
  await page.waitForURL(/leader=\d+/)
  const leaderId = new URL(page.url()).searchParams.get('leader')
  const his = (await pageGet(page, `/leads?region=371524&as_of=${TODAY}&leader=${leaderId}`)).items
  const hisSum = await pageGet(page, `/attraction/summary?region=371524&as_of=${TODAY}&leader=${leaderId}`)
  await page.waitForFunction((n) => document.querySelectorAll('[data-test^=lead-card-]').length === n, his.length)
  assert.ok(his.some((l) => l.id === id))
  assert.equal((await page.textContent('[data-test=sum-signed_count] .card-value')).trim(), String(hisSum.signed_count))
  assert.ok(hisSum.signed_count < sum.signed_count)
  assert.deepEqual(page.errors, [])
})

test('a county leader sees the leads in their charge on 我的招商线索', async () => {
  await loginAs(page, server.baseUrl, 'leader')
  await openMenu(page, 'attraction', '[data-test=column-lead]')
  await page.click('[data-test=lead-mine]')
  await page.waitForURL(/\/attraction\/mine/)
  const mine = (await pageGet(page, `/leads?mine=true&as_of=${TODAY}`)).items
  assert.ok(mine.length > 0)
  await page.locator(`[data-test=lead-card-${mine[0].id}]`).waitFor()
  assert.equal(await page.locator('[data-test^=lead-card-]').count(), mine.length)
  assert.ok(mine.every((l) => l.leader_name === '王海涛'))
  assert.equal(await page.locator('[data-test=lead-new]').count(), 0, 'a leader reads only')
  await shoot('attraction-mine')
  assert.deepEqual(page.errors, [])
})
