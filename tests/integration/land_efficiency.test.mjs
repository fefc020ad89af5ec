// The land-efficiency API against a real server process: import (CSV and xlsx, dry run with every
// problem), the workflow, a run whose export is byte-identical to `gongjian evaluate land` on the
// same file, adjustments with versions (409), scope (404) and permissions (403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, login, api, BIN, stopCleanly } from './server.mjs';

const GEN = new URL('../../bench/land_gen.py', import.meta.url).pathname;
const YEAR = 2023;
let srv, coord, viewer, guan, dir;

before(async () => {
  // GONGJIAN_IT_DB=postgresql://…/emptydb runs the same test on PostgreSQL.
  // The input files first: generating them blocks the event loop for seconds, which must not
  // happen while fetch holds keep-alive sockets to the server.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-land-api-'));
  for (const f of ['in.csv', 'in.xlsx']) {
    const r = spawnSync('python3', [GEN, '3000', path.join(dir, f)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  srv = await startServer({ db: process.env.GONGJIAN_IT_DB || undefined });
  coord = api(srv.base, await login(srv.base, 'dongezb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
});
after(() => stopCleanly(srv));

const q = `county=371524&year=${YEAR}`;

test('the demo has a published evaluation of 东阿县', async () => {
  const runs = await coord('GET', '/land/runs?county=371524');
  assert.equal(runs.status, 200);
  assert.equal(runs.body.items[0].state, 'published');
  const run = await coord('GET', `/land/runs/${runs.body.items[0].id}?class=A`);
  assert.equal(run.body.enterprises, 200);
  assert.ok(run.body.results.length > 0 && run.body.results.every((r) => r.final_class === 'A'));
  assert.equal(run.body.appeals.length, 1);
  assert.equal(run.body.adjustments.length, 1);
  const other = await guan('GET', `/land/runs/${runs.body.items[0].id}`);
  assert.equal(other.status, 404);
});

test('run results page with offset and limit; every result without a limit', async () => {
  const id = (await coord('GET', '/land/runs?county=371524')).body.items[0].id;
  const all = (await coord('GET', `/land/runs/${id}`)).body;
  assert.equal(all.total_count, all.results.length);
  assert.equal(all.results.length, 200);
  const page = (await coord('GET', `/land/runs/${id}?offset=10&limit=25`)).body;
  assert.equal(page.total_count, 200);
  assert.deepEqual(page.results, all.results.slice(10, 35));
  assert.deepEqual(page.counts, all.counts, 'counts are of the whole run, not the page');
  const a = (await coord('GET', `/land/runs/${id}?class=A&limit=3`)).body;
  assert.equal(a.total_count, all.results.filter((r) => r.final_class === 'A').length);
  assert.ok(a.results.length <= 3 && a.results.every((r) => r.final_class === 'A'));
  const bad = await coord('GET', `/land/runs/${id}?offset=-1&limit=5000`);
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.error.details.map((d) => d.field).sort(), ['limit', 'offset']);
});

test('import: dry run lists every problem with row and column; nothing written', async () => {
  const lines = fs.readFileSync(path.join(dir, 'in.csv'), 'utf8').split('\n');
  lines[3] = lines[3].replace(/^(.{17})./, '$1Z');           // bad check character
  lines[10] = lines[10].split(',').map((c, i) => (i === 6 ? 'abc' : c)).join(','); // land_mu
  const bad = lines.join('\n');
  const dry = await coord('POST', `/land/import?${q}&dry_run=true`, bad);
  assert.equal(dry.status, 200);
  assert.deepEqual(dry.body.problems.map((p) => [p.row, p.column]), [[4, 'credit_code'], [11, 'land_mu']]);
  const real = await coord('POST', `/land/import?${q}`, bad);
  assert.equal(real.status, 422);
  assert.equal(real.body.error.details.length, 2);
  assert.equal(real.body.error.details[0].row, 4);
  const data = await coord('GET', `/land/data?${q}`);
  assert.equal(data.body.items.length, 0);
  const xlsx = await coord('POST', `/land/import?${q}&dry_run=true`, fs.readFileSync(path.join(dir, 'in.xlsx')));
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.body.rows, 3000);
  assert.deepEqual(xlsx.body.problems, []);
  const v = await viewer('POST', `/land/import?${q}&dry_run=true`, bad);
  assert.equal(v.status, 403);
});

test('import → review → confirm → run: the export equals the CLI output byte for byte', async () => {
  const csv = fs.readFileSync(path.join(dir, 'in.csv'));
  const imp = await coord('POST', `/land/import?${q}`, csv);
  assert.equal(imp.status, 200, JSON.stringify(imp.body));
  assert.equal(imp.body.created, 3000);
  const early = await coord('POST', '/land/runs', { county_code: '371524', year: YEAR });
  assert.equal(early.status, 409);
  for (const action of ['review', 'confirm']) {
    const r = await coord('POST', '/land/data/actions', { county_code: '371524', year: YEAR, action });
    assert.equal(r.body.changed, 3000);
  }
  const run = await coord('POST', '/land/runs', { county_code: '371524', year: YEAR });
  assert.equal(run.status, 201);
  const exp = await coord('GET', `/land/runs/${run.body.id}/export?format=csv`);
  assert.equal(exp.status, 200);
  const cli = spawnSync(BIN, ['evaluate', 'land', '--input', path.join(dir, 'in.csv'), '-o', path.join(dir, 'cli.csv')], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.ok(Buffer.compare(exp.body, fs.readFileSync(path.join(dir, 'cli.csv'))) === 0, 'server export equals the CLI output');
  const x = await coord('GET', `/land/runs/${run.body.id}/export?format=xlsx`);
  assert.equal(x.status, 200);
  assert.equal(x.body.subarray(0, 2).toString(), 'PK');
});

test('adjust with versions, card, journal, publish and appeal window', async () => {
  const runs = await coord('GET', `/land/runs?${q}`);
  const id = runs.body.items[0].id;
  const run = (await coord('GET', `/land/runs/${id}?class=C&group=above`)).body;
  const target = run.results[0];
  const adj = await coord('POST', `/land/runs/${id}/actions`, { action: 'adjust', credit_code: target.credit_code, class: 'B', reason: '核实后上调', version: run.version });
  assert.equal(adj.status, 200);
  const stale = await coord('POST', `/land/runs/${id}/actions`, { action: 'adjust', credit_code: target.credit_code, class: 'A', reason: 'x', version: run.version });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'conflict');
  const card = await coord('GET', `/land/runs/${id}/enterprises/${target.credit_code}`);
  assert.equal(card.body.final_class, 'B');
  assert.equal(card.body.class, 'C');
  assert.equal(card.body.indicators.length, 5);
  assert.equal(card.body.adjustments[0].reason, '核实后上调');
  const journal = await coord('GET', `/land/runs/${id}/journal`);
  assert.equal(journal.body.items[0].action, 'adjust');
  const vp = await viewer('POST', `/land/runs/${id}/actions`, { action: 'preliminary', version: adj.body.version });
  assert.equal(vp.status, 403);
  const pre = await coord('POST', `/land/runs/${id}/actions`, { action: 'preliminary', version: adj.body.version });
  const pub = await coord('POST', `/land/runs/${id}/actions`, { action: 'publish', published_on: '2020-01-01', version: pre.body.version });
  assert.equal(pub.body.appeal_until, '2020-01-05');
  const late = await coord('POST', `/land/runs/${id}/actions`, { action: 'appeal', credit_code: target.credit_code, reason: 'r', version: pub.body.version });
  assert.equal(late.status, 409);
  const fin = await coord('POST', `/land/runs/${id}/actions`, { action: 'finalize', version: pub.body.version });
  assert.equal(fin.status, 200);
  assert.equal(fin.body.state, 'final');
  const ledger = await coord('GET', `/land/runs/${id}/policy-ledger`);
  assert.ok(ledger.body.final && ledger.body.items.length > 2000);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.ok(doc.paths['/api/v1/land/runs/{id}/enterprises/{credit_code}']);
});
