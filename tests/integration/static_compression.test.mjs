// The built web app's files as the server sends them (issue 16, item 5): a file the web build
// precompressed (FILE.br, FILE.gz beside it: web/scripts/precompress.mjs) goes out as the variant
// the request's Accept-Encoding takes — brotli before gzip, none for a client that takes neither —
// with Content-Encoding and `Vary: Accept-Encoding`; hashed /assets/ files are cacheable for a year
// and immutable, index.html (also as the history-mode fallback) is revalidated every time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { BIN, freePort, writeDemo } from './server.mjs';
import { precompress } from '../../web/scripts/precompress.mjs';

const dir = mkdtempSync(join(tmpdir(), 'gongjian-static-'));
const web = join(dir, 'web');
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: '项目' + i })))};\n`;
const INDEX = '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>攻坚 · 重点项目</title>' +
  '<script type="module" crossorigin src="/assets/index-3f2aB9.js"></script></head><body><div id="app"></div>' +
  '<!-- ' + 'padding so that the page is worth compressing '.repeat(10) + '--></body></html>';
let srv;

// GET with exactly these request headers (node's http: no Accept-Encoding of its own, nothing
// decoded): { status, headers, body (a Buffer as sent) }.
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${srv.base}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

before(async () => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), INDEX);
  writeFileSync(join(web, 'assets', 'index-3f2aB9.js'), SCRIPT);
  writeFileSync(join(web, 'assets', 'logo-77aa.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  // What `npm run build` does after vite build: .br and .gz beside each text file.
  const made = precompress(web);
  assert.equal(made.files, 2, 'index.html and the script are compressed; the PNG is not');
  const db = join(dir, 'demo.db');
  writeDemo(BIN, db);
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--threads', '2', '--web', web,
    '--report-tasks-hours', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  srv = { base: `http://127.0.0.1:${port}`, proc, exited, stderr: () => stderr };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${srv.base}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(async () => {
  srv.proc.kill('SIGTERM');
  const code = await srv.exited;
  rmSync(dir, { recursive: true, force: true });
  assert.equal(code, 0, srv.stderr());
});

test('a hashed script goes out as brotli, gzip or as it is, as Accept-Encoding says, cacheable for a year', async () => {
  const cases = [
    ['gzip, deflate, br, zstd', 'br'], // Chromium's
    ['br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    [undefined, undefined],
    ['br;q=0, gzip;q=0', undefined],
  ];
  for (const [accept, encoding] of cases) {
    const res = await get('/assets/index-3f2aB9.js', accept === undefined ? {} : { 'Accept-Encoding': accept });
    const what = `Accept-Encoding: ${accept}`;
    assert.equal(res.status, 200, what);
    assert.equal(res.headers['content-encoding'], encoding, what);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8', what);
    assert.equal(res.headers.vary, 'Accept-Encoding', what);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', what);
    assert.equal(Number(res.headers['content-length']), res.body.length, what);
    const decoded = encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
    assert.equal(decoded.toString('utf8'), SCRIPT, what);
    if (encoding) assert.ok(res.body.length < Buffer.byteLength(SCRIPT) / 3, `${what}: ${res.body.length} bytes sent`);
  }
  // Brotli beats gzip on the same file (the reason it comes first).
  assert.ok(brotliCompressSync(SCRIPT).length < gzipSync(SCRIPT).length);
});

test('index.html, named or as the fallback of an app route, is compressed and never cached unrevalidated', async () => {
  for (const path of ['/', '/index.html', '/projects?year=2026', '/login']) {
    const res = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-encoding'], 'br', path);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
    assert.equal(res.headers.vary, 'Accept-Encoding', path);
    assert.equal(brotliDecompressSync(res.body).toString('utf8'), INDEX, path);
    const plain = await get(path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.equal(plain.body.toString('utf8'), INDEX, path);
  }
});

test('a file without precompressed variants goes out as it is, without Vary; HEAD sends no body', async () => {
  const png = await get('/assets/logo-77aa.png', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(png.status, 200);
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.headers.vary, undefined);
  assert.equal(png.headers['content-type'], 'image/png');
  assert.equal(png.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.deepEqual([...png.body], [0x89, 0x50, 0x4e, 0x47]);

  const head = await new Promise((resolve, reject) => {
    const req = http.request(`${srv.base}/assets/index-3f2aB9.js`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } }, (res) => {
      let n = 0;
      res.on('data', (c) => (n += c.length));
      res.on('end', () => resolve({ headers: res.headers, n }));
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(head.headers['content-encoding'], 'br');
  assert.equal(head.n, 0);
});
