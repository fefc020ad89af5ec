// The HTTP layer against a hostile network (issue 14 item 1), on a real server process: slow
// clients hold sockets, never the handlers; header and body limits answer 431/413 before reading
// or authenticating; request bodies are never decompressed; every answer carries the security
// headers; no path leaves the web folder; a connection cap; SIGTERM lets a request in flight
// finish, closes idle connections and refuses new ones, then exits 0.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { BIN, freePort, writeDemo } from './server.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
const LOGIN = JSON.stringify({ login: 'dongezb', password: 'demo1234' });

const dir = mkdtempSync(join(tmpdir(), 'gongjian-http-'));
const web = join(dir, 'web');
let demoDb;

// A server on the demo database (copied for each) serving the web folder `web`.
async function serve(extra = []) {
  const db = join(dir, `db-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(demoDb, db);
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--db', db, '--port', String(port), '--threads', '8', '--web', web,
    '--report-tasks-hours', '0', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, port, proc, exited, db, stderr: () => stderr };
}

// A new connection that sends `data` (a string or a list of them) and reads one answer:
// { send(more), answer: Promise<{ status, headers (lower-case names), body, closed }> }, `closed`
// when the server closed the connection after it.
function connection(port, data, { timeout = 5000 } = {}) {
  const s = net.connect(port, '127.0.0.1');
  const answer = new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    let got = null;
    const timer = setTimeout(() => { s.destroy(); reject(new Error(`no answer in ${timeout} ms: ${buf}`)); }, timeout);
    const parse = () => {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const [line, ...fields] = buf.subarray(0, end).toString().split('\r\n');
      const headers = {};
      for (const f of fields) headers[f.slice(0, f.indexOf(':')).toLowerCase()] = f.slice(f.indexOf(':') + 1).trim();
      const length = Number(headers['content-length'] ?? 0);
      if (buf.length < end + 4 + length) return null;
      return { status: Number(line.split(' ')[1]), headers, body: buf.subarray(end + 4, end + 4 + length).toString() };
    };
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (got) return;
      got = parse();
      // A whole answer: the connection is `closed` when the server closes it soon after.
      if (got) setTimeout(() => { resolve({ ...got, closed: false }); s.destroy(); }, 300);
    });
    s.on('error', () => {}); // a reset after the answer is the server closing
    s.on('close', () => {
      clearTimeout(timer);
      got ??= parse();
      got ? resolve({ ...got, closed: true }) : reject(new Error(`connection closed without an answer: ${buf}`));
    });
  });
  const send = (more) => { for (const part of [].concat(more)) s.write(part); };
  s.on('connect', () => send(data));
  return { send, answer };
}

// Sends `data` on a new connection and reads one answer (see connection()).
function raw(port, data, options) {
  return connection(port, data, options).answer;
}

// An open connection that has sent `data` and sends nothing more.
function stalled(port, data) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => { s.write(data); resolve(s); });
    s.resume(); // answers are read and dropped
    s.on('error', () => {});
    s.once('error', reject);
  });
}

let srv;

before(async () => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/app-3f2a.js"></script>');
  writeFileSync(join(web, 'assets', 'app-3f2a.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  demoDb = join(dir, 'demo.db');
  writeDemo(BIN, demoDb);
  srv = await serve();
});

after(async () => {
  srv.proc.kill('SIGTERM');
  const r = await srv.exited;
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.code, 0, srv.stderr());
});

test('50 slow sockets sending half a header do not stop /healthz or the API answering at once', async () => {
  const slow = await Promise.all(Array.from({ length: 50 }, () =>
    stalled(srv.port, 'GET /api/v1/projects HTTP/1.1\r\nHost: x\r\nX-Slow: ')));
  try {
    // Before: every handler thread waited on a slow socket and /healthz timed out (30 s).
    const health = await fetch(`${srv.base}/healthz`, { signal: AbortSignal.timeout(5000) });
    assert.equal(health.status, 200);
    const clock = await fetch(`${srv.base}/api/v1/clock`, { signal: AbortSignal.timeout(5000) });
    assert.equal(clock.status, 200);
  } finally {
    for (const s of slow) s.destroy();
  }
});

test('a header still incomplete after 10 s is dropped, however steadily its bytes trickle in', async () => {
  const t0 = Date.now();
  const socks = await Promise.all(Array.from({ length: 5 }, () => stalled(srv.port, 'GET /healthz HTTP/1.1\r\n')));
  const closedAt = socks.map((s) => new Promise((resolve) => s.on('close', () => resolve(Date.now() - t0))));
  const drip = setInterval(() => { for (const s of socks) if (!s.destroyed) s.write('X-A: 1\r\n'); }, 1000);
  try {
    const times = await Promise.race([Promise.all(closedAt), new Promise((r) => setTimeout(() => r(null), 20000))]);
    assert.ok(times, 'the server kept the slow connections open for 20 s');
    for (const t of times) assert.ok(t >= 9000 && t < 15000, `closed after ${t} ms`);
  } finally {
    clearInterval(drip);
    for (const s of socks) s.destroy();
  }
});

test('a header larger than 16 KiB → 431, and the connection is closed', async () => {
  const r = await raw(srv.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20 << 10)}\r\n\r\n`);
  assert.equal(r.status, 431);
  assert.equal(JSON.parse(r.body).error.code, 'header_too_large');
  assert.ok(r.closed);
  assert.equal((await fetch(`${srv.base}/healthz`)).status, 200);
});

