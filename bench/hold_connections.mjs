// Holds connections open against a server while bench/http.sh measures it (issue 14, item 1):
//   IDLE idle keep-alive connections: each sends one complete GET /healthz, reads its answer and
//        then stays open and silent (a browser tab between clicks);
//   SLOW slow-header connections: each sends a partial request (the request line and a header,
//        no blank line) and then one more header byte every DRIP_MS (a slowloris client).
// A connection the server closes is opened again (counted), so the pressure stays on for as long as
// the tool runs. It writes its counts to STATUS (a JSON file) every second and on SIGTERM/SIGINT, and
// "ready" once every connection has been opened once (or READY_AFTER_MS has passed).
//   node bench/hold_connections.mjs HOST PORT [IDLE=1000] [SLOW=200] [STATUS=/dev/stdout]
// Environment: DRIP_MS (3000), READY_AFTER_MS (20000), OPEN_RATE (connections opened per 10 ms, 50).
import net from 'node:net'
import fs from 'node:fs'

const [host = '127.0.0.1', portText, idleText = '1000', slowText = '200', statusPath = ''] = process.argv.slice(2)
const port = Number(portText)
if (!port) {
  console.error('usage: node bench/hold_connections.mjs HOST PORT [IDLE] [SLOW] [STATUS_FILE]')
  process.exit(2)
}
const IDLE = Number(idleText)
const SLOW = Number(slowText)
const DRIP_MS = Number(process.env.DRIP_MS || 3000)
const READY_AFTER_MS = Number(process.env.READY_AFTER_MS || 20000)
const OPEN_RATE = Number(process.env.OPEN_RATE || 50)

const counts = {
  idle_target: IDLE, slow_target: SLOW,
  idle_open: 0, slow_open: 0,            // connected now
  idle_answered: 0,                      // idle connections whose request was answered (now idle)
  idle_reopened: 0, slow_reopened: 0,    // closed by the server (or failed) and opened again
  connect_errors: 0, first_answer_ms_max: 0,
  ready: false, started: new Date().toISOString(),
}
let stopping = false
const sockets = new Set()

function writeStatus() {
  const text = JSON.stringify(counts) + '\n'
  if (statusPath) {
    try { fs.writeFileSync(statusPath + '.tmp', text); fs.renameSync(statusPath + '.tmp', statusPath) } catch {}
  } else {
    process.stdout.write(text)
  }
}

function openIdle(reopen) {
  if (stopping) return
  if (reopen) counts.idle_reopened++
  const t0 = Date.now()
  let answered = false
  let connected = false
  const s = net.connect({ host, port })
  sockets.add(s)
  s.setNoDelay(true)
  s.on('connect', () => {
    connected = true
    counts.idle_open++
    s.write(`GET /healthz HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: keep-alive\r\n\r\n`)
  })
  s.on('data', () => {  // the answer (small): the connection is idle from here on
    if (answered) return
    answered = true
    counts.idle_answered++
    counts.first_answer_ms_max = Math.max(counts.first_answer_ms_max, Date.now() - t0)
  })
  s.on('error', () => { if (!connected) counts.connect_errors++ })
  s.on('close', () => {
    sockets.delete(s)
    if (connected) counts.idle_open--
    if (answered) counts.idle_answered--
    setTimeout(() => openIdle(true), 100)
  })
}

function openSlow(reopen) {
  if (stopping) return
  if (reopen) counts.slow_reopened++
  let connected = false
  let timer = null
  const s = net.connect({ host, port })
  sockets.add(s)
  s.setNoDelay(true)
  s.on('connect', () => {
    connected = true
    counts.slow_open++
    s.write(`GET /healthz HTTP/1.1\r\nHost: ${host}:${port}\r\nX-Slow: `)
    timer = setInterval(() => { if (!s.destroyed) s.write('a') }, DRIP_MS)
  })
  s.on('data', () => {})  // a 408/400 the server may send before closing
  s.on('error', () => { if (!connected) counts.connect_errors++ })
  s.on('close', () => {
    sockets.delete(s)
    if (timer) clearInterval(timer)
    if (connected) counts.slow_open--
    setTimeout(() => openSlow(true), 100)
  })
}

// Open in batches so the tool is not itself a connection flood.
const plan = [...Array(IDLE).fill(openIdle), ...Array(SLOW).fill(openSlow)]
let next = 0
const opener = setInterval(() => {
  for (let i = 0; i < OPEN_RATE && next < plan.length; i++) plan[next++](false)
  if (next >= plan.length) clearInterval(opener)
}, 10)

const t0 = Date.now()
const reporter = setInterval(() => {
  if (!counts.ready && next >= plan.length &&
      ((counts.idle_answered >= IDLE && counts.slow_open >= SLOW) || Date.now() - t0 > READY_AFTER_MS)) {
    counts.ready = true
  }
  writeStatus()
}, 1000)

function stop() {
  if (stopping) return
  stopping = true
  clearInterval(reporter)
  clearInterval(opener)
  writeStatus()
  for (const s of sockets) s.destroy()
  setTimeout(() => process.exit(0), 50)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
