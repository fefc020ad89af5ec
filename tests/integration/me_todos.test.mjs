// GET /me/todos (the home page and the header's badge) and the per-row abilities of the 一张表
// (GET /reports: can_report, mine, ?mine=true), for every demo role on the demo at a pinned day
// (Monday 2026-06-15, whatever GONGJIAN_NOW the run sets: the counts below are that day's).
//
// Expectations, by hand from the policy table (domain/access/access.cpp) and access::Mine:
//   - report_fill: this period's open reports (pending, draft, returned) on the caller's own
//     projects where they may file: only the unit (东阿县工信局) has any — the projects its unit leads;
//   - report_review: submitted reports; the office (coordinator) all it reads, a leader
//     those of the projects they lead;
//   - problem: the attention list, item for item; visit: the leader page's visits due;
//   - observation: open events naming the caller as a judge (judge1 only);
//   - viewer: nothing to do. Every count is also checked against the endpoint it comes from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, login, startServer, stopCleanly } from './server.mjs';

const PIN = '2026-06-15T09:00:00+08:00';
const ROLES = ['admin', 'lcxmb', 'dongezb', 'guanxmb', 'leader', 'unit', 'viewer', 'judge1'];
const OPEN = ['pending', 'draft', 'returned'];

let srv;
const call = {};
const todos = {};
before(async () => {
  srv = await startServer({ env: { GONGJIAN_NOW: PIN } });
  for (const r of ROLES) {
    call[r] = api(srv.base, await login(srv.base, r));
    const res = await call[r]('GET', '/me/todos');
    assert.equal(res.status, 200, `${r}: ${JSON.stringify(res.body)}`);
    todos[r] = res.body;
  }
});
after(async () => {
  if (srv) await stopCleanly(srv);
});

const group = (r, kind) => todos[r].groups.find((g) => g.kind === kind);
const count = (r, kind) => (group(r, kind) ? group(r, kind).count : 0);
const get = async (r, path) => {
  const res = await call[r]('GET', path);
  assert.equal(res.status, 200, `${r} ${path}: ${JSON.stringify(res.body)}`);
  return res.body;
};

test('the answer: as of the pinned day, the running week, the total is the sum of the groups', () => {
  for (const r of ROLES) {
    const t = todos[r];
    assert.equal(t.as_of, '2026-06-15', r);
    assert.equal(t.total, t.groups.reduce((s, g) => s + g.count, 0), r);
    for (const g of t.groups) {
      assert.ok(g.count > 0, `${r} ${g.kind}: an empty group is left out`);
      assert.equal(g.items.length, Math.min(5, g.count), `${r} ${g.kind}: the first five`);
    }
  }
  assert.equal(todos.unit.period, '2026-W25');
});

test('the counts per role on the pinned day', () => {
  const got = Object.fromEntries(ROLES.map((r) => [r, Object.fromEntries(todos[r].groups.map((g) => [g.kind, g.count]))]));
  assert.deepEqual(got, EXPECTED, JSON.stringify(got));
});

test('report_fill is the unit\'s own open reports of the period, and only where it may file', async () => {
  const me = await get('unit', '/auth/me');
  const unitId = me.roles[0].unit_id;
  const unitName = (await get('unit', '/units?region=371524')).items.find((u) => u.id === unitId).name;
  const all = await get('unit', '/reports');
  // Every row: can_report and mine exactly on the unit's own projects (its unit leads them).
  for (const row of all.items) {
    assert.equal(row.mine, row.unit_name === unitName, row.project_code);
    assert.equal(row.can_report, row.unit_name === unitName, row.project_code);
  }
  const own = all.items.filter((row) => row.unit_name === unitName);
  assert.ok(own.length >= 1 && own.length < all.items.length, 'the unit has some, not all, of the projects');
  const mine = await get('unit', '/reports?mine=true');
  assert.deepEqual(mine.items.map((r) => r.id), own.map((r) => r.id));
  assert.equal(Object.values(mine.counts).reduce((a, b) => a + b, 0), own.length, 'counts of its own only');
  const open = own.filter((r) => OPEN.includes(r.status));
  assert.equal(count('unit', 'report_fill'), open.length);
  assert.deepEqual(group('unit', 'report_fill')?.items.map((i) => i.id) ?? [], open.slice(0, 5).map((r) => r.id));
  // Nobody else files: the office may, but owns no project; a leader may not file.
  for (const r of ROLES.filter((x) => x !== 'unit')) assert.equal(count(r, 'report_fill'), 0, r);
  assert.equal((await get('dongezb', '/reports?mine=true')).items.length, 0, 'the office owns no project');
  assert.ok((await get('dongezb', '/reports')).items.every((row) => row.can_report && !row.mine));
  assert.ok((await get('viewer', '/reports')).items.every((row) => !row.can_report && !row.mine));
});

