// Supervision API against a real server process with the demo data: the problem loop by three
// accounts, illegal steps, evidence upload, milestones, procedures, visits, attention.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';

let srv, office, unit, leader, viewer, guan;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
  unit = api(srv.base, await login(srv.base, 'unit'));
  leader = api(srv.base, await login(srv.base, 'leader'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
});
after(() => stopCleanly(srv));

async function ids() {
  const units = (await office('GET', '/units?region=371524')).body;
  const people = (await office('GET', '/people?region=371524&kind=leader')).body;
  const list = units.items || units;
  const ppl = people.items || people;
  return {
    industry: list.find((u) => u.name === '工业和信息化局').id,
    wang: ppl.find((p) => p.name === '王海涛').id,
    project: (await office('GET', '/projects?limit=1')).body.items[0].id,
  };
}

test('config: the workflow is a table, categories and the escalation ladder', async () => {
  const r = await office('GET', '/supervision/config');
  assert.equal(r.status, 200);
  assert.equal(r.body.workflow.length, 8);
  assert.ok(r.body.problem_categories.includes('demolition'));
  assert.deepEqual(r.body.escalation.map((s) => s.level), ['branch_leader', 'unit_head', 'contact_leader', 'county_head']);
  assert.equal(r.body.procedure_kinds.length, 7);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.ok(doc.paths['/api/v1/problems/{id}/actions/{action}'].post);
});

