// The first screen's weight (issue 16, item 5), as the browser receives it from the real server:
// the log-in page, and the ledger opened afresh after logging in, each load at most 250 KB of
// script as sent (the server sends the build's precompressed files; the routes and Element Plus'
// components are split so a page loads only its own). Bytes are the performance resource entries'
// encodedBodySize (the bytes on the wire before decoding). bench/first_screen.sh times the same.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, loginAs, newPage } from './harness.mjs'

const LIMIT = 250 * 1024
let server, browser

browserSuite({}, (s) => ({ server, browser } = s))

// The scripts this document loaded: [{ name, sent, decoded }] and their sums.
async function scripts(page) {
  const list = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.js$/.test(new URL(e.name).pathname))
      .map((e) => ({ name: new URL(e.name).pathname, sent: e.encodedBodySize, decoded: e.decodedBodySize })),
  )
  const sum = (k) => list.reduce((s, e) => s + e[k], 0)
  return { list, sent: sum('sent'), decoded: sum('decoded') }
}

const kb = (n) => (n / 1024).toFixed(1) + ' KB'
const listing = (s) => s.list.map((e) => `${e.name} ${e.sent}`).join('\n')

test('the log-in page loads at most 250 KB of script, compressed', async () => {
  const page = await newPage(browser)
  await page.goto(server.baseUrl + '/login')
  await page.locator('[data-test=login-submit]').waitFor()
  const s = await scripts(page)
  assert.ok(s.list.length > 0, 'scripts were loaded')
  assert.ok(s.sent <= LIMIT, `log-in page: ${kb(s.sent)} of script sent\n${listing(s)}`)
  // Sent compressed: the bytes on the wire are a fraction of the script itself.
  assert.ok(s.sent < s.decoded / 2, `sent ${kb(s.sent)} of ${kb(s.decoded)}: not compressed?`)
  // The log-in page does not load the pages behind it (the ledger, the charts).
  assert.ok(!s.list.some((e) => /ProjectList|echarts|installCanvasRenderer/.test(e.name)), listing(s))
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the ledger opened afresh after logging in loads at most 250 KB of script, and shows its rows', async () => {
  const page = await newPage(browser)
  await loginAs(page, server.baseUrl)
  // A fresh browser with the same session: nothing cached, the ledger as a bookmark opens it.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', storageState: await page.context().storageState() })
  const ledger = await context.newPage()
  ledger.errors = []
  ledger.on('pageerror', (e) => ledger.errors.push(e.message))
  await ledger.goto(server.baseUrl + '/projects')
  await ledger.locator('.project-row').first().waitFor()
  const s = await scripts(ledger)
  assert.ok(s.sent <= LIMIT, `ledger: ${kb(s.sent)} of script sent\n${listing(s)}`)
  assert.ok(!s.list.some((e) => /echarts|installCanvasRenderer|ImportDialog|NewProjectDialog/.test(e.name)), listing(s))
  assert.deepEqual(ledger.errors, [])
  await context.close()
  await page.context().close()
})