test('report_review: the office reviews every submitted report it reads; a leader those of its projects', async () => {
  for (const r of ['lcxmb', 'dongezb', 'guanxmb']) {
    const submitted = (await get(r, '/reports?status=submitted')).items;
    assert.equal(count(r, 'report_review'), submitted.length, r);
  }
  const led = (await get('leader', '/reports?status=submitted&mine=true')).items;
  assert.equal(count('leader', 'report_review'), led.length);
  for (const r of ['admin', 'unit', 'viewer', 'judge1']) assert.equal(count(r, 'report_review'), 0, r);
});

test('problem is the attention list; visit the leader page; observation the open events judged', async () => {
  for (const r of ROLES.filter((x) => x !== 'judge1')) {
    const attention = await get(r, '/attention');
    assert.equal(count(r, 'problem'), attention.items.length, r);
    assert.deepEqual(group(r, 'problem')?.items.map((i) => i.id) ?? [], attention.items.slice(0, 5).map((i) => i.problem_id), r);
  }
  const page = await get('leader', '/leader');
  assert.equal(count('leader', 'visit'), page.visits_due.length);
  const events = (await get('judge1', '/observations')).items.filter((e) => e.is_judge && e.state === 'open');
  assert.equal(count('judge1', 'observation'), events.length);
  assert.equal(todos.viewer.total, 0);
  assert.deepEqual(todos.viewer.groups, []);
});

test('GET /projects/{id} says whether the caller may edit it and whether it is theirs', async () => {
  const me = await get('unit', '/auth/me');
  const list = (await get('unit', '/projects?region=371524&limit=100')).items;
  const own = list.find((p) => p.unit_id === me.roles[0].unit_id);
  const other = list.find((p) => p.unit_id && p.unit_id !== me.roles[0].unit_id);
  const abilities = async (r, id) => {
    const p = await get(r, `/projects/${id}`);
    return [p.can_edit, p.mine];
  };
  assert.deepEqual(await abilities('unit', own.id), [true, true]);
  assert.deepEqual(await abilities('unit', other.id), [false, false]);
  assert.deepEqual(await abilities('dongezb', other.id), [true, false]);
  assert.deepEqual(await abilities('lcxmb', other.id), [true, false]);
  assert.deepEqual(await abilities('viewer', other.id), [false, false]);
  // The leader: its own 包保 projects are its, and it edits none.
  const leaderMe = await get('leader', '/auth/me');
  const led = list.find((p) => p.leader_id === leaderMe.person_id);
  assert.ok(led, 'the demo leader leads a project');
  assert.deepEqual(await abilities('leader', led.id), [false, true]);
});

test('no token: 401', async () => {
  const r = await fetch(`${srv.base}/api/v1/me/todos`);
  assert.equal(r.status, 401);
});

// The demo on Monday 2026-06-15 (week 25 just begun, so nothing submitted to review yet). Each count
// is derived from its own source by the tests above; this pins them so a change to the demo or to a
// rule shows here: 工信局 has 14 open reports of its own; the office's 5 problems in its attention
// list (冠县's office 2 of its own demo problems, the city's office both counties'); the admin (系统管理)
// none; 王海涛 6 problems and 26 missed visit windows since week 1; judge1 one open event.
const EXPECTED = {
  admin: {},
  lcxmb: { problem: 7 },
  dongezb: { problem: 5 },
  guanxmb: { problem: 2 },
  leader: { problem: 6, visit: 26 },
  unit: { report_fill: 14, problem: 3 },
  viewer: {},
  judge1: { observation: 1 },
};
