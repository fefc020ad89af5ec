// The first screen in a real browser (issue 16, item 5), against a running `gongjian serve`:
//   - the log-in page: time until its form shows, and the script it loads (compressed bytes);
//   - the ledger (/projects) in a fresh browser (nothing cached) with a live session: time until
//     its first rows show, and the script it loads;
//   - the same ledger after a reload (the browser's cache as a reload leaves it): time until the
//     first rows show again — the issue's figure.
// Each RUNS times (a fresh browser context each), medians printed. Times are the page's own
// performance.now() (from the navigation's start) at the moment a MutationObserver first sees a
// row; bytes are the sum of encodedBodySize (the bytes on the wire before decoding, i.e. gzip/br
// when the server compressed) of the performance resource entries of scripts.
//   node bench/first_screen.mjs BASE_URL [LABEL] [RESULTS.json]   (RUNS=5 USER=dongezb PASSWORD=demo1234)
// bench/first_screen.sh starts the servers and prints this build against the reference.
import fs from 'node:fs'
import { launchBrowser } from '../web/e2e/harness.mjs'

// CPU time (ms, user + system) of the processes below this one (the browser's) and of SERVER_PID:
// what the first rows cost in work, which moves much less with the machine's other load than the
// wall time does.
const TICK_MS = 1000 / 100 // USER_HZ, 100 on Linux
function cpuOf(stat) {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
}
function cpuMs() {
  const procs = new Map()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      procs.set(Number(name), cpuOf(fs.readFileSync(`/proc/${name}/stat`, 'utf8')))
    } catch {
      /* gone */
    }
  }
  const below = (pid) => {
    for (let p = procs.get(pid)?.ppid, guard = 0; p && guard < 64; p = procs.get(p)?.ppid, guard++) if (p === process.pid) return true
    return false
  }
  let browser = 0
  for (const [pid, p] of procs) if (below(pid)) browser += p.ticks
  const server = Number(process.env.SERVER_PID) ? procs.get(Number(process.env.SERVER_PID))?.ticks || 0 : 0
  return { browser: browser * TICK_MS, server: server * TICK_MS }
}

const base = (process.argv[2] || '').replace(/\/$/, '')
const label = process.argv[3] || base
const out = process.argv[4]
const RUNS = Number(process.env.RUNS || 5)
const USER = process.env.USER_LOGIN || 'dongezb'
const PASSWORD = process.env.PASSWORD || 'demo1234'
if (!base) {
  console.error('usage: node bench/first_screen.mjs BASE_URL [LABEL] [RESULTS.json]')
  process.exit(2)
}

// In every page before its own scripts: the moment the first ledger row, or the log-in form, exists.
const OBSERVER = () => {
  window.__firstRows = null
  window.__loginForm = null
  const seen = () => {
    if (window.__firstRows === null && document.querySelector('.project-row')) window.__firstRows = performance.now()
    if (window.__loginForm === null && document.querySelector('[data-test=login-submit]')) window.__loginForm = performance.now()
  }
  new MutationObserver(seen).observe(document, { childList: true, subtree: true })
}

// The scripts (and styles) this document loaded: their count and bytes as sent and as decoded.
function loaded() {
  const entries = performance.getEntriesByType('resource')
  const sum = (list, field) => list.reduce((s, e) => s + (e[field] || 0), 0)
  const scripts = entries.filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname))
  const styles = entries.filter((e) => /\.css(\?|$)/.test(new URL(e.name).pathname))
  const api = entries
    .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
    .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: Math.round(e.startTime), end: Math.round(e.responseEnd) }))
  return {
    scripts: scripts.length,
    scriptBytes: sum(scripts, 'encodedBodySize'),
    scriptDecoded: sum(scripts, 'decodedBodySize'),
    scriptTransfer: sum(scripts, 'transferSize'),
    styleBytes: sum(styles, 'encodedBodySize'),
    api,
    lastScriptEnd: Math.round(Math.max(0, ...scripts.map((e) => e.responseEnd))),
  }
}

async function waitFor(page, flag) {
  await page.waitForFunction((f) => window[f] !== null, flag, { timeout: 60000, polling: 50 })
  return page.evaluate((f) => window[f], flag)
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN
}

