// Dated responsibility end to end (issue 12 item 5): two new leaders and a unit (帮包部门) on two
// projects, visits, a handover mid-period (dry run, then applied), and the weekly compliance
// before and after. Weeks are counted back from the Monday of the pinned day (M0): the period is
// the four whole weeks M0-28 … M0-1, so the expectations hold on any pinned day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { addDays, isoWeekday } from './clock.mjs';

let srv, office, unit, admin;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
  unit = api(srv.base, await login(srv.base, 'unit'));
  admin = api(srv.base, await login(srv.base, 'admin'));
});
after(() => stopCleanly(srv));

const M0 = addDays(TODAY, 1 - isoWeekday(TODAY));
const week = (k) => addDays(M0, -28 + 7 * k); // Monday of the period's week k (0 … 3)
const FROM = week(0);
const TO = addDays(M0, -1);

async function created(r) {
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

test('a handover moves the projects at a date, keeps the history, and splits the weeks', async () => {
  const projects = (await office('GET', '/projects?region=371524&limit=2&offset=130')).body.items.map((p) => p.id);
  assert.equal(projects.length, 2);
  const person = (name, extra = {}) =>
    admin('POST', '/people', { name, title: '副县长', kind: 'leader', region_code: '371524', ...extra });
  const a = (await created(await person('包保甲'))).id;
  const b = (await created(await person('包保乙'))).id;
  const units = (await office('GET', '/units?region=371524')).body.items;
  const industry = units.find((u) => u.name === '工业和信息化局').id;
  const liaison = (await created(await person('工信联络员', { kind: 'liaison', title: '联络员', unit_id: industry }))).id;

  for (const p of projects) await created(await office('POST', `/projects/${p}/assignments`, { person_id: a, from_date: FROM }));
  await created(await office('POST', `/projects/${projects[0]}/assignments`, { unit_id: industry, from_date: FROM }));

  // 甲 visits in weeks 0 and 1; the unit's liaison in week 3 (logged by the unit's own account).
  for (const [p, d] of [[projects[0], addDays(week(0), 1)], [projects[1], addDays(week(1), 2)]]) {
    const v = await office('POST', '/visits', { project_id: p, person_id: a, visit_date: d });
    assert.equal(v.status, 201, JSON.stringify(v.body));
  }
  const uv = await unit('POST', '/visits', { project_id: projects[0], person_id: liaison, visit_date: addDays(week(3), 1) });
  assert.equal(uv.status, 201, JSON.stringify(uv.body));
  assert.equal(uv.body.unit_id, industry);
  // Not on a project the unit does not help.
  assert.equal((await unit('POST', '/visits', { project_id: projects[1], person_id: liaison, visit_date: addDays(week(3), 1) })).status, 403);

  const compliance = async () => {
    const r = await office('GET', `/visits/compliance?from=${FROM}&to=${TO}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items;
  };
  let items = await compliance();
  const of = (list, kind, id) => list.find((i) => i.holder_kind === kind && i.holder_id === id);
  assert.equal(of(items, 'person', a).weeks_assigned, 4);
  assert.equal(of(items, 'person', a).weeks_visited, 2);
  assert.equal(of(items, 'person', a).leader_id, a); // the old fields stay
  assert.equal(of(items, 'person', a).required, 8); // 2 projects × 4 weeks
  assert.equal(of(items, 'person', b), undefined);
  const u = of(items, 'unit', industry);
  assert.equal(u.leader_id, null);
  assert.equal(u.name, '工业和信息化局');
  assert.equal(u.weeks_assigned, 4);
  assert.equal(u.weeks_visited, 1);

  // Dry run: lists both projects, changes nothing.
  const body = { from: { person_id: a }, to: { person_id: b }, date: week(2) };
  const dry = await office('POST', '/assignments/handover', { ...body, dry_run: true });
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.equal(dry.body.dry_run, true);
  assert.equal(dry.body.ends_on, addDays(week(2), -1));
  assert.deepEqual(dry.body.items.map((i) => i.project_id).sort(), [...projects].sort());
  assert.equal(dry.body.to.name, '包保乙');
  let list = (await office('GET', `/projects/${projects[0]}/assignments`)).body.items;
  assert.equal(list.find((x) => x.person_id === a).to_date, null);

  const done = await office('POST', '/assignments/handover', body);
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.moved, 2);
  assert.ok(done.body.items.every((i) => i.new_assignment_id > 0));
  // 甲 holds nothing open any more: a second handover has nothing to move.
  assert.equal((await office('POST', '/assignments/handover', body)).status, 422);

  list = (await office('GET', `/projects/${projects[0]}/assignments`)).body.items;
  const old = list.find((x) => x.person_id === a);
  const next = list.find((x) => x.person_id === b);
  assert.equal(old.from_date, FROM);
  assert.equal(old.to_date, addDays(week(2), -1));
  assert.equal(old.current, false);
  assert.equal(next.from_date, week(2));
  assert.equal(next.to_date, null);
  assert.equal(next.current, true);
  const resp = (await office('GET', `/projects/${projects[0]}/responsibility`)).body;
  assert.ok(resp.leaders.some((l) => l.person_id === b));
  assert.ok(!resp.leaders.some((l) => l.person_id === a));
  const journal = (await office('GET', `/projects/${projects[0]}/journal`)).body;
  assert.ok((journal.items || journal).some((e) => e.action === 'handover'), JSON.stringify(journal));

  // 乙 visits in week 2 only.
  const v = await office('POST', '/visits', { project_id: projects[1], person_id: b, visit_date: addDays(week(2), 3) });
  assert.equal(v.status, 201, JSON.stringify(v.body));
  items = await compliance();
  assert.equal(of(items, 'person', a).weeks_assigned, 2);
  assert.equal(of(items, 'person', a).weeks_visited, 2);
  assert.equal(of(items, 'person', a).required, 4);
  const nb = of(items, 'person', b);
  assert.equal(nb.weeks_assigned, 2);
  assert.equal(nb.weeks_visited, 1);
  assert.deepEqual(nb.missed_weeks.map((w) => w.monday), [week(3)]);
  assert.equal(of(items, 'unit', industry).weeks_visited, 1);
});

// A new account that has changed its first password: its request function.
async function freshAccount(body) {
  const FIRST = 'Chu-Shi-Mi-Ma-2026', CHOSEN = 'Xin-De-Mi-Ma-2026';
  const made = await admin('POST', '/users', { password: FIRST, ...body });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const first = api(srv.base, await login(srv.base, body.login, FIRST));
  assert.equal((await first('POST', '/auth/password', { old_password: FIRST, new_password: CHOSEN })).status, 200);
  return { user: made.body, call: api(srv.base, await login(srv.base, body.login, CHOSEN)) };
}

test('GET /assignments: one holder\'s 包保 with dates, or every current one, in the read scope', async () => {
  const [p] = (await office('GET', '/projects?region=371524&limit=1&offset=140')).body.items.map((x) => x.id);
  const units = (await office('GET', '/units?region=371524')).body.items;
  const finance = units.find((u) => u.name !== '工业和信息化局').id;
  const leader = (await created(await admin('POST', '/people', { name: '包保丙', title: '副县长', kind: 'leader', region_code: '371524' }))).id;
  await created(await office('POST', `/projects/${p}/assignments`, { unit_id: finance, from_date: FROM }));
  const held = await created(await office('POST', `/projects/${p}/assignments`, { person_id: leader, from_date: FROM }));
  const mine = held.assignments.find((x) => x.person_id === leader);
  assert.equal((await office('POST', `/assignments/${mine.id}/end`, { version: mine.version, to_date: addDays(FROM, 6) })).status, 200);

  const unitList = await office('GET', `/assignments?holder=unit:${finance}`);
  assert.equal(unitList.status, 200, JSON.stringify(unitList.body));
  assert.equal(unitList.body.holder.holder_kind, 'unit');
  assert.equal(unitList.body.holder.unit_id, finance);
  const row = unitList.body.items.find((x) => x.project_id === p);
  assert.equal(row.from_date, FROM);
  assert.equal(row.to_date, null);
  assert.equal(row.current, true);
  assert.ok(row.project_code && row.project_name);
  assert.ok(unitList.body.items.every((x) => x.unit_id === finance && x.person_id === null));

  // A person's ended assignment: listed, not current; gone with ?current=true; current as of a past day.
  const personal = (await office('GET', `/assignments?holder=person:${leader}`)).body;
  assert.equal(personal.holder.name, '包保丙');
  assert.deepEqual(personal.items.map((x) => [x.project_id, x.to_date, x.current]), [[p, addDays(FROM, 6), false]]);
  assert.deepEqual((await office('GET', `/assignments?holder=person:${leader}&current=true`)).body.items, []);
  const back = (await office('GET', `/assignments?holder=person:${leader}&as_of=${addDays(FROM, 3)}`)).body;
  assert.equal(back.items[0].current, true);

  // Every holder's current ones: leaders and units; outside the county, none of 东阿县's.
  const all = (await office('GET', '/assignments?current=true')).body;
  assert.equal(all.holder, null);
  assert.ok(all.items.some((x) => x.unit_id === finance && x.project_id === p));
  assert.ok(all.items.every((x) => x.current));
  const guan = api(srv.base, await login(srv.base, 'guanxmb'));
  assert.ok(!(await guan('GET', '/assignments')).body.items.some((x) => x.project_id === p));
  assert.equal((await guan('GET', `/assignments?holder=unit:${finance}`)).status, 404);

  // The unit's own account, the viewer and the leader read it too.
  for (const who of ['unit', 'viewer', 'leader']) {
    const r = await api(srv.base, await login(srv.base, who))('GET', `/assignments?holder=unit:${finance}`);
    assert.equal(r.status, 200, `${who}: ${JSON.stringify(r.body)}`);
  }
  // Malformed or unknown holders.
  for (const bad of ['unit', 'unit:', 'team:3', 'person:x', 'person:0']) {
    const r = await office('GET', `/assignments?holder=${bad}`);
    assert.equal(r.status, 400, bad);
    assert.equal(r.body.error.details[0].field, 'holder');
  }
  assert.equal((await office('GET', '/assignments?holder=person:99999999')).status, 404);
  assert.equal((await office('GET', '/assignments?current=maybe')).status, 400);
});

test('an account linked to a person sees that person\'s 包保 on the leader page; null unlinks', async () => {
  const [p] = (await office('GET', '/projects?region=371524&limit=1&offset=142')).body.items.map((x) => x.id);
  const person = (await created(await admin('POST', '/people', { name: '包保丁', title: '副县长', kind: 'leader', region_code: '371524' }))).id;
  await created(await office('POST', `/projects/${p}/assignments`, { person_id: person, from_date: FROM }));

  // Unknown person at create: 422 naming person_id, nothing created.
  const unknown = await admin('POST', '/users', { login: 'baobao-x', password: 'Chu-Shi-Mi-Ma-2026', grants: [{ role: 'leader', region_code: '371524' }], person_id: 99999999 });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.error.details[0].field, 'person_id');

  const { user, call } = await freshAccount({ login: 'baobao-ding', name: '包保丁', grants: [{ role: 'leader', region_code: '371524' }], person_id: person });
  assert.equal(user.person_id, person);
  assert.equal(user.person_name, '包保丁');
  assert.equal(user.person_title, '副县长');
  const page = await call('GET', '/leader');
  assert.equal(page.status, 200, JSON.stringify(page.body));
  assert.equal(page.body.person_id, person);
  assert.deepEqual(page.body.projects.map((x) => x.id), [p]);
  assert.ok((await admin('GET', '/users?q=baobao-ding')).body.items[0].person_name === '包保丁');

  // Unlink: the leader page has nobody to show; the journal keeps the change.
  const now = (await admin('GET', `/users/${user.id}`)).body;
  const unlinked = await admin('PATCH', `/users/${user.id}`, { version: now.version, person_id: null });
  assert.equal(unlinked.status, 200, JSON.stringify(unlinked.body));
  assert.equal(unlinked.body.person_id, null);
  assert.equal(unlinked.body.person_name, '');
  assert.equal((await call('GET', '/leader')).status, 404);

  // A county admin of 冠县 does not see 东阿县's people: linking one is 422 unknown, as for a person
  // that does not exist; one of its own county links.
  const guanPerson = (await created(await admin('POST', '/people', { name: '冠县领导', title: '副县长', kind: 'leader', region_code: '371525' }))).id;
  const { call: guanAdmin } = await freshAccount({ login: 'guan-admin', grants: [{ role: 'admin', region_code: '371525' }] });
  const target = await created(await guanAdmin('POST', '/users', { login: 'guan-leader', password: 'Chu-Shi-Mi-Ma-2026', grants: [{ role: 'leader', region_code: '371525' }] }));
  const foreign = await guanAdmin('PATCH', `/users/${target.id}`, { version: target.version, person_id: person });
  assert.equal(foreign.status, 422, JSON.stringify(foreign.body));
  assert.equal(foreign.body.error.details[0].field, 'person_id');
  assert.match(foreign.body.error.details[0].reason, /unknown person/);
  const own = await guanAdmin('PATCH', `/users/${target.id}`, { version: target.version, person_id: guanPerson });
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.equal(own.body.person_name, '冠县领导');
});
