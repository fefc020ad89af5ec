// Issue 15's "Done when": the 东阿县 attraction office (dongezb, the county coordinator) walks one new
// lead 线索 → 洽谈 → 签约 → 落地 → 开工 → 投产 on the lead page with dated steps (days counted back
// from the pinned clock, never the calendar), uploads the signed contract as the 签约 step's evidence,
// enters funds for three months, and then the summary cards, the board's 投产 column, the chain
// page's leads signed and the half-monthly 调度 sheet (the xlsx downloaded and read here, the PDF
// rendered with pdftotext / pdftoppm) all show the same numbers. Screenshots at 1440 and 390 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TODAY, addDays, browserSuite, loginAs, openMenu, pageApi, pageGet, screenshotBoth } from './harness.mjs'
import { sheetNames, sheetRows } from '../../tests/integration/xlsx.mjs'

let server, page
browserSuite({ page: null }, (s) => ({ server, page } = s))

const day = (n) => addDays(TODAY, -n)
const fill = (name, value) => page.fill(`input[data-test=${name}], [data-test=${name}] input, textarea[data-test=${name}], [data-test=${name}] textarea`, value)
const wan = (yuan) => (Math.round(yuan / 100) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const nextMonth = (m) => {
  const [y, mm] = m.split('-').map(Number)
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`
}
const halfMonth = (iso) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d <= 15 ? '上半月' : '下半月'}`
}
// A 1×1 PNG: the scanned contract.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

async function dateAndSubmit(value, submit) {
  await page.fill('.el-dialog:visible .el-date-editor input', value)
  await page.keyboard.press('Enter')
  await page.waitForTimeout(300)
  if (await page.locator(`[data-test=${submit}]:visible`).count()) await page.click(`[data-test=${submit}]`)
  await page.locator('.el-dialog:visible').waitFor({ state: 'hidden' })
}

const shoot = (name) => screenshotBoth(page, name)

async function downloadSheet(format) {
  await page.click('[data-test=dispatch-button]')
  const item = page.locator(`[data-test=dispatch-${format}]:visible`)
  await item.waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()])
  const dir = mkdtempSync(join(tmpdir(), 'attraction-flow-'))
  const file = join(dir, download.suggestedFilename())
  await download.saveAs(file)
  return { file, name: download.suggestedFilename() }
}

const figure = (rows, label) => (rows.find((r) => r[0] === label) || [])[1]

