// Roles × the other endpoints issue 12 added: a project's years and the year roll-over, the roster in
// Excel (组织架构与责任人), dated 包保 assignments (add, end, handover) with the visit compliance of
// their windows, and the first-run checklist (上线清单); in scope and out of scope. As in
// roles_issue12.test.mjs, the demo's city (聊城市, 371500) and a real county initialised beside it
// (咸丰县, 422826, its own admin xfadmin and project office xfxmb, who is not among the table's
// roles) share one database.
//
// The expectations are written by hand from the policy table (domain/access/access.cpp):
//   - seeing a project (project.read, down: every demo role of 371500 or 371524 but the judges; not
//     冠县's, not 咸丰县's) decides whether its years and assignments exist for the caller: 404
//     otherwise, also for a write;
//   - years: project.write changes a year (coordinators; a unit only on a project its unit leads),
//     403 for the other readers (the admins too: 系统管理 only, README). The roll-over needs
//     project.rollover (coordinators):
//     the other roles are refused at the door (403); a region outside the caller's scope is 404; a
//     plan for a project the caller cannot see is 422, as for one that does not exist;
//   - assignments: supervision.manage (coordinators) adds, ends and hands over, 403 for the
//     other readers. A holder the caller cannot see is unknown: 422 in an add (as a missing one),
//     404 in a handover (as a missing one, assignments.cases). The handover names no project, so a
//     role without supervision.manage anywhere is refused at its door (403);
//   - visit compliance reads the caller's project.read scope: 200 for everyone, listing the holders
//     of the projects the caller reads and nothing else, counted only while they were assigned;
//   - roster and checklist need org.admin (the admin role) over the county: every other role is
//     refused at the door (403), another county is 404. The checklist counts the region's
//     organisation and projects, so it is read through project.read (down): a region above the
//     admin's is 404 too (setup_checklist.cases, setup_checklist.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TODAY } from './server.mjs';
import { ROLES, startTwoCounties } from './roles_harness.mjs';
import { addDays, isoWeekKey } from './clock.mjs';

// Who reads a 东阿县 project (project.read, down) and who manages it (supervision.manage); the
// roles holding project.rollover; 咸丰县's one reader.
const D_SEEN = ['admin', 'lcxmb', 'dongezb', 'leader', 'unit', 'viewer'];
const D_MANAGE = ['lcxmb', 'dongezb'];
const ROLLOVER = ['lcxmb', 'dongezb', 'guanxmb'];
const X_SEEN = ['xfadmin'];
const ADMINS = ['admin', 'xfadmin'];
// An assignment that began before today (a handover starts after it).
const EARLY = addDays(TODAY, -60);

const GEN = new URL('./write_xlsx.py', import.meta.url).pathname;
const XHDR = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const UNIT_HEAD = ['单位名称', '单位类型', '所属区域'];
const PERSON_HEAD = ['姓名', '职务', '人员类型', '层级', '手机号', '所属单位', '所属区域'];
const X_UNIT = '咸丰县发展和改革局';

let counties; // the two-county server (roles_harness.mjs)
let dir;
// The list year of 东阿县's projects (the demo's: the pinned day's) and of 咸丰县's new project (the
// calendar year it was created in: the same but on 1 January, before the roll-over).
let Y;
let YX;
let call; // login → request function (a session token)
let ok; // (who, method, path, body, status = 201) → the body, the status asserted
const o = {}; // the objects: D (东阿县, 371524) and X (咸丰县, 422826)

// The open assignment of a unit on a project (its id), from a responsibility or assignment list.
const openOf = (list, unitId) => list.find((a) => a.unit_id === unitId && a.to_date === null).id;