test('a chunked body over the route limit → 413 while reading it, the connection closed, the server fine', async () => {
  const chunk = 'x'.repeat(64 << 10);
  const chunks = Array.from({ length: 24 }, () => `${(chunk.length).toString(16)}\r\n${chunk}\r\n`); // 1.5 MiB
  const r = await raw(srv.port, ['POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n' +
    'Content-Type: application/json\r\n\r\n', ...chunks, '0\r\n\r\n']);
  assert.equal(r.status, 413);
  assert.equal(JSON.parse(r.body).error.code, 'payload_too_large');
  assert.ok(r.closed);
  // A chunked body within the limit is read as any other.
  const half = LOGIN.length >> 1;
  const ok = await raw(srv.port, ['POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
    `${half.toString(16)}\r\n${LOGIN.slice(0, half)}\r\n`, `${(LOGIN.length - half).toString(16)}\r\n${LOGIN.slice(half)}\r\n0\r\n\r\n`]);
  assert.equal(ok.status, 200);
  assert.ok(JSON.parse(ok.body).token);
  assert.equal((await fetch(`${srv.base}/healthz`)).status, 200);
});

test('a body with Content-Encoding: gzip is refused (415), never inflated', async () => {
  // 100 KiB of gzip that would inflate to 64 MiB, and a gzipped valid log-in.
  const bomb = gzipSync(Buffer.alloc(64 << 20, 32));
  const r = await fetch(`${srv.base}/api/v1/projects/import`, {
    method: 'POST', body: bomb, headers: { 'Content-Encoding': 'gzip', Authorization: 'Bearer x' },
  });
  assert.equal(r.status, 415);
  assert.equal((await r.json()).error.code, 'unsupported_media_type');
  const login = await fetch(`${srv.base}/api/v1/auth/login`, {
    method: 'POST', body: gzipSync(LOGIN), headers: { 'Content-Encoding': 'gzip' },
  });
  assert.equal(login.status, 415);
  assert.equal((await login.json()).token, undefined);
});

test('/auth/login with a 100 KB body → 413 before authenticating; a JSON route takes 1 MiB, an upload more', async () => {
  const big = JSON.stringify({ login: 'dongezb', password: 'demo1234', pad: 'x'.repeat(100 << 10) });
  const r = await fetch(`${srv.base}/api/v1/auth/login`, { method: 'POST', body: big });
  assert.equal(r.status, 413);
  const body = await r.json();
  assert.equal(body.error.code, 'payload_too_large');
  assert.equal(body.token, undefined);
  // Content-Length over the limit: answered from the header alone (the body is never sent here).
  const early = await raw(srv.port, `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: ${100 << 10}\r\n\r\n`);
  assert.equal(early.status, 413);
  const token = (await (await fetch(`${srv.base}/api/v1/auth/login`, { method: 'POST', body: LOGIN })).json()).token;
  const auth = { Authorization: `Bearer ${token}` };
  // 2 MiB to a JSON route: 413; 2 MiB of junk to the ledger import (an upload): read, then refused as no xlsx.
  const json = await fetch(`${srv.base}/api/v1/projects`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'x'.repeat(2 << 20) }) });
  assert.equal(json.status, 413);
  const upload = await fetch(`${srv.base}/api/v1/projects/import?dry_run=true`, { method: 'POST', headers: auth, body: new Uint8Array(2 << 20) });
  assert.notEqual(upload.status, 413);
  assert.ok(upload.status >= 400 && upload.status < 500, String(upload.status));
});

