// The Gantt and the map say what is true (issue 13 item 5). GET /gantt: each node carries its state
// (done | late | pending by domain/supervision/gantt.h), the date it was done (the milestone's or
// the project's stage date) or done_unrecorded, and whether its plan is drawn; a node is never late
// once the project has passed its stage. GET /map: the projects with and without coordinates, and
// the towns with both counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, stopCleanly, TODAY } from './server.mjs';
import { addDays } from './clock.mjs';

let srv, office;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

const day = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
// A year on from the pinned day: every recorded date is before it.
const AS_OF = addDays(TODAY, 365);
// The stage dates the test gives it: facts, so not after today.
const START = addDays(TODAY, -10);
const DONE = addDays(TODAY, -2);

async function ganttOf(code, asOf = AS_OF) {
  const g = await office('GET', `/gantt?q=${code}&as_of=${asOf}`);
  assert.equal(g.status, 200, JSON.stringify(g.body));
  const p = g.body.items.find((i) => i.code === code);
  assert.ok(p, code);
  return p;
}

test('every node has a state; no node of a project past its stage is late', async () => {
  const g = (await office('GET', `/gantt?as_of=${AS_OF}`)).body;
  const withNodes = g.items.filter((p) => p.milestones.length);
  assert.ok(withNodes.length >= 10);
  for (const p of withNodes) {
    assert.ok('stage' in p && 'actual_completion' in p);
    for (const m of p.milestones) {
      assert.ok(['done', 'late', 'pending'].includes(m.state), m.state);
      assert.equal(m.late, m.state === 'late');
      if (m.actual_date) assert.equal(m.state, 'done');
      if (m.state === 'done') assert.ok(m.done_on || m.done_unrecorded, `${p.code} ${m.name}`);
      if (p.stage === 'completed' || p.stage === 'operating') assert.equal(m.state, 'done', `${p.code} ${m.name}`);
    }
  }
});

// The first project in 已签约 with nodes (which one depends on the pinned date: the demo's stages
// follow it) and a date after every plan of it.
async function signedProject() {
  const g = (await office('GET', `/gantt?as_of=${AS_OF}`)).body;
  const p = g.items.find((i) => i.stage === 'signed' && i.milestones.length);
  assert.ok(p, 'the demo has a project in 已签约 with nodes');
  const last = p.milestones.map((m) => m.planned_date).sort().at(-1);
  return { code: p.code, after: addDays(last, 1) };
}

test('a signed project moved to 开工 and then 投产: its nodes become done, the late ones are what remains', async () => {
  const { code, after: AFTER } = await signedProject();
  const ganttAfter = () => ganttOf(code, AFTER);
  let p = await ganttAfter();
  assert.equal(p.stage, 'signed');
  // Not started, as of a day after its last plan: a node with no actual date is late by as_of − its plan.
  for (const m of p.milestones) {
    if (m.actual_date) continue;
    assert.equal(m.state, 'late', m.name);
    assert.equal(m.days_late, day(AFTER) - day(m.planned_date), m.name);
  }
  // 开工建设 of a project not started has no actual date.
  assert.ok(!p.milestones.find((m) => m.name === '开工建设').actual_date);
  let project = (await office('GET', `/projects/${p.project_id}`)).body;
  const started = await office('POST', `/projects/${p.project_id}/stage`, { version: project.version, stage: 'started', actual_start: START });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  p = await ganttAfter();
  const byName = Object.fromEntries(p.milestones.map((m) => [m.name, m]));
  for (const name of ['立项/备案', '用地预审与选址', '规划许可', '施工许可']) {
    assert.equal(byName[name].state, 'done', name);
    if (!byName[name].actual_date) assert.equal(byName[name].done_unrecorded, true, name);
  }
  if (!byName['开工建设'].actual_date) assert.equal(byName['开工建设'].done_on, START);
  assert.equal(byName['开工建设'].state, 'done');
  if (!byName['竣工验收'].actual_date) assert.equal(byName['竣工验收'].state, 'late');
  // As of the day before the start, 开工建设 had not happened yet.
  const before = await ganttOf(code, addDays(START, -1));
  assert.notEqual(before.milestones.find((m) => m.name === '开工建设').state, 'done');

  project = (await office('GET', `/projects/${p.project_id}`)).body;
  const operating = await office('POST', `/projects/${p.project_id}/stage`, { version: project.version, stage: 'operating', actual_completion: DONE });
  assert.equal(operating.status, 200, JSON.stringify(operating.body));
  p = await ganttAfter();
  assert.equal(p.stage, 'operating');
  for (const m of p.milestones) assert.equal(m.state, 'done', m.name);
  const last = p.milestones.find((m) => m.name === '竣工验收');
  if (!last.actual_date) assert.equal(last.done_on, DONE);
  // The project's own milestone list says the same.
  const list = (await office('GET', `/projects/${p.project_id}/milestones?as_of=${AFTER}`)).body;
  assert.ok(list.items.every((m) => m.state === 'done' && !m.late));
});

test('the map lists the projects without coordinates by town, and counts both', async () => {
  let map = (await office('GET', '/map')).body;
  assert.ok(Array.isArray(map.unplaced) && Array.isArray(map.town_list));
  const sum = (k) => map.town_list.reduce((n, t) => n + t[k], 0);
  assert.equal(sum('placed'), map.items.length);
  assert.equal(sum('unplaced'), map.unplaced.length);
  const codes = new Set(map.town_list.map((t) => t.code));
  for (const p of map.items) assert.ok(codes.has(p.town_code), p.code);
  const p = map.items.find((i) => i.town_name === '刘集镇');
  const town = map.town_list.find((t) => t.code === p.town_code);
  const before = { ...town };
  const full = (await office('GET', `/projects/${p.id}`)).body;
  const r = await office('PATCH', `/projects/${p.id}`, { version: full.version, longitude: null, latitude: null });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  map = (await office('GET', '/map')).body;
  const after = map.town_list.find((t) => t.code === p.town_code);
  assert.deepEqual([after.placed, after.unplaced], [before.placed - 1, before.unplaced + 1]);
  const u = map.unplaced.find((i) => i.id === p.id);
  assert.equal(u.town_name, '刘集镇');
  assert.ok(['green', 'yellow', 'red'].includes(u.light));
  assert.ok(Array.isArray(u.reasons));
  assert.ok(!map.items.some((i) => i.id === p.id));
});