before(async () => {
  counties = await startTwoCounties('roles-ledger');
  ({ dir, call, ok } = counties);

  // 东阿县: a project led by 工信局 (the unit role's unit), one led by another unit, fresh units to
  // assign (nobody holds anything yet), and four of them assigned since EARLY.
  const industry = (await ok('admin', 'GET', '/units?region=371524', undefined, 200)).items.find((u) => u.name === '工业和信息化局').id;
  o.D = { own: (await ok('admin', 'GET', `/projects?region=371524&unit=${industry}&limit=1`, undefined, 200)).items[0].id };
  for (const p of (await ok('admin', 'GET', '/projects?region=371524&limit=20', undefined, 200)).items) {
    if ((await ok('admin', 'GET', `/projects/${p.id}`, undefined, 200)).unit_id !== industry) {
      o.D.p = p.id;
      break;
    }
  }
  assert.ok(o.D.p, 'a 东阿县 project that 工信局 does not lead');
  Y = (await ok('admin', 'GET', `/projects/${o.D.own}`, undefined, 200)).year;
  o.D.units = [];
  for (let i = 0; i < 9; i++) {
    o.D.units.push((await ok('admin', 'POST', '/units', { name: `东阿包保角色单位${i}`, kind: 'other', region_code: '371524' })).id);
  }
  let list;
  for (const u of o.D.units.slice(0, 4)) {
    list = (await ok('dongezb', 'POST', `/projects/${o.D.p}/assignments`, { unit_id: u, from_date: EARLY })).assignments;
  }
  o.D.a = o.D.units.slice(0, 4).map((u) => openOf(list, u));

  // 咸丰县, by its own admin: a unit, a leader, fresh units; by its office: a project, one unit
  // assigned since EARLY.
  o.X = {};
  o.X.unit = (await ok('xfadmin', 'POST', '/units', { name: X_UNIT, kind: 'department', region_code: '422826' })).id;
  o.X.leader = (await ok('xfadmin', 'POST', '/people', { name: '咸丰角色领导', title: '副县长', kind: 'leader', region_code: '422826', unit_id: null })).id;
  o.X.p = (await ok('xfxmb', 'POST', '/projects', {
    code: 'XF-ROLES-001', name: '咸丰角色测试项目', county_code: '422826', town_code: '422826100',
    category: 'industrial', level: 'county', kind: 'new', track: 'implementation', stage: 'signed',
    unit_id: o.X.unit, leader_id: o.X.leader, total_investment: 100000000, planned_start: addDays(TODAY, 60),
  })).id;
  YX = (await ok('xfadmin', 'GET', `/projects/${o.X.p}`, undefined, 200)).year;
  o.X.units = [];
  for (let i = 0; i < 3; i++) {
    o.X.units.push((await ok('xfadmin', 'POST', '/units', { name: `咸丰包保角色单位${i}`, kind: 'other', region_code: '422826' })).id);
  }
  list = (await ok('xfxmb', 'POST', `/projects/${o.X.p}/assignments`, { unit_id: o.X.units[0], from_date: EARLY })).assignments;
  o.X.a = [openOf(list, o.X.units[0])];
});
after(async () => {
  if (counties) await counties.stop();
});

// Expected status per role: `write` get okStatus, the others of `seen` 403, everyone else 404.
function expectFor(role, { seen, write, okStatus = 200 }) {
  if (write.includes(role)) return okStatus;
  return seen.includes(role) ? 403 : 404;
}

async function expectAll(label, expected, request) {
  const got = {};
  for (const role of ROLES) got[role] = (await request(role)).status;
  assert.deepEqual(got, expected, label);
}
const table = (f) => Object.fromEntries(ROLES.map((r) => [r, f(r)]));
const versionOf = async (who, path) => (await ok(who, 'GET', path, undefined, 200)).version;

// ---- Years