test('a lead from 线索 to 投产 with monthly funds: summary, board, chain page and 调度 sheet agree', async () => {
  await loginAs(page, server.baseUrl, 'dongezb')
  await openMenu(page, 'attraction', '[data-test=column-lead]')
  await page.click('[data-test=lead-new]')
  await fill('lead-title', '东阿钢球精密加工调度测试项目')
  await fill('lead-investor', '浙江精工钢球有限公司')
  await fill('lead-source', '浙江省湖州市')
  await fill('lead-industry', '钢球')
  await fill('lead-amount', '25000')
  await dateAndSubmit(day(120), 'lead-submit')
  await page.waitForURL(/\/attraction\/leads\/\d+/)
  const id = Number(/leads\/(\d+)/.exec(page.url())[1])
  assert.equal((await page.textContent('[data-test=lead-step]')).trim(), '线索')
  // The lead belongs to the county's 钢球 chain.
  const chain = (await pageGet(page, `/chains?region=371524&as_of=${TODAY}`)).find((c) => c.name === '钢球')
  const lead = await pageGet(page, `/leads/${id}`)
  assert.equal((await pageApi(page, 'PATCH', `/leads/${id}`, { version: lead.version, chain_id: chain.id })).status, 200)
  await page.reload()
  await page.locator('[data-test=lead-step]').waitFor()

  const signedOn = day(95)
  for (const [label, on] of [['洽谈', day(110)], ['签约', signedOn], ['落地', day(80)], ['开工', day(60)], ['投产', day(20)]]) {
    await page.click('[data-test=lead-next]')
    if (label === '签约') await fill('step-contract', 'DEZS-FLOW-001')
    await dateAndSubmit(on, 'step-submit')
    await page.waitForFunction((l) => document.querySelector('[data-test=lead-step]').textContent.includes(l), label)
  }
  assert.equal(await page.locator('[data-test=lead-next]').count(), 0, 'nothing after 投产')

  // The 签约 step's evidence: the scanned contract, uploaded on its row and listed there.
  const signed = (await pageGet(page, `/leads/${id}`)).steps.find((s) => s.step === 'signed')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`[data-test=step-upload-${signed.id}]`)])
  await chooser.setFiles({ name: '投资合同.png', mimeType: 'image/png', buffer: PNG })
  await page.locator('[data-test^=step-file-]', { hasText: '投资合同.png' }).waitFor()

  // Funds in place for three months from the signing month.
  const months = [signedOn.slice(0, 7)]
  while (months.length < 3) months.push(nextMonth(months.at(-1)))
  assert.ok(months[2] <= TODAY.slice(0, 7))
  let total = 0
  for (const [i, month] of months.entries()) {
    await page.click('[data-test=funds-new]')
    await fill('funds-fixed', String(2000 * (i + 1)))
    await fill('funds-working', '300')
    await fill('funds-evidence', '银行进账单')
    total += (2000 * (i + 1) + 300) * 10000
    await dateAndSubmit(month, 'funds-submit')
    await page.locator('[data-test=lead-funds] .el-table__body tr').nth(i).waitFor()
  }
  assert.equal((await page.textContent('[data-test=lead-funds-total]')).trim(), wan(total))
  await shoot('attraction-flow-lead')

  // The board as of today: the lead under 投产; the columns and the cards as the summary says.
  await openMenu(page, 'attraction', `[data-test=lead-card-${id}]`)
  assert.equal(await page.locator(`[data-test=column-operating] [data-test=lead-card-${id}]`).count(), 1)
  const sum = await pageGet(page, `/attraction/summary?region=371524&as_of=${TODAY}`)
  for (const step of ['lead', 'negotiating', 'signed', 'registered', 'started', 'operating', 'ended'])
    assert.equal(Number(await page.textContent(`[data-test=count-${step}]`)), sum.leads_by_step[step], step)
  assert.equal((await page.textContent('[data-test=sum-signed_count] .card-value')).trim(), String(sum.signed_count))
  assert.equal((await page.textContent('[data-test=sum-funds_in_place] .card-value')).trim(), wan(sum.funds_in_place))
  assert.ok(sum.funds_in_place >= total)
  assert.match(await page.textContent('[data-test=dispatch-button]'), new RegExp(halfMonth(TODAY)))
  await shoot('attraction-flow-board')

  // The 调度 sheet (xlsx) of the same day: the same figures, the lead under 投产, the chain's row.
  const xlsx = await downloadSheet('xlsx')
  assert.equal(xlsx.name, `双招双引调度表-东阿县-${halfMonth(TODAY)}.xlsx`)
  const buf = readFileSync(xlsx.file)
  assert.deepEqual(sheetNames(buf), ['调度汇总', '本期进展', '领导招商活动', '产业链', '线索清单'])
  const rows = sheetRows(buf, '调度汇总')
  assert.equal(figure(rows, '签约项目（个）'), sum.signed_count)
  assert.equal(figure(rows, '签约金额（万元）'), sum.signed_amount / 10000)
  assert.equal(figure(rows, '亿元以上签约项目（个）'), sum.signed_100m_count)
  assert.equal(figure(rows, '开工项目（个）'), sum.started_count)
  assert.equal(figure(rows, '到位资金（万元）'), sum.funds_in_place / 10000)
  assert.equal(figure(rows, '线索环节：投产'), sum.leads_by_step.operating)
  const listed = sheetRows(buf, '线索清单').find((r) => r[1] === '东阿钢球精密加工调度测试项目')
  assert.deepEqual([listed[6], listed[7], listed[9]], ['投产', day(20), total / 10000])
  const chainSum = await pageGet(page, `/attraction/summary?region=371524&chain=${chain.id}&as_of=${TODAY}`)
  const chainRow = sheetRows(buf, '产业链').find((r) => r[0] === '钢球')
  assert.equal(chainRow[2], chainSum.signed_count)
  assert.equal(chainRow[3], chainSum.signed_amount / 10000)
  // LibreOffice opens it (when installed): converted to CSV headless.
  const soffice = spawnSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', join(xlsx.file, '..'), xlsx.file], { encoding: 'utf8', timeout: 120000 })
  if (soffice.status === 0) assert.ok(existsSync(xlsx.file.replace(/\.xlsx$/, '.csv')), soffice.stdout + soffice.stderr)

  // The PDF renders: its text has the title, the lead and its step; pdftoppm draws page 1.
  const pdf = await downloadSheet('pdf')
  assert.equal(readFileSync(pdf.file).subarray(0, 5).toString(), '%PDF-')
  const text = spawnSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' })
  if (text.status === 0) {
    assert.match(text.stdout, new RegExp(`东阿县双招双引工作调度表（${halfMonth(TODAY)}）`))
    assert.match(text.stdout, /东阿钢球精密加工调度测试/) // the cell wraps the rest of the title
    const line = text.stdout.split('\n').find((l) => l.includes('签约项目（个）'))
    assert.match(line, new RegExp(`\\s${sum.signed_count}\\s*$`))
  }
  const png = join(pdf.file, '..', 'page')
  const ppm = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf.file, png])
  if (ppm.status === 0) {
    const first = [`${png}-1.png`, `${png}-01.png`].find(existsSync)
    assert.ok(first && statSync(first).size > 1000, 'page 1 drawn')
  }

  // The chain page: leads signed as the summary counts them for the chain.
  await page.goto(`${server.baseUrl}/chains/${chain.id}`)
  await page.locator('[data-test=chain-leads-signed]').waitFor()
  assert.equal((await page.textContent('[data-test=chain-leads-signed] b')).trim(), String(chainSum.signed_count))
  assert.equal((await page.textContent('[data-test=chain-leads-signed-amount] b')).trim(), wan(chainSum.signed_amount))
  await shoot('attraction-flow-chain')

  // A day before the 签约: the sheet of that day does not count it.
  const before = await pageGet(page, `/attraction/summary?region=371524&as_of=${day(100)}`)
  const chainBefore = await pageGet(page, `/chains/${chain.id}/figures?as_of=${day(100)}`)
  assert.equal(chainBefore.leads_signed, chainSum.signed_count - 1 - (await signedBetween(day(100), TODAY, chain.id)))
  assert.equal(before.signed_count, sum.signed_count - 1 - (await signedBetween(day(100), TODAY)))
  assert.deepEqual(page.errors, [])
})

// Leads of 东阿县 (of chain `chain` when given) other than the walked one signed after `from` up to
// `to` (the demo's own).
async function signedBetween(from, to, chain = null) {
  const leads = (await pageGet(page, `/leads?region=371524&as_of=${to}${chain ? `&chain=${chain}` : ''}`)).items
  let n = 0
  for (const l of leads) {
    if (l.title === '东阿钢球精密加工调度测试项目') continue
    const one = await pageGet(page, `/leads/${l.id}`)
    if (one.steps.some((s) => s.step === 'signed' && s.dated_on > from && s.dated_on <= to)) n++
  }
  return n
}
