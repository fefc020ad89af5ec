// Limits everywhere input becomes memory (issue 14, item 2), against a real server: JSON bodies are
// bounded before parsing (a viewer's 100,000-deep `version` crashed the server), query ranges and
// page sizes are capped with a 400 naming the parameter, its value and the limit, and amounts are
// bounded at input and summed without overflow (INT64_MAX in total_investment made the overviews
// answer 500).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';

let srv, office, viewer, city;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
  city = api(srv.base, await login(srv.base, 'lcxmb'));
});
after(() => stopCleanly(srv));

const INT64_MAX = '9223372036854775807';

function detailOf(r, field) {
  const d = (r.body.error?.details || []).find((x) => x.field === field);
  assert.ok(d, `no detail for ${field}: ${JSON.stringify(r.body).slice(0, 500)}`);
  return d;
}

async function aProject() {
  const p = (await office('GET', '/projects?limit=1')).body.items[0];
  return { id: p.id, version: p.version };
}

async function stillServing() {
  const h = await fetch(`${srv.base}/healthz`);
  assert.equal(h.status, 200, 'the server still answers');
  assert.equal((await office('GET', '/projects?limit=1')).status, 200);
}

test('a viewer sending a 100,000-deep version is a 400, and the server still answers', async () => {
  const { id } = await aProject();
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  for (const [who, call] of [['viewer', viewer], ['coordinator', office]]) {
    const r = await call('PATCH', `/projects/${id}`, `{"version": ${deep}}`, { 'Content-Type': 'application/json' });
    assert.equal(r.status, 400, `${who}: ${JSON.stringify(r.body).slice(0, 300)}`);
    assert.equal(r.body.error.code, 'bad_request');
    const d = detailOf(r, 'body');
    assert.equal(d.rule, 'json_too_deep');
    assert.equal(d.params.max, '32');
    assert.ok(r.body.error.message.length < 300, r.body.error.message);
  }
  await stillServing();
});

test('a body of too many values or too long a string is refused before parsing', async () => {
  const { id } = await aProject();
  const many = `{"version": [${'0,'.repeat(300_000)}0]}`;
  const r = await viewer('PATCH', `/projects/${id}`, many);
  assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
  assert.equal(detailOf(r, 'body').rule, 'json_too_many');
  const long = `{"name": "${'x'.repeat(300_000)}"}`;
  const s = await office('PATCH', `/projects/${id}`, long);
  assert.equal(s.status, 400);
  assert.equal(detailOf(s, 'body').rule, 'json_string_too_long');
  await stillServing();
});

test('a wrong-typed big value is echoed bounded, never whole', async () => {
  const { id } = await aProject();
  const big = Array.from({ length: 20 }, () => Array.from({ length: 1000 }, (_, i) => i));
  const r = await office('PATCH', `/projects/${id}`, { version: big });
  assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
  assert.ok(JSON.stringify(r.body).length < 2000, `answer of ${JSON.stringify(r.body).length} bytes`);
});

test('compliance over more than 371 days is a 400 naming to, the value and the limit', async () => {
  const r = await office('GET', '/visits/compliance?from=2000-01-01&to=2029-12-31');
  assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
  const d = detailOf(r, 'to');
  assert.equal(d.value, '2029-12-31');
  assert.equal(d.rule, 'range_too_long');
  assert.equal(d.params.max, '371');
  assert.match(r.body.error.message, /to="2029-12-31" must be within 371 days of from 2000-01-01/);
  // Years beyond the window are refused as dates.
  const far = await office('GET', '/visits/compliance?from=1900-01-01&to=1900-12-31');
  assert.equal(far.status, 400);
  assert.equal(detailOf(far, 'from').rule, 'date_window');
  const future = await office('GET', '/visits/compliance?as_of=9999-12-31');
  assert.equal(future.status, 400);
  assert.equal(detailOf(future, 'as_of').value, '9999-12-31');
  // A year's range still answers, and so does the default.
  assert.equal((await office('GET', `/visits/compliance?from=2026-01-01&to=2026-12-31`)).status, 200);
  assert.equal((await office('GET', '/visits/compliance')).status, 200);
  assert.equal((await office('GET', `/visits/compliance?as_of=${TODAY}`)).status, 200);
});

