// Request parameters against a real server: a malformed query parameter is the same 400
// bad_request (naming the parameter, the value and why) under every route, and every route that
// selects projects reads the list's filter (the Gantt honours level, q and year like the list).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';

let srv, office;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

// The 400 of one bad query parameter: code, the detail naming it, the message saying it.
function assertBadParam(r, field, value, where) {
  assert.equal(r.status, 400, `${where}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.code, 'bad_request', where);
  const d = r.body.error.details.find((x) => x.field === field);
  assert.ok(d, `${where}: no detail for ${field}: ${JSON.stringify(r.body.error.details)}`);
  assert.equal(d.value, value, where);
  assert.ok(d.reason.length > 0, where);
  const named = value === '' ? `${field} ${d.reason}` : `${field}="${value}" ${d.reason}`;
  assert.ok(r.body.error.message.includes(named), `${where}: ${r.body.error.message}`);
}

test('a bad as_of is the same 400 under every route that takes one', async () => {
  const project = (await office('GET', '/projects?limit=1')).body.items[0].id;
  const routes = ['/problems', '/problems/board', '/reports/missing', '/lights', '/lights/dashboard', '/targets', '/gantt', '/map',
    '/attention', '/leader', '/visits/compliance', `/projects/${project}/light`, `/projects/${project}/milestones`,
    `/projects/${project}/procedures`];
  const reasons = new Set();
  for (const path of routes) {
    const r = await office('GET', `${path}?as_of=2026-13-45`);
    assertBadParam(r, 'as_of', '2026-13-45', path);
    reasons.add(r.body.error.details[0].reason);
  }
  assert.equal(reasons.size, 1, [...reasons].join(' | '));
  // A well-formed as_of still answers.
  assert.equal((await office('GET', `/problems?as_of=${TODAY}`)).status, 200);
  assert.equal((await office('GET', `/reports/missing?region=371524&as_of=${TODAY}`)).status, 200);
});

test('?year=abc is refused, not ignored', async () => {
  const project = (await office('GET', '/projects?limit=1')).body.items[0].id;
  for (const path of ['/projects', '/projects/export', '/gantt', '/land/runs?county=371524&', `/projects/${project}/monthly-plan`]) {
    const sep = path.endsWith('&') ? '' : '?';
    assertBadParam(await office('GET', `${path}${sep}year=abc`), 'year', 'abc', path);
  }
});

test('every bad parameter of a request is reported at once', async () => {
  const r = await office('GET', '/projects?year=abc&leader=x&order=up&limit=1000&archived=maybe');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body.error.details.map((d) => d.field).sort(), ['archived', 'leader', 'limit', 'order', 'year']);
  const order = r.body.error.details.find((d) => d.field === 'order');
  assert.deepEqual(order.allowed, ['asc', 'desc']);
});

test('other malformed parameters: ids, flags, enums, pages', async () => {
  assertBadParam(await office('GET', '/problems?unit=abc'), 'unit', 'abc', 'problems unit');
  assertBadParam(await office('GET', '/leader?person=-3'), 'person', '-3', 'leader person');
  assertBadParam(await office('GET', '/problems?overdue=yes'), 'overdue', 'yes', 'problems overdue');
  assertBadParam(await office('GET', '/lights?light=blue'), 'light', 'blue', 'lights light');
  assertBadParam(await office('GET', '/lights?limit=ten'), 'limit', 'ten', 'lights limit');
  assertBadParam(await office('GET', '/projects/export?format=docx'), 'format', 'docx', 'export format');
  assertBadParam(await office('GET', '/visits/compliance?from=yesterday'), 'from', 'yesterday', 'compliance from');
  assertBadParam(await office('GET', '/land/data?county=371524'), 'year', '', 'land data without year');
});

test('a path id too large for an integer is a 400 naming it', async () => {
  const r = await office('GET', '/projects/99999999999999999999');
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'bad_request');
  assert.equal(r.body.error.details[0].field, 'id');
});

test('a malformed body is 400 with a detail; a login body of the wrong shape names each field', async () => {
  const bad = await office('POST', '/problems', '{"project_id": ');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'bad_request');
  const r = await fetch(`${srv.base}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ login: 7, pasword: 'x' }) });
  const body = await r.json();
  assert.equal(r.status, 400);
  assert.deepEqual(body.error.details.map((d) => `${d.field}: ${d.reason}`).sort(),
    ['login: must be a string', 'password: is required', 'pasword: unknown field'].sort());
});

// The projects the list selects with a filter (every page).
async function listIds(query) {
  const ids = [];
  for (let offset = 0; ; offset += 100) {
    const r = await office('GET', `/projects?${query}&limit=100&offset=${offset}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    ids.push(...r.body.items.map((p) => p.id));
    if (r.body.items.length < 100) return ids.sort((a, b) => a - b);
  }
}

async function ganttIds(query) {
  const r = await office('GET', `/gantt?${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.truncated, false);
  return r.body.items.map((i) => i.project_id).sort((a, b) => a - b);
}

test('the Gantt selects the projects the list selects: level, q and year too', async () => {
  const all = (await office('GET', '/projects?limit=100')).body.items;
  const sample = all.find((p) => p.level && p.year && p.name.length >= 2);
  assert.ok(sample, 'a demo project with a level, a year and a name');
  const word = sample.name.slice(0, 2);
  const queries = [
    `level=${encodeURIComponent(sample.level)}`,
    `q=${encodeURIComponent(word)}`,
    `year=${sample.year}`,
    `level=${encodeURIComponent(sample.level)}&q=${encodeURIComponent(word)}&year=${sample.year}`,
    `year=${sample.year + 50}`,
  ];
  for (const query of queries) {
    const expected = await listIds(query);
    assert.deepEqual(await ganttIds(query), expected, query);
  }
  // The filters narrow: the combined query selects the sample, and fewer than every project.
  const combined = await ganttIds(queries[3]);
  assert.ok(combined.includes(sample.id));
  assert.deepEqual(await ganttIds(queries[4]), []);
  const total = (await office('GET', '/projects?limit=1')).body.total_count;
  assert.ok(combined.length < total, `${combined.length} of ${total}`);
});