test('a project\'s years: read where the project is seen, 404 elsewhere', async () => {
  for (const [side, id, seen, year] of [['D', o.D.own, D_SEEN, Y], ['D', o.D.p, D_SEEN, Y], ['X', o.X.p, X_SEEN, YX]]) {
    const status = table((r) => (seen.includes(r) ? 200 : 404));
    await expectAll(`GET /projects/{${side}}/years`, status, (r) => call[r]('GET', `/projects/${id}/years`));
    await expectAll(`GET /projects/{${side}}/years/${year}`, status, (r) => call[r]('GET', `/projects/${id}/years/${year}`));
  }
  assert.deepEqual((await call.xfadmin('GET', `/projects/${o.X.p}/years`)).body.items.map((y) => [y.year, y.kind]), [[YX, 'new']]);
});

test('PUT a year: who may change the project 201 (joins a list) and 200 (with the version), other readers 403, unseen 404', async () => {
  const cases = [
    // A unit changes only the projects its unit leads.
    ['D led by 工信局', o.D.own, D_SEEN, ['lcxmb', 'dongezb', 'unit'], 'admin', Y],
    ['D led by another unit', o.D.p, D_SEEN, ['lcxmb', 'dongezb'], 'admin', Y],
    ['X', o.X.p, X_SEEN, [], 'xfadmin', YX], // 咸丰县's office (xfxmb) is not a table role
  ];
  const later = (r) => Math.max(Y, YX) + 5 + ROLES.indexOf(r); // each role's own later list
  for (const [label, id, seen, write, reader, year] of cases) {
    await expectAll(`PUT a later year, ${label}`, table((r) => expectFor(r, { seen, write, okStatus: 201 })),
      (r) => call[r]('PUT', `/projects/${id}/years/${later(r)}`, { annual_plan: 1000 + ROLES.indexOf(r) }));
    await expectAll(`PUT ${year} with its version, ${label}`, table((r) => expectFor(r, { seen, write })),
      async (r) => call[r]('PUT', `/projects/${id}/years/${year}`, {
        version: await versionOf(reader, `/projects/${id}/years/${year}`), annual_plan: 2000 + ROLES.indexOf(r),
      }));
    // Only the writers' lists were joined, as 续建 after this year's.
    const years = (await ok(reader, 'GET', `/projects/${id}/years`, undefined, 200)).items;
    assert.deepEqual(years.filter((y) => y.year > year + 1).map((y) => [y.year, y.kind]),
      write.map((r) => [later(r), 'continuing']).sort((a, b) => a[0] - b[0]), label);
    const last = write[write.length - 1];
    if (last) assert.equal(years.find((y) => y.year === year).annual_plan, 2000 + ROLES.indexOf(last), `${label}: the last writer's figure`);
  }
  // 咸丰县's project: its office changes it (its admin, above, may not).
  const xVersion = await versionOf('xfadmin', `/projects/${o.X.p}/years/${YX}`);
  assert.equal((await call.xfxmb('PUT', `/projects/${o.X.p}/years/${YX}`, { version: xVersion, annual_plan: 3000 })).status, 200);
});