const browser = await launchBrowser()
const runs = []
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await context.addInitScript(OBSERVER)
    const page = await context.newPage()
    page.setDefaultTimeout(60000)
    const run = {}

    // The log-in page, nothing cached, no session.
    await page.goto(base + '/login')
    run.login = await waitFor(page, '__loginForm')
    run.loginLoaded = await page.evaluate(loaded)

    // Log in as the app does (the session cookie lands in this context), in a fresh context so the
    // ledger's first load finds nothing cached either.
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await fresh.addInitScript(OBSERVER)
    const res = await fresh.request.post(base + '/api/v1/auth/login', { data: { login: USER, password: PASSWORD } })
    if (!res.ok()) throw new Error(`log-in as ${USER}: ${res.status()} ${await res.text()}`)
    const ledger = await fresh.newPage()
    ledger.setDefaultTimeout(60000)
    await ledger.goto(base + '/projects')
    run.cold = await waitFor(ledger, '__firstRows')
    run.coldLoaded = await ledger.evaluate(loaded)

    // The reload: what the issue measures.
    // The first load's stragglers first (the header's to-do count, ~1 s of server work at 100,000).
    await ledger.locator('[data-test=todo-count][data-loaded=true]').first().waitFor({ timeout: 30000 }).catch(() => {})
    const before = cpuMs()
    await ledger.reload()
    run.reload = await waitFor(ledger, '__firstRows')
    const spent = cpuMs()
    run.reloadBrowserCpu = spent.browser - before.browser
    run.reloadServerCpu = spent.server - before.server
    run.reloadLoaded = await ledger.evaluate(loaded)
    runs.push(run)
    await fresh.close()
    await context.close()
  }
} finally {
  await browser.close()
}

const result = {
  label,
  runs: runs.length,
  loginMs: median(runs.map((r) => r.login)),
  coldMs: median(runs.map((r) => r.cold)),
  reloadMs: median(runs.map((r) => r.reload)),
  loginScriptBytes: runs[0].loginLoaded.scriptBytes,
  loginScriptDecoded: runs[0].loginLoaded.scriptDecoded,
  loginScripts: runs[0].loginLoaded.scripts,
  ledgerScriptBytes: runs[0].coldLoaded.scriptBytes,
  ledgerScriptDecoded: runs[0].coldLoaded.scriptDecoded,
  ledgerScripts: runs[0].coldLoaded.scripts,
  ledgerStyleBytes: runs[0].coldLoaded.styleBytes,
  reloadBrowserCpuMs: median(runs.map((r) => r.reloadBrowserCpu)),
  reloadServerCpuMs: median(runs.map((r) => r.reloadServerCpu)),
  reloadScriptTransfer: median(runs.map((r) => r.reloadLoaded.scriptTransfer)),
  all: runs.map((r) => ({ login: Math.round(r.login), cold: Math.round(r.cold), reload: Math.round(r.reload) })),
  // One reload's requests to the API (start → end, ms from the navigation's start) and when its
  // last script arrived: what the first rows waited for.
  reloadApi: runs[runs.length - 1].reloadLoaded.api,
  reloadLastScript: runs[runs.length - 1].reloadLoaded.lastScriptEnd,
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB'
console.log(`== ${label} (${base}), median of ${result.runs}`)
console.log(`   log-in page: form shown ${result.loginMs.toFixed(0)} ms; script ${kb(result.loginScriptBytes)} as sent (${kb(result.loginScriptDecoded)} decoded, ${result.loginScripts} files)`)
console.log(`   ledger, nothing cached: first rows ${result.coldMs.toFixed(0)} ms; script ${kb(result.ledgerScriptBytes)} as sent (${kb(result.ledgerScriptDecoded)} decoded, ${result.ledgerScripts} files), styles ${kb(result.ledgerStyleBytes)}`)
console.log(`   ledger after a reload: first rows ${result.reloadMs.toFixed(0)} ms (script over the network ${kb(result.reloadScriptTransfer)}); CPU until then: browser ${result.reloadBrowserCpuMs.toFixed(0)} ms, server ${process.env.SERVER_PID ? result.reloadServerCpuMs.toFixed(0) + ' ms' : '-'}`)
console.log(`   each run (log-in / cold / reload ms): ${result.all.map((r) => `${r.login}/${r.cold}/${r.reload}`).join('  ')}`)
console.log(`   one reload's API calls (ms from the navigation's start; last script at ${result.reloadLastScript} ms):`)
for (const a of result.reloadApi) console.log(`     ${String(a.start).padStart(5)} → ${String(a.end).padStart(5)}  ${a.path}`)
if (out) fs.writeFileSync(out, JSON.stringify(result, null, 1))