test('the whole loop: raise → assign → sign → handle + evidence → request → return → close out', async () => {
  const { industry, wang, project } = await ids();
  let r = await office('POST', '/problems', { project_id: project, category: 'power', description: '电力增容方案待批复' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  let p = r.body;
  r = await office('POST', `/problems/${p.id}/actions/assign`, { version: p.version, unit_id: industry, coordinator_id: wang, deadline: '2099-12-31' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  p = r.body;
  // The unit sees it in its attention list.
  const att = await unit('GET', '/attention');
  assert.ok(att.body.items.some((i) => i.problem_id === p.id && i.kind === 'assigned'));
  p = (await unit('POST', `/problems/${p.id}/actions/sign`, { version: p.version })).body;
  p = (await unit('POST', `/problems/${p.id}/actions/handle`, { version: p.version, note: '已协调供电公司' })).body;
  const up = await unit('POST', `/problems/${p.id}/attachments?name=${encodeURIComponent('供电方案.png')}`,
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
  assert.equal(up.status, 201, JSON.stringify(up.body));
  const file = await office('GET', `/attachments/${up.body.id}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'image/png');
  const refused = await unit('POST', `/problems/${p.id}/attachments?name=x.exe`, 'MZ this is not allowed');
  assert.equal(refused.status, 422);
  p = (await unit('POST', `/problems/${p.id}/actions/request_close`, { version: p.version + 1 - 1 })).body;
  assert.equal(p.status, 'verifying');
  // Only the verifier closes out: the office gets 403 naming the rule.
  const denied = await office('POST', `/problems/${p.id}/actions/close_out`, { version: p.version });
  assert.equal(denied.status, 403);
  assert.match(denied.body.error.message, /problem\.close_out\.by_verifier/);
  p = (await leader('POST', `/problems/${p.id}/actions/return`, { version: p.version, note: '缺少供电公司书面意见' })).body;
  assert.equal(p.status, 'returned');
  assert.ok((await unit('GET', '/attention')).body.items.some((i) => i.problem_id === p.id && i.kind === 'returned'));
  p = (await unit('POST', `/problems/${p.id}/actions/handle`, { version: p.version, note: '补充书面意见' })).body;
  p = (await unit('POST', `/problems/${p.id}/actions/request_close`, { version: p.version })).body;
  r = await leader('POST', `/problems/${p.id}/actions/close_out`, { version: p.version });
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'closed');
  assert.equal(r.body.steps.length, 9);
  assert.equal(r.body.attachments.length, 1);
});

test('illegal steps: 409 naming the rule, stale version 409, nothing changes; other county 404', async () => {
  const { project } = await ids();
  const p = (await office('POST', '/problems', { project_id: project, category: 'land', description: '用地' })).body;
  const r = await leader('POST', `/problems/${p.id}/actions/close_out`, { version: p.version });
  assert.equal(r.status, 409);
  assert.equal(r.body.rule, 'problem.close_out.by_verifier');
  const stale = await office('POST', `/problems/${p.id}/actions/defer`, { version: p.version + 5, reason: 'x' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.status, 'raised');
  const bad = await office('POST', `/problems/${p.id}/actions/assign`, { version: p.version });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details.length, 3);
  assert.equal((await viewer('POST', '/problems', { project_id: project, category: 'land', description: 'x' })).status, 403);
  assert.equal((await guan('GET', `/problems/${p.id}`)).status, 404);
  assert.equal((await office('GET', `/problems/${p.id}`)).body.version, p.version);
});

test('board and overdue filter over the demo data', async () => {
  const board = await office('GET', '/problems/board');
  assert.equal(board.status, 200);
  assert.ok(board.body.overdue >= 3);
  assert.ok(board.body.by_unit.length > 0);
  const overdue = await office('GET', '/problems?overdue=true');
  assert.ok(overdue.body.items.every((p) => p.overdue));
  assert.equal((await office('GET', '/problems?as_of=2026-13-01')).status, 400);
});

test('milestones, Gantt, map, procedures and durations', async () => {
  const { project } = await ids();
  const m = await office('GET', `/projects/${project}/milestones`);
  assert.equal(m.status, 200);
  assert.equal(m.body.items.length, 7);
  assert.ok('slack_days' in m.body.items[0]);
  const first = m.body.items[0];
  const bad = await office('PATCH', `/milestones/${m.body.items[1].id}`, { version: m.body.items[1].version, planned_date: '2000-01-01' });
  assert.equal(bad.status, 422);
  assert.match(JSON.stringify(bad.body), /milestone\.after_predecessor/);
  assert.ok(first.id);
  const g = await office('GET', '/gantt?category=industrial');
  assert.equal(g.status, 200);
  assert.ok(g.body.items.length > 0);
  const map = await office('GET', '/map');
  assert.ok(map.body.items.length > 100);
  assert.ok(Object.keys(map.body.towns).length > 3);
  const pr = await office('GET', `/projects/${project}/procedures`);
  assert.equal(pr.body.items.length, 7);
  assert.ok(pr.body.items[0].guide.handling_unit);
  const d = await office('GET', '/procedures/durations');
  assert.ok(d.body.items.length > 0);
});

test('visits, compliance and the leader page', async () => {
  const page = await leader('GET', '/leader');
  assert.equal(page.status, 200, JSON.stringify(page.body));
  assert.equal(page.body.name, '王海涛');
  assert.ok(page.body.projects.length >= 10);
  const pid = page.body.projects[0].id;
  const today = TODAY;
  const v = await leader('POST', '/visits', { project_id: pid, visit_date: today, notes: '现场办公' });
  assert.equal(v.status, 201, JSON.stringify(v.body));
  const after = await leader('GET', '/leader');
  assert.equal(after.body.projects.find((p) => p.id === pid).visit_due, false);
  const comp = await office('GET', '/visits/compliance');
  assert.ok(comp.body.items.length > 0);
  assert.ok(comp.body.items.every((i) => i.rate >= 0 && i.rate <= 1));
  assert.equal((await unit('POST', '/visits', { project_id: pid, visit_date: today })).status, 403);
});

test('attention read marks', async () => {
  const a = await leader('GET', '/attention');
  assert.ok(a.body.items.length > 0);
  const key = a.body.items[0].key;
  await leader('POST', '/attention/read', { keys: [key] });
  const b = await leader('GET', '/attention');
  assert.equal(b.body.items.find((i) => i.key === key).read, true);
  assert.equal(b.body.unread, a.body.unread - 1);
});