test('roll-over dry run: the roll-over roles 200 over their own scope only, others 403, another county\'s region 404', async () => {
  const dry = (r, extra = {}, year = Y) => call[r]('POST', `/years/${year}/rollover`, { dry_run: true, ...extra });
  await expectAll('dry run over the caller\'s scope', table((r) => (ROLLOVER.includes(r) ? 200 : 403)), (r) => dry(r));
  const codes = async (r, year = Y) => (await dry(r, {}, year)).body.items.map((i) => i.code);
  assert.deepEqual(await codes('xfxmb', YX), ['XF-ROLES-001']);
  for (const r of ['lcxmb']) {
    const c = await codes(r);
    assert.ok(c.some((x) => x.startsWith('DE')) && c.some((x) => x.startsWith('GX')) && !c.includes('XF-ROLES-001'), r);
  }
  assert.ok((await codes('dongezb')).every((x) => x.startsWith('DE')));
  assert.ok((await codes('guanxmb')).every((x) => x.startsWith('GX')));

  await expectAll('dry run of 371524', table((r) => (D_MANAGE.includes(r) ? 200 : ROLLOVER.includes(r) ? 404 : 403)),
    (r) => dry(r, { region: '371524' }));
  await expectAll('dry run of 422826', table((r) => (ROLLOVER.includes(r) ? 404 : 403)),
    (r) => dry(r, { region: '422826' }, YX));
  assert.equal((await dry('xfxmb', { region: '422826' }, YX)).status, 200);
  // A region above the caller's (seen in the region picker): the part of it the caller reads.
  const above = await dry('xfxmb', { region: '420000' }, YX);
  assert.equal(above.status, 200, JSON.stringify(above.body));
  assert.deepEqual(above.body.items.map((i) => i.code), ['XF-ROLES-001']);
  assert.equal((await dry('lcxmb', { region: '420000' }, YX)).status, 404);
  // A plan for a project the caller cannot see: as for one that does not exist.
  for (const [who, foreign] of [['dongezb', o.X.p], ['guanxmb', o.D.own], ['xfxmb', o.D.own]]) {
    const year = who === 'xfxmb' ? YX : Y;
    const a = await dry(who, { plans: { [foreign]: 1 } }, year);
    const b = await dry(who, { plans: { 99999999: 1 } }, year);
    assert.equal(a.status, 422, `${who}: ${JSON.stringify(a.body)}`);
    assert.equal(b.status, 422);
    assert.equal(a.body.error.details[0].reason, b.body.error.details[0].reason, `${who}: the same answer`);
  }
  // Nothing was written.
  assert.deepEqual((await call.xfadmin('GET', `/projects/${o.X.p}/years`)).body.items.filter((y) => y.year === YX + 1), []);
});

// ---- Roster (组织架构与责任人)