test('security headers on an API answer, a static file, the web app fallback, a 404 and a refusal', async () => {
  const answers = {
    api: await fetch(`${srv.base}/api/v1/auth/me`),
    file: await fetch(`${srv.base}/assets/app-3f2a.js`),
    fallback: await fetch(`${srv.base}/projects/12`),
    notFound: await fetch(`${srv.base}/api/v1/no-such-thing`),
    refused: await fetch(`${srv.base}/api/v1/auth/login`, { method: 'POST', body: 'x'.repeat(20 << 10) }),
  };
  for (const [what, r] of Object.entries(answers)) {
    assert.equal(r.headers.get('content-security-policy'), CSP, what);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', what);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', what);
    assert.equal(r.headers.get('strict-transport-security'), null, what); // plain HTTP: no HSTS
  }
  assert.equal(answers.api.status, 401);
  assert.equal(answers.notFound.status, 404);
  assert.equal(answers.refused.status, 413);
  assert.equal(answers.file.status, 200);
  assert.equal(await answers.file.text(), 'console.log(1)');
  assert.match(answers.file.headers.get('content-type'), /^text\/javascript/);
  assert.equal(answers.file.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(answers.fallback.status, 200);
  assert.match(await answers.fallback.text(), /<title>t<\/title>/);
  assert.equal(answers.fallback.headers.get('cache-control'), 'no-cache');
  assert.equal((await fetch(`${srv.base}/`)).headers.get('cache-control'), 'no-cache');
});

test('no path leaves the web folder: ".." however written is refused', async () => {
  for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt',
    '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..\\secret.txt', '/api/v1/../../secret.txt']) {
    const r = await raw(srv.port, `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(r.status, 400, path);
    assert.doesNotMatch(r.body, /TOP SECRET/, path);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
  }
  const nul = await raw(srv.port, 'GET /index.html%00.js HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(nul.status, 400);
});

test('beyond --max-connections a connection gets 503 and is closed; the others are served', async () => {
  const capped = await serve(['--max-connections', '10']);
  const open = [];
  try {
    for (let i = 0; i < 10; i++) open.push(await stalled(capped.port, ''));
    await new Promise((r) => setTimeout(r, 200));
    const r = await raw(capped.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(r.status, 503);
    assert.equal(r.headers['x-frame-options'], 'DENY');
    for (const s of open.splice(0)) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await raw(capped.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')).status, 200);
  } finally {
    for (const s of open) s.destroy();
    capped.proc.kill('SIGTERM');
    assert.equal((await capped.exited).code, 0, capped.stderr());
  }
});

test('SIGTERM: a request in flight completes, idle connections close, new ones are refused, exit 0', async () => {
  const s = await serve();
  // An idle keep-alive connection: one answer, then nothing.
  const idle = await stalled(s.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  const idleClosed = new Promise((resolve) => idle.on('close', resolve));
  // A slow log-in: the header and half the body now, the rest after the signal.
  const half = LOGIN.length >> 1;
  const slow = connection(s.port, [`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: ${LOGIN.length}\r\n\r\n`,
    LOGIN.slice(0, half)], { timeout: 15000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  s.proc.kill('SIGTERM');
  await idleClosed;
  // New connections are refused while the slow request is still in flight.
  const refused = await new Promise((resolve) => {
    const c = net.connect(s.port, '127.0.0.1');
    c.on('connect', () => { c.destroy(); resolve('connected'); });
    c.on('error', (e) => resolve(e.code));
  });
  assert.equal(refused, 'ECONNREFUSED');
  // The rest of the body: the log-in is answered, and the connection closed after it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  slow.send(LOGIN.slice(half));
  const r = await slow.answer;
  assert.equal(r.status, 200, r.body);
  assert.ok(JSON.parse(r.body).token);
  assert.equal(r.headers.connection, 'close');
  const exit = await s.exited;
  assert.equal(exit.code, 0, s.stderr());
});
