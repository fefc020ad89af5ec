// 链长制 in the browser: the leader (王海涛, 链长 of 阿胶 in the demo) opens the chains page, then his
// chain's page with its map (链主 and gaps by stage), and files this week's report, which the
// weekly table then shows as on time; the office sees the same chain with its figures.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, screenshot, pageGet, TODAY } from './harness.mjs'

let server, office, leader
browserSuite({ office: 'dongezb', leader: 'leader' }, (s) => ({ server, office, leader } = s))

test('the 链长 opens his chain page and files the weekly report', async () => {
  await leader.goto(`${server.baseUrl}/chains`)
  const row = leader.locator('[data-test=chains-table] .el-table__row', { hasText: '阿胶' }).first()
  await row.waitFor()
  assert.match(await row.textContent(), /王海涛/)
  await screenshot(leader, 'chains-list')
  await row.locator('[data-test=chain-link]').click()
  await leader.locator('[data-test=chain-map]').waitFor()
  const midstream = await leader.locator('[data-test=stage-midstream]').textContent()
  assert.match(midstream, /东阿阿胶股份有限公司/)
  assert.match(midstream, /链主/)
  assert.match(await leader.locator('[data-test=stage-upstream]').textContent(), /缺失环节/)
  await leader.locator('[data-test=chain-figures]').waitFor()

  await leader.click('#tab-reports')
  await leader.fill('[data-test=report-progress]', '本周走访链主企业，协调新建车间用电。')
  await leader.click('[data-test=report-submit]')
  await leader.locator('.el-message--success').waitFor()
  const chains = await pageGet(leader, `/chains?region=371524&as_of=${TODAY}`)
  const ejiao = chains.find((c) => c.name === '阿胶')
  const reports = await pageGet(leader, `/chains/${ejiao.id}/reports?as_of=${TODAY}`)
  // On a Monday the form proposes last week (due Tuesday): the week filed today is on time.
  const week = reports.punctuality.weeks.find((w) => w.filed_on === TODAY).week
  await leader.locator(`[data-test="week-${week}"]`, { hasText: '按时' }).waitFor()
  await screenshot(leader, 'chain-report-filed')

  await office.goto(`${server.baseUrl}/chains/${ejiao.id}`)
  await office.locator('[data-test=chain-figures]').waitFor()
  await office.click('#tab-enterprises')
  await office.locator('[data-test=chain-enterprises] .el-table__row', { hasText: '东阿阿胶股份有限公司' }).waitFor()

  // 线索清单: the chain's leads as of today, each at the step it reached, linking to the lead's page.
  const lists = await pageGet(office, `/chains/${ejiao.id}/lists?as_of=${TODAY}`)
  await office.click('#tab-leads')
  const rows = office.locator('[data-test=chain-leads] .el-table__row')
  if (lists.leads.length) {
    await rows.first().waitFor()
    assert.equal(await rows.count(), lists.leads.length)
    const first = lists.leads[0]
    const steps = { lead: '线索', negotiating: '洽谈', signed: '签约', registered: '落地', started: '开工', operating: '投产' }
    assert.equal((await office.textContent(`[data-test=chain-lead-step-${first.id}]`)).trim(), first.ended ? '终止' : steps[first.step])
  }
  // 要素需求: the open problems of a factor category, under their category's name.
  await office.click('#tab-factor_needs')
  await office.locator('[data-test=chain-factor-needs]').waitFor()
  assert.equal(await office.locator('[data-test=chain-factor-needs] .el-table__row').count(), lists.factor_needs.length)
  await screenshot(office, 'chain-factor-needs')
})
