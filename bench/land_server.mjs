// Timing of the land-efficiency server path (SQLite, demo database): import N enterprises over
// HTTP (dry run, then for real), review + confirm, run, read the results, export CSV.
//   node bench/land_server.mjs [N=100000]   (GONGJIAN_BIN, default build/gongjian)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, login, api } from '../tests/integration/server.mjs';

const N = Number(process.argv[2] || 100000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-land-srv-'));
const csv = path.join(dir, 'in.csv');
spawnSync('python3', [new URL('land_gen.py', import.meta.url).pathname, String(N), csv]);
const srv = await startServer();
const call = api(srv.base, await login(srv.base, 'dongezb'));
const q = 'county=371524&year=2020';
async function time(label, fn) {
  const t0 = performance.now();
  const r = await fn();
  console.log(`${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(2)} s  (status ${r.status})`);
  return r;
}
const body = fs.readFileSync(csv);
await time(`import ${N} dry run`, () => call('POST', `/land/import?${q}&dry_run=true`, body));
await time(`import ${N}`, () => call('POST', `/land/import?${q}`, body));
await time('review all', () => call('POST', '/land/data/actions', { county_code: '371524', year: 2020, action: 'review' }));
await time('confirm all', () => call('POST', '/land/data/actions', { county_code: '371524', year: 2020, action: 'confirm' }));
const run = await time('run (snapshot + evaluate + results)', () => call('POST', '/land/runs', { county_code: '371524', year: 2020 }));
await time('GET run (cached evaluation)', () => call('GET', `/land/runs/${run.body.id}`));
await time('GET run ?class=A', () => call('GET', `/land/runs/${run.body.id}?class=A`));
await time('export csv', () => call('GET', `/land/runs/${run.body.id}/export?format=csv`));
await srv.stop();
fs.rmSync(dir, { recursive: true });