test('page sizes and years over their caps are 400s naming the parameter', async () => {
  for (const path of ['/lights?limit=501', '/lights?limit=1000000000', '/projects?limit=101']) {
    const r = await office('GET', path);
    assert.equal(r.status, 400, path);
    assert.equal(detailOf(r, 'limit').rule, 'range', path);
  }
  assert.equal((await office('GET', '/lights?limit=500')).status, 200);
  assert.equal((await office('GET', '/lights?limit=0')).status, 200);  // the whole list (the web app's search)
  const offset = await office('GET', '/lights?offset=99999999999');
  assert.equal(offset.status, 400);
  for (const year of ['1900', '9999', '1999', '2101']) {
    const r = await office('GET', `/projects?year=${year}`);
    assert.equal(r.status, 400, year);
    const d = detailOf(r, 'year');
    assert.deepEqual([d.rule, d.params.min, d.params.max], ['range', '2000', '2100']);
  }
});

test('total_investment of INT64_MAX is a 422 naming the bound (1e12 yuan)', async () => {
  const { id, version } = await aProject();
  for (const value of [INT64_MAX, '18446744073709551615', '1000000000001']) {
    const r = await office('PATCH', `/projects/${id}`, `{"version": ${version}, "total_investment": ${value}}`);
    // Beyond int64 the value cannot even be held: the field is unreadable (400), else a rule (422).
    assert.equal(r.status, value.length > 19 ? 400 : 422, `${value}: ${JSON.stringify(r.body).slice(0, 300)}`);
    const d = detailOf(r, 'total_investment');
    assert.equal(d.rule, 'plausible.amount_above_bound', value);
    assert.equal(d.params.max_yuan, '1000000000000');
  }
  const ok = await office('PATCH', `/projects/${id}`, { version, total_investment: 1_000_000_000_000 });
  assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 300));
});

test('monthly plan amounts are bounded too (no overflow while summing the months)', async () => {
  const { id } = await aProject();
  const version = (await office('GET', `/projects/${id}/monthly-plan`)).body.version ?? 0;
  const months = [INT64_MAX, INT64_MAX, ...Array(10).fill('1')].join(',');
  const plan = await office('PUT', `/projects/${id}/monthly-plan`, `{"version": ${version}, "months": [${months}]}`);
  assert.equal(plan.status, 422, JSON.stringify(plan.body).slice(0, 300));
  assert.ok(plan.body.error.details.some((d) => d.field === 'months' && d.rule === 'plausible.amount_above_bound'),
    JSON.stringify(plan.body));
});

test('the county and city overviews answer 200 even when the database holds INT64_MAX', async () => {
  const items = (await office('GET', '/projects?limit=3')).body.items;
  const ids = items.map((p) => p.id).join(',');
  const sql = `UPDATE projects SET total_investment = ${INT64_MAX} WHERE id IN (${ids});` +
    `UPDATE project_years SET annual_plan = ${INT64_MAX}, annual_completed = ${INT64_MAX} WHERE project_id IN (${ids});`;
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', srv.dbPath, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  for (const [who, call, region] of [['county', office, '371524'], ['city', city, '371500'], ['city whole', city, '']]) {
    const o = await call('GET', `/overview${region ? `?region=${region}` : ''}`);
    assert.equal(o.status, 200, `${who}: ${JSON.stringify(o.body).slice(0, 300)}`);
    assert.ok(Number.isFinite(o.body.total_investment ?? o.body.totals?.total_investment ?? 0), who);
  }
  for (const path of ['/lights', '/bulletins?region=371524', '/targets']) {
    const o = await office('GET', path);
    assert.notEqual(o.status, 500, `${path}: ${JSON.stringify(o.body).slice(0, 300)}`);
  }
  await stillServing();
});