function xlsx(sheets, name) {
  const f = join(dir, `${name}.xlsx`);
  const r = spawnSync('python3', [GEN, f], { input: JSON.stringify(sheets), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return new Uint8Array(readFileSync(f));
}
const COUNTIES = [['371524', 'admin'], ['422826', 'xfadmin']];
const byAdmin = (owner) => (r) => (r === owner ? 200 : ADMINS.includes(r) ? 404 : 403);

test('roster template and export: the county\'s admin 200, another county 404, every other role 403', async () => {
  for (const [county, owner] of COUNTIES) {
    for (const kind of ['template', 'export']) {
      await expectAll(`GET /org/roster/${kind}?region=${county}`, table(byAdmin(owner)),
        (r) => call[r]('GET', `/org/roster/${kind}?region=${county}`));
    }
    // Without ?region= a county's admin works on their county; the city's must name one.
    assert.equal((await call[owner]('GET', '/org/roster/template')).status, owner === 'xfadmin' ? 200 : 400);
    // The export holds the county's units and people, nothing else: imported back it changes nothing.
    const x = await call[owner]('GET', `/org/roster/export?region=${county}`);
    const n = (await call[owner]('GET', `/units?region=${county}`)).body.items.length
      + (await call[owner]('GET', `/people?region=${county}`)).body.items.length;
    const back = await call[owner]('POST', `/org/roster/import?region=${county}&dry_run=true`, new Uint8Array(x.body), XHDR);
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.deepEqual([back.body.rows, back.body.unchanged, back.body.problems], [n, n, []], county);
  }
});

test('roster import, dry run and real: the county\'s admin 200, another county 404, every other role 403', async () => {
  for (const [county, owner] of COUNTIES) {
    const name = `花名册角色局-${county}`;
    const book = xlsx({ 单位: [UNIT_HEAD, [name, '其他', '']] }, `import-${county}`);
    await expectAll(`dry run into ${county}`, table(byAdmin(owner)),
      (r) => call[r]('POST', `/org/roster/import?region=${county}&dry_run=true`, book, XHDR));
    await expectAll(`import into ${county}`, table(byAdmin(owner)),
      (r) => call[r]('POST', `/org/roster/import?region=${county}`, book, XHDR));
    // Written once, by the county's admin, in that county.
    for (const [c, reader] of COUNTIES) {
      const units = (await call[reader]('GET', `/units?region=${c}`)).body.items.filter((u) => u.name === name);
      assert.equal(units.length, c === county ? 1 : 0, `${name} in ${c}`);
    }
  }
});

test('roster rows naming another county\'s region or unit: the same problem as one that does not exist', async () => {
  const book = xlsx({
    单位: [UNIT_HEAD, ['东阿越界局', '其他', '422826100'], ['东阿无名局', '其他', '999999999']],
    人员: [PERSON_HEAD, ['越界甲', '', '联络员', '', '', X_UNIT, ''], ['越界乙', '', '联络员', '', '', '不存在的局', '']],
  }, 'foreign');
  const dry = await call.admin('POST', '/org/roster/import?region=371524&dry_run=true', book, XHDR);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  const problems = dry.body.problems.map((p) => [p.row, p.column, p.reason]);
  assert.equal(problems.length, 4, JSON.stringify(problems));
  const [unitForeign, unitMissing, personForeign, personMissing] = problems;
  assert.deepEqual([unitForeign[0], unitForeign[1]], [2, '【单位】所属区域']);
  assert.deepEqual(unitForeign.slice(1), unitMissing.slice(1));
  assert.deepEqual([personForeign[0], personForeign[1]], [2, '【人员】所属单位']);
  assert.deepEqual(personForeign.slice(1), personMissing.slice(1));
});

// ---- 包保 assignments

test('a project\'s assignments and one assignment: 200 where the project is seen, 404 elsewhere', async () => {
  for (const [side, project, a, seen] of [['D', o.D.p, o.D.a[0], D_SEEN], ['X', o.X.p, o.X.a[0], X_SEEN]]) {
    const status = table((r) => (seen.includes(r) ? 200 : 404));
    await expectAll(`GET /projects/{${side}}/assignments`, status, (r) => call[r]('GET', `/projects/${project}/assignments`));
    await expectAll(`GET /assignments/{${side}}`, status, (r) => call[r]('GET', `/assignments/${a}`));
  }
  const x = (await call.xfadmin('GET', `/projects/${o.X.p}/assignments`)).body.items;
  assert.deepEqual(x.map((a) => [a.unit_id, a.from_date, a.to_date]), [[o.X.units[0], EARLY, null]]);
});

// Each office role's own new assignment (its id), ended in the next test.
const mine = {};

test('POST an assignment: the project office 201, other readers 403, unseen 404; a holder it cannot see 422 as unknown', async () => {
  const slot = { lcxmb: 5, dongezb: 6 };
  await expectAll('POST /projects/{D}/assignments', table((r) => expectFor(r, { seen: D_SEEN, write: D_MANAGE, okStatus: 201 })),
    (r) => call[r]('POST', `/projects/${o.D.p}/assignments`, { unit_id: o.D.units[slot[r] ?? 7] }));
  const dList = (await call.admin('GET', `/projects/${o.D.p}/assignments`)).body.items;
  for (const r of D_MANAGE) mine[r] = openOf(dList, o.D.units[slot[r]]);
  assert.ok(!dList.some((a) => a.unit_id === o.D.units[7]), 'nobody else assigned anything');
  await expectAll('POST /projects/{X}/assignments', table((r) => expectFor(r, { seen: X_SEEN, write: [], okStatus: 201 })),
    (r) => call[r]('POST', `/projects/${o.X.p}/assignments`, { unit_id: o.X.units[1] }));
  assert.equal((await call.xfxmb('POST', `/projects/${o.X.p}/assignments`, { unit_id: o.X.units[1] })).status, 201);
  const xList = (await call.xfadmin('GET', `/projects/${o.X.p}/assignments`)).body.items;
  mine.xfxmb = openOf(xList, o.X.units[1]);
  assert.equal(xList.length, 2);

  // Another county's person or unit is unknown, worded as one that does not exist.
  const guanProject = (await call.guanxmb('GET', `/projects?region=371525&year=${Y}&limit=1`)).body.items[0].id;
  for (const [who, project, field, foreign] of [
    ['dongezb', o.D.p, 'person_id', o.X.leader],
    ['lcxmb', o.D.p, 'unit_id', o.X.units[2]],
    ['guanxmb', guanProject, 'unit_id', o.D.units[8]],
    ['xfxmb', o.X.p, 'unit_id', o.D.units[8]],
  ]) {
    const a = await call[who]('POST', `/projects/${project}/assignments`, { [field]: foreign });
    const b = await call[who]('POST', `/projects/${project}/assignments`, { [field]: 99999999 });
    assert.equal(a.status, 422, `${who}: ${JSON.stringify(a.body)}`);
    assert.equal(b.status, 422);
    assert.deepEqual([a.body.error.details[0].field, a.body.error.details[0].reason],
      [b.body.error.details[0].field, b.body.error.details[0].reason], `${who}: the same answer`);
  }
});

test('POST /assignments/{id}/end: the project office 200 (each its own), other readers 403, unseen 404', async () => {
  const target = (r) => (D_MANAGE.includes(r) ? mine[r] : o.D.a[0]);
  await expectAll('end a 东阿县 assignment', table((r) => expectFor(r, { seen: D_SEEN, write: D_MANAGE })),
    async (r) => call[r]('POST', `/assignments/${target(r)}/end`, { version: await versionOf('admin', `/assignments/${target(r)}`) }));
  await expectAll('end a 咸丰县 assignment', table((r) => expectFor(r, { seen: X_SEEN, write: [] })),
    async (r) => call[r]('POST', `/assignments/${o.X.a[0]}/end`, { version: await versionOf('xfadmin', `/assignments/${o.X.a[0]}`) }));
  const xEnd = await call.xfxmb('POST', `/assignments/${mine.xfxmb}/end`, { version: await versionOf('xfadmin', `/assignments/${mine.xfxmb}`) });
  assert.equal(xEnd.status, 200, JSON.stringify(xEnd.body));
  // The offices' own ended today; the one the others tried is still open.
  for (const r of [...D_MANAGE, 'xfxmb']) {
    assert.equal((await call[r]('GET', `/assignments/${mine[r]}`)).body.to_date, TODAY, r);
  }
  assert.equal((await call.admin('GET', `/assignments/${o.D.a[0]}`)).body.to_date, null);
  assert.equal((await call.xfadmin('GET', `/assignments/${o.X.a[0]}`)).body.to_date, null);
});

test('visit compliance: 200 for everyone, listing only the holders of projects the caller reads, for the weeks they were assigned', async () => {
  const unitsIn = (res) => new Set(res.body.items.filter((i) => i.holder_kind === 'unit').map((i) => i.holder_id));
  for (const r of ROLES) {
    const all = await call[r]('GET', '/visits/compliance');
    assert.equal(all.status, 200, `${r} GET /visits/compliance`);
    assert.equal(unitsIn(all).has(o.D.units[0]), D_SEEN.includes(r), `${r}: 东阿县's unit`);
    assert.equal(unitsIn(all).has(o.X.units[0]), X_SEEN.includes(r), `${r}: 咸丰县's unit`);
    for (const county of ['371524', '422826']) {
      const res = await call[r]('GET', `/visits/compliance?region=${county}`);
      assert.equal(res.status, 200, `${r} GET /visits/compliance?region=${county}`);
      const seen = county === '371524' ? D_SEEN.includes(r) : X_SEEN.includes(r);
      if (!seen) assert.deepEqual(res.body.items, [], `${r}: nothing of ${county}`);
    }
  }
  // The assignment window: before it began the unit owed nothing and is not listed; from its first
  // day it owes the ISO weeks it was assigned.
  const period = (from, to) => call.dongezb('GET', `/visits/compliance?region=371524&from=${from}&to=${to}`);
  assert.ok(!unitsIn(await period(addDays(EARLY, -30), addDays(EARLY, -1))).has(o.D.units[0]));
  const row = (await period(EARLY, TODAY)).body.items.find((i) => i.holder_kind === 'unit' && i.holder_id === o.D.units[0]);
  const weeks = new Set();
  for (let d = EARLY; d <= TODAY; d = addDays(d, 1)) weeks.add(isoWeekKey(d));
  assert.equal(row.weeks_assigned, weeks.size, JSON.stringify(row));
  assert.equal(row.projects, 1);
  // 咸丰县's admin, asking for 东阿县: nothing.
  assert.deepEqual((await call.xfadmin('GET', `/visits/compliance?region=371524&from=${EARLY}&to=${TODAY}`)).body.items, []);
});

test('POST /assignments/handover: the project office 200 (dry run and real), another county 404, roles without it 403 at the door', async () => {
  const body = (from, to, dry) => ({ from: { unit_id: from }, to: { unit_id: to }, date: TODAY, dry_run: dry });
  const dStatus = table((r) => (D_MANAGE.includes(r) ? 200 : ROLLOVER.includes(r) ? 404 : 403));
  await expectAll('dry run in 东阿县', dStatus, (r) => call[r]('POST', '/assignments/handover', body(o.D.units[0], o.D.units[8], true)));
  assert.equal((await call.admin('GET', `/assignments/${o.D.a[0]}`)).body.to_date, null, 'a dry run writes nothing');
  // Each office hands its own unit over to the same successor; the refused try the first one.
  const from = { lcxmb: 2, dongezb: 3 };
  await expectAll('handover in 东阿县', dStatus, (r) => call[r]('POST', '/assignments/handover', body(o.D.units[from[r] ?? 1], o.D.units[8], false)));
  assert.equal((await call.lcxmb('POST', '/assignments/handover', body(o.D.units[1], o.D.units[8], false))).status, 200);
  for (const i of [1, 2, 3]) assert.equal((await call.admin('GET', `/assignments/${o.D.a[i]}`)).body.to_date, addDays(TODAY, -1));
  const successor = (await call.admin('GET', `/projects/${o.D.p}/assignments`)).body.items.filter((a) => a.unit_id === o.D.units[8]);
  assert.deepEqual(successor.map((a) => [a.from_date, a.to_date, a.current]), [[TODAY, null, true]]);

  const xStatus = table((r) => (ROLLOVER.includes(r) ? 404 : 403));
  await expectAll('dry run in 咸丰县', xStatus, (r) => call[r]('POST', '/assignments/handover', body(o.X.units[0], o.X.units[2], true)));
  await expectAll('handover in 咸丰县', xStatus, (r) => call[r]('POST', '/assignments/handover', body(o.X.units[0], o.X.units[2], false)));
  assert.equal((await call.xfxmb('POST', '/assignments/handover', body(o.X.units[0], o.X.units[2], false))).status, 200);
  assert.equal((await call.xfadmin('GET', `/assignments/${o.X.a[0]}`)).body.to_date, addDays(TODAY, -1));

  // A successor of another county: unknown, as one that does not exist.
  const foreign = await call.dongezb('POST', '/assignments/handover', body(o.D.units[0], o.X.units[1], true));
  const missing = await call.dongezb('POST', '/assignments/handover', body(o.D.units[0], 99999999, true));
  assert.deepEqual([foreign.status, missing.status], [404, 404]);
  assert.equal(foreign.body.error.code, missing.body.error.code);
});

// ---- The first-run checklist (上线清单)

test('the first-run checklist: the region\'s admin 200, another county 404, every other role 403', async () => {
  await expectAll('GET /setup/checklist', table((r) => (ADMINS.includes(r) ? 200 : 403)), (r) => call[r]('GET', '/setup/checklist'));
  assert.equal((await call.admin('GET', '/setup/checklist')).body.region.code, '371500');
  assert.equal((await call.xfadmin('GET', '/setup/checklist')).body.region.code, '422826');
  for (const [county, owner] of COUNTIES) {
    await expectAll(`GET /setup/checklist?region=${county}`, table(byAdmin(owner)), (r) => call[r]('GET', `/setup/checklist?region=${county}`));
  }
  // 咸丰县's checklist counts its own: the unit, leader, project and units made above, no demo ones.
  const steps = Object.fromEntries((await call.xfadmin('GET', '/setup/checklist')).body.steps.map((s) => [s.key, s.count]));
  assert.deepEqual([steps.towns, steps.projects, steps.people], [11, 1, 1]);
  assert.equal(steps.units, 1 + o.X.units.length + 1); // + the roster's 花名册角色局
  // A region above the admin's own: listed among the regions, but its checklist is not theirs to read.
  assert.equal((await call.xfadmin('GET', '/regions/420000')).status, 200);
  assert.equal((await call.xfadmin('GET', '/setup/checklist?region=420000')).status, 404);
});

// ---- The roll-over applied (last: it writes next year's lists)

test('roll-over applied: only by a roll-over role over its own county; refused calls write nothing', async () => {
  const yearOf = (region) => (region === '422826' ? YX : Y);
  const apply = (r, region, extra = {}) => call[r]('POST', `/years/${yearOf(region)}/rollover`, { dry_run: false, region, ...extra });
  const nextYear = async (who, id) => {
    const year = id === o.X.p ? YX : Y;
    return (await call[who]('GET', `/projects/${id}/years`)).body.items.find((y) => y.year === year + 1);
  };
  // 咸丰县: its office only (every table role, first, is refused; its admin too).
  const xRefused = ROLES;
  const got = {};
  for (const r of xRefused) got[r] = (await apply(r, '422826')).status;
  assert.deepEqual(got, Object.fromEntries(xRefused.map((r) => [r, ROLLOVER.includes(r) ? 404 : 403])));
  assert.equal(await nextYear('xfadmin', o.X.p), undefined, 'nothing written');
  const xf = await apply('xfxmb', '422826', { plans: { [o.X.p]: 5000 } });
  assert.equal(xf.status, 200, JSON.stringify(xf.body));
  assert.equal(xf.body.carried, 1);
  const xNext = await nextYear('xfadmin', o.X.p);
  assert.deepEqual([xNext.kind, xNext.annual_plan], ['continuing', 5000]);

  // 东阿县: 冠县's and 咸丰县's coordinators/admin 404, the roles without roll-over 403, then 东阿县's office.
  const dRefused = ROLES.filter((r) => !D_MANAGE.includes(r));
  for (const r of dRefused) got[r] = (await apply(r, '371524')).status;
  assert.deepEqual(Object.fromEntries(dRefused.map((r) => [r, got[r]])),
    Object.fromEntries(dRefused.map((r) => [r, ROLLOVER.includes(r) ? 404 : 403])));
  assert.equal(await nextYear('admin', o.D.p), undefined, 'nothing written');
  const done = await apply('dongezb', '371524');
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.ok(done.body.carried >= 1);
  assert.ok(done.body.items.every((i) => i.code.startsWith('DE')));
  for (const d of done.body.items.filter((i) => i.carries)) assert.equal((await nextYear('admin', d.project_id)).kind, 'continuing');
  // The city's office may too: everything carried is listed already.
  for (const r of ['lcxmb']) {
    const again = await apply(r, '371524');
    assert.equal(again.status, 200);
    assert.equal(again.body.carried, 0, r);
  }
  // 咸丰县's roll-over stayed its own.
  assert.equal((await call.xfadmin('GET', `/projects/${o.X.p}/years`)).body.items.filter((y) => y.year === YX + 1).length, 1);
});
