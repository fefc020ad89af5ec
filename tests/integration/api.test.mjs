// The ledger API against a real server process and a real SQLite database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, stopCleanly } from './server.mjs';

let srv;
let coord;   // 东阿县项目办
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

test('health and OpenAPI are public and describe every endpoint', async () => {
  assert.equal((await fetch(`${srv.base}/healthz`)).status, 200);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.equal(doc.openapi, '3.0.3');
  for (const p of ['/api/v1/projects', '/api/v1/projects/{id}', '/api/v1/projects/{id}/journal', '/api/v1/auth/login', '/api/v1/overview']) {
    assert.ok(doc.paths[p], `OpenAPI lacks ${p}`);
  }
  assert.ok(doc.paths['/api/v1/projects/{id}'].patch);
});

test('no token or a bad password → 401 with the error shape', async () => {
  const r = await fetch(`${srv.base}/api/v1/projects`);
  assert.equal(r.status, 401);
  const body = await r.json();
  assert.equal(body.error.code, 'unauthenticated');
  const bad = await fetch(`${srv.base}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ login: 'dongezb', password: 'nope' }) });
  assert.equal(bad.status, 401);
});

test('list: scope, filters, pagination and total_count', async () => {
  const all = await coord('GET', '/projects?limit=100');
  assert.equal(all.status, 200);
  assert.equal(all.body.total_count, 150);           // 东阿 only, not the other counties
  assert.equal(all.body.items.length, 100);
  assert.ok(all.body.items.every((p) => p.county_code === '371524'));
  const page2 = await coord('GET', '/projects?limit=100&offset=100');
  assert.equal(page2.body.items.length, 50);
  const ind = await coord('GET', '/projects?category=industrial&limit=100');
  assert.ok(ind.body.total_count > 0 && ind.body.total_count < 150);
  assert.ok(ind.body.items.every((p) => p.category === 'industrial'));
  const sorted = await coord('GET', '/projects?sort=total_investment&order=desc&limit=5');
  const amounts = sorted.body.items.map((p) => p.total_investment);
  assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a));
  const tooMany = await coord('GET', '/projects?limit=101');
  assert.equal(tooMany.status, 400);
  assert.equal(tooMany.body.error.details[0].field, 'limit');
  const city = api(srv.base, await login(srv.base, 'lcxmb'));
  assert.equal((await city('GET', '/projects?limit=1')).body.total_count, 230);
});

test('search ignores simplified/traditional differences', async () => {
  const simp = await coord('GET', `/projects?q=${encodeURIComponent('阿胶')}&limit=100`);
  const trad = await coord('GET', `/projects?q=${encodeURIComponent('阿膠')}&limit=100`);
  assert.ok(simp.body.total_count > 0);
  assert.equal(trad.body.total_count, simp.body.total_count);
});

test('edit with version, conflict on a stale version, journal old → new', async () => {
  const p = (await coord('GET', '/projects?limit=1')).body.items[0];
  const ok = await coord('PATCH', `/projects/${p.id}`, { version: p.version, name: `${p.name}（调整）` });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.version, p.version + 1);
  const stale = await coord('PATCH', `/projects/${p.id}`, { version: p.version, name: 'x' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'conflict');
  assert.equal(stale.body.current.name, `${p.name}（调整）`);
  const j = await coord('GET', `/projects/${p.id}/journal`);
  assert.equal(j.body.items[0].action, 'update');
  assert.deepEqual(j.body.items[0].changes, [{ field: 'name', old: p.name, new: `${p.name}（调整）` }]);
  assert.equal(j.body.items[0].user_name, '东阿县项目办');
});

test('bad input: malformed JSON, unknown field, wrong type, rule breach → 4xx, nothing written', async () => {
  const p = (await coord('GET', '/projects?limit=1&offset=3')).body.items[0];
  const malformed = await coord('PATCH', `/projects/${p.id}`, '{"version": 1,');
  assert.equal(malformed.status, 400);
  const unknown = await coord('PATCH', `/projects/${p.id}`, { version: p.version, colour: 'red', name: 7 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error.details.length, 2);
  const future = await coord('PATCH', `/projects/${p.id}`, { version: p.version, actual_start: '2099-01-01' });
  assert.equal(future.status, 422);
  assert.equal(future.body.error.details[0].field, 'actual_start');
  // Beyond 2100 it is not a date a body may hold (issue 14 item 2): a 400 naming the field.
  const far = await coord('PATCH', `/projects/${p.id}`, { version: p.version, actual_start: '2999-01-01' });
  assert.equal(far.status, 400);
  assert.equal(far.body.error.details[0].field, 'actual_start');
  assert.equal(far.body.error.details[0].rule, 'date_window');
  const big = await coord('PATCH', `/projects/${p.id}`, JSON.stringify({ version: p.version, content: 'x'.repeat(2 << 20) }));
  assert.equal(big.status, 413);
  const after = await coord('GET', `/projects/${p.id}`);
  assert.equal(after.body.version, p.version);
});

test('scope: another county answers 404, a leader may read but not edit', async () => {
  const p = (await coord('GET', '/projects?limit=1')).body.items[0];
  const guan = api(srv.base, await login(srv.base, 'guanxmb'));
  assert.equal((await guan('GET', `/projects/${p.id}`)).status, 404);
  const leader = api(srv.base, await login(srv.base, 'leader'));
  assert.equal((await leader('GET', `/projects/${p.id}`)).status, 200);
  const r = await leader('PATCH', `/projects/${p.id}`, { version: p.version, name: 'x' });
  assert.equal(r.status, 403);
});

test('stage change and archive', async () => {
  const list = (await coord('GET', '/projects?stage=signed&limit=1')).body.items;
  assert.equal(list.length, 1);
  const p = list[0];
  const noDate = await coord('POST', `/projects/${p.id}/stage`, { version: p.version, stage: 'started' });
  assert.equal(noDate.status, 422);
  const started = await coord('POST', `/projects/${p.id}/stage`, { version: p.version, stage: 'started', actual_start: '2026-05-01' });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  assert.equal(started.body.stage, 'started');
  const archived = await coord('POST', `/projects/${p.id}/archive`, { version: started.body.version });
  assert.equal(archived.body.archived, true);
  assert.equal((await coord('GET', `/projects/${p.id}`)).body.archived, true);
});

test('overview and dictionaries', async () => {
  const o = await coord('GET', '/overview?region=371524');
  assert.equal(o.status, 200);
  assert.equal(o.body.by_stage.reduce((s, x) => s + x.count, 0), o.body.project_count);
  assert.ok(o.body.by_town.some((t) => t.label_zh === '铜城街道'));
  const d = await coord('GET', '/dictionaries');
  assert.deepEqual(d.body.stage.map((s) => s.label_zh), ['谋划', '储备', '签约', '开工', '竣工', '投产']);
  const put = await coord('PUT', '/dictionaries/category', { items: [{ code: 'x', label_zh: 'X' }] });
  assert.equal(put.status, 403);
});

test('logout revokes the token; API tokens work for scripts', async () => {
  const token = await login(srv.base, 'viewer');
  const v = api(srv.base, token);
  const created = await v('POST', '/auth/tokens', { name: 'nightly', days: 30 });
  assert.equal(created.status, 201);
  assert.equal((await v('POST', '/auth/logout')).status, 200);
  assert.equal((await v('GET', '/auth/me')).status, 401);
  const script = api(srv.base, created.body.token);
  assert.equal((await script('GET', '/auth/me')).body.login, 'viewer');
});

test('export xlsx and csv, import the export back (dry run and real), corrupt file → 422', async () => {
  const xlsx = await coord('GET', '/projects/export?format=xlsx&category=industrial');
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
  const csv = await coord('GET', '/projects/export?format=csv');
  assert.equal(csv.status, 200);
  const text = csv.body.toString('utf8');
  assert.ok(text.startsWith('\ufeff项目编号,项目名称,县区'));
  const live = (await coord('GET', '/projects?limit=1')).body.total_count;  // archived projects are not exported
  assert.equal(text.trim().split('\r\n').length, live + 1);
  const xhdr = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const dry = await coord('POST', '/projects/import?dry_run=true', new Uint8Array(xlsx.body), xhdr);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.equal(dry.body.dry_run, true);
  assert.equal(dry.body.problems.length, 0);
  assert.equal(dry.body.created, 0);
  const real = await coord('POST', '/projects/import', new Uint8Array(xlsx.body), xhdr);
  assert.equal(real.status, 200);
  assert.equal(real.body.unchanged, real.body.rows);
  const junk = await coord('POST', '/projects/import?dry_run=true', 'definitely not xlsx', xhdr);
  assert.equal(junk.status, 422);
  assert.equal(junk.body.error.code, 'validation_failed');
  const viewer = api(srv.base, await login(srv.base, 'viewer'));
  assert.equal((await viewer('POST', '/projects/import?dry_run=true', new Uint8Array(xlsx.body), xhdr)).status, 403);
});
