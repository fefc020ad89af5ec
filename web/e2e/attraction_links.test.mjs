// Issue 15's parts joined in the browser (东阿县 office): the pipeline board narrowed to a chain
// (?chain=, the county's chains in a dropdown) agrees with the API; a lead recorded from a promotion
// event shows the event on its page and the event lists the lead; a project's chain is picked from
// the county's chains. Screenshots at 1440 and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TODAY, addDays, browserSuite, loginAs, openMenu, pageApi, pageGet, pickOption, screenshotBoth } from './harness.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const shoot = (name) => screenshotBoth(page, name)

test('the board narrows to a chain; a lead from an event shows it, the event lists the lead', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  const [chain] = await pageGet(page, `/chains?region=371524&as_of=${TODAY}`)
  assert.ok(chain, 'a chain in 东阿县')
  const made = await pageApi(page, 'POST', '/leads', {
    title: '阿胶链上测试线索', region_code: '371524', investor_name: '山东某阿胶企业', chain_id: chain.id, created_on: addDays(TODAY, -5),
  })
  assert.equal(made.status, 201, JSON.stringify(made.body))
  const lead = made.body

  await openMenu(page, 'attraction', '[data-test=column-lead]')
  await pickOption(page, '[data-test=attraction-chain]', chain.name)
  await page.waitForURL(new RegExp(`chain=${chain.id}`))
  const on = (await pageGet(page, `/leads?region=371524&as_of=${TODAY}&chain=${chain.id}`)).items
  const sum = await pageGet(page, `/attraction/summary?region=371524&as_of=${TODAY}&chain=${chain.id}`)
  await page.waitForFunction((n) => document.querySelectorAll('[data-test^=lead-card-]').length === n, on.length)
  await page.locator(`[data-test=lead-card-${lead.id}]`).waitFor()
  assert.equal(Number(await page.textContent('[data-test=count-lead]')), sum.leads_by_step.lead)
  assert.equal((await page.textContent('[data-test=sum-signed_count] .card-value')).trim(), String(sum.signed_count))
  await shoot('attraction-board-chain')

  // The event that brought the lead (recorded by the office for 王海涛).
  const wang = (await pageGet(page, '/people?region=371524&kind=leader')).items.find((p) => p.name === '王海涛')
  const event = await pageApi(page, 'POST', '/promotion-events', {
    held_on: addDays(TODAY, -6), leader_id: wang.id, destination_city: '济南市', kind: 'industry_topic',
    companies_met: [{ name: '山东某阿胶企业' }], lead_ids: [lead.id],
  })
  assert.equal(event.status, 201, JSON.stringify(event.body))
  await page.click(`[data-test=lead-card-${lead.id}]`)
  await page.locator('[data-test=lead-events] .el-table__row').first().waitFor()
  assert.match(await page.textContent('[data-test=lead-events]'), /济南市/)
  await shoot('attraction-lead-events')
  await page.goto(`${server.baseUrl}/attraction/events?year=${TODAY.slice(0, 4)}`)
  await page.locator(`[data-test=event-lead-${lead.id}]`).first().waitFor()
  assert.equal((await page.textContent(`[data-test=event-lead-${lead.id}]`)).trim(), '阿胶链上测试线索')
  await page.click(`[data-test=event-lead-${lead.id}]`)
  await page.waitForURL(new RegExp(`/attraction/leads/${lead.id}`))
  assert.deepEqual(page.errors, [])
})

test('a project’s chain is picked from its county’s chains', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  const chains = await pageGet(page, `/chains?region=371524&as_of=${TODAY}`)
  const project = (await pageGet(page, '/projects?region=371524&limit=1')).items[0]
  const target = chains.find((c) => c.id !== project.chain_id) || chains[0]
  await page.goto(`${server.baseUrl}/projects/${project.id}`)
  await page.locator('[data-test=project-form]').waitFor()
  await pickOption(page, '[data-test=project-chain]', target.name)
  await page.click('[data-test=save]')
  await page.waitForFunction(() => document.querySelector('.el-message--success'))
  const after = await pageGet(page, `/projects/${project.id}`)
  assert.equal(after.chain_id, target.id)
  assert.equal(after.chain, target.name)
  await shoot('project-chain')
  assert.deepEqual(page.errors, [])
})
