// Seeds for routes_fuzz from the API integration tests: preloaded into a test run, it wraps fetch
// and writes every request the tests send with a demo user's token (or none) as a routes_fuzz input
// ("<role> <METHOD> <path>?<query>\n<body>") into $GJ_SEED_DIR, one file per distinct request.
//   GJ_SEED_DIR=/tmp/seeds GONGJIAN_BIN=$PWD/build/gongjian \
//     node --import ./fuzz/tools/capture_seeds.mjs --test tests/integration/<file>.test.mjs
// fuzz/tools/pick_seeds.sh then keeps a few per route.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';

const dir = process.env.GJ_SEED_DIR;
const roles = ['admin', 'lcxmb', 'dongezb', 'guanxmb', 'leader', 'unit', 'viewer'];
const roleOfToken = new Map();
const original = globalThis.fetch;

function headerOf(init, name) {
  const h = init?.headers;
  if (!h) return undefined;
  if (typeof h.get === 'function') return h.get(name) ?? undefined;
  for (const [k, v] of Object.entries(h)) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}

function bodyBytes(body) {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array || Buffer.isBuffer(body)) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  return null;  // a stream or form: not captured
}

globalThis.fetch = async function (url, init = {}) {
  const res = await original(url, init);
  try {
    const u = new URL(typeof url === 'string' ? url : url.url ?? String(url));
    if (!dir || !u.pathname.startsWith('/api/v1/')) return res;
    const method = (init.method ?? 'GET').toUpperCase();
    const body = bodyBytes(init.body);
    if (body === null || body.length > 64 * 1024) return res;
    if (method === 'POST' && u.pathname === '/api/v1/auth/login') {
      const { login } = JSON.parse(body.toString());
      const copy = res.clone();
      const j = await copy.json().catch(() => ({}));
      if (j.token && roles.includes(login)) roleOfToken.set(j.token, roles.indexOf(login));
      return res;
    }
    const auth = headerOf(init, 'authorization');
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const role = token === undefined ? 9 : roleOfToken.get(token);
    if (role === undefined) return res;  // a user the test made: not a demo role
    const line = `${role} ${method} ${u.pathname}${u.search}\n`;
    const seed = Buffer.concat([Buffer.from(line), body]);
    mkdirSync(dir, { recursive: true });
    const name = createHash('sha1').update(seed).digest('hex');
    writeFileSync(`${dir}/${name}`, seed);
  } catch {
    // capturing never fails a test
  }
  return res;
};
