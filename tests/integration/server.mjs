// Starts a real `gongjian serve` process on a free loopback port with a fresh demo database.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
// Pins GONGJIAN_NOW for this process and the demo/serve/CLI processes it spawns.
import { NOW, TODAY } from './clock.mjs';

export { NOW, TODAY };

export const BIN = process.env.GONGJIAN_BIN || new URL('../../build/gongjian', import.meta.url).pathname;

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// Writes the demo database to dbPath, as `gongjian demo --db dbPath` would. Building it costs
// seconds (argon2id hashes of every demo password, a year of reports) and every test file needs a
// fresh one, often at the same pinned day. When GONGJIAN_DEMO_CACHE names a folder (scripts/test.sh
// sets one per run) the first build for a binary and a pinned GONGJIAN_NOW is kept there and the
// later ones are copies: with the clock pinned the demo is the same but for its password salts.
// Without the variable, or on the real clock, the demo is built every time.
export function writeDemo(bin, dbPath, env = process.env) {
  const cache = env.GONGJIAN_DEMO_CACHE;
  if (!cache || !env.GONGJIAN_NOW) return buildDemo(bin, dbPath, env);
  const { size, mtimeMs } = statSync(bin);
  const key = createHash('sha256').update(JSON.stringify([realpathSync(bin), size, mtimeMs, env.GONGJIAN_NOW]))
    .digest('hex').slice(0, 16);
  const cached = join(cache, `demo-${key}.db`);
  if (!existsSync(cached)) {
    // Built beside it and renamed: a file running at the same time never copies a half-built one.
    mkdirSync(cache, { recursive: true });
    const part = `${cached}.${process.pid}.part`;
    buildDemo(bin, part, env);
    renameSync(part, cached);
  }
  copyFileSync(cached, dbPath);
}

function buildDemo(bin, dbPath, env) {
  const r = spawnSync(bin, ['demo', '--db', dbPath], { encoding: 'utf8', env, timeout: 120000 });
  if (r.status !== 0) throw new Error(`demo failed (${r.status ?? r.signal}): ${r.stderr}`);
}

// `env`: variables to set for the demo and server processes (undefined removes one, e.g. GONGJIAN_NOW).
export async function startServer({ demo = true, db, env: extra = {} } = {}) {
  const env = { ...process.env, ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-it-'));
  const dbPath = db || join(dir, 'test.db');
  // A database named by the caller (GONGJIAN_IT_DB may be PostgreSQL) gets the demo built in it.
  if (demo) db ? buildDemo(BIN, dbPath, env) : writeDemo(BIN, dbPath, env);
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--db', dbPath, '--host', '127.0.0.1', '--port', String(port), '--threads', '8'], {
    stdio: ['ignore', 'ignore', 'pipe'], env,
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    base, dir, dbPath, proc, exited,
    stderr: () => stderr,
    async stop() {
      proc.kill('SIGTERM');
      const r = await exited;
      rmSync(dir, { recursive: true, force: true });
      return r;
    },
  };
}

export async function login(base, login, password = 'demo1234') {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ login, password }) });
  const body = await r.json();
  if (!r.ok) throw new Error(`login ${login}: ${JSON.stringify(body)}`);
  return body.token;
}

// A request function (method, path under /api/v1, body, headers) → { status, body, headers }; the
// body is parsed when the answer is JSON. `auth` holds the headers sent with every request.
function requester(base, auth) {
  return async (method, path, body, headers = {}) => {
    const r = await fetchOnce(`${base}/api/v1${path}`, {
      method,
      headers: { ...auth, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    });
    const type = r.headers.get('content-type') || '';
    const data = type.includes('json') ? await r.json() : Buffer.from(await r.arrayBuffer());
    return { status: r.status, body: data, headers: r.headers };
  };
}

// A test that blocks node's event loop (spawnSync of a generator or the CLI) for longer than the
// server's keep-alive (5 s) leaves fetch holding a pooled socket the server has already closed;
// the next request on it fails before reaching the server ("fetch failed", other side closed).
// That request is sent again once, on a fresh socket; any other failure is the test's.
const kStaleSocket = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
async function fetchOnce(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    if (!kStaleSocket.has(e?.cause?.code)) throw e;
    return fetch(url, init);
  }
}

export function api(base, token) {
  return requester(base, { Authorization: `Bearer ${token}` });
}

// Like api() but without an Authorization header (a request with no token at all).
export function anonymous(base) {
  return requester(base, {});
}

// Stops the server and checks that it stopped cleanly (exit status 0 on SIGTERM), showing its
// standard error when it did not: every file's `after`.
export async function stopCleanly(srv) {
  const r = await srv.stop();
  assert.equal(r.code, 0, `server must stop cleanly: ${srv.stderr()}`);
}
