// Roles × the endpoints issue 12 added (regions, units, people, 专班, accounts, one's own password,
// sessions and API tokens), in scope and out of scope. The demo's city (聊城市, 371500) and a real
// county initialised beside it (咸丰县, 422826, its own admin xfadmin) share one database, so every
// demo role has a county it must not see, and 咸丰县's admin the whole demo.
//
// The expectations are written by hand from the policy table (domain/access/access.cpp):
//   - org.admin and user.admin: only the admin role, over its grant's region and below;
//   - what a caller may read (project.read for units/people/专班, observation.read up and down for
//     regions) decides what it sees: anything else is 404, also for a write;
//   - seen but not the caller's to change: 403; the account endpoints refuse every non-admin at
//     the door (403, before any record is looked up, so nothing of another county shows);
//   - a create naming a region (or unit) the caller cannot see: 422 "unknown", as for one that does
//     not exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, login } from './server.mjs';
import { ROLES, XF_OWN, startTwoCounties } from './roles_harness.mjs';

const DEMO = ROLES.filter((r) => r !== 'xfadmin');

let counties; // the two-county server (roles_harness.mjs)
let srv;
let call; // login → request function (a session token)
const o = {}; // the objects: D (东阿县, 371524) and X (咸丰县, 422826)

before(async () => {
  counties = await startTwoCounties('roles');
  ({ srv, call } = counties);
  const { ok } = counties;
  // 东阿县: a town, 工信局, 王海涛, a new 专班 and a new account.
  const regions = (await ok('admin', 'GET', '/regions', undefined, 200)).items;
  o.D = {
    town: regions.find((r) => r.parent_code === '371524' && r.level === 'town').code,
    unit: (await ok('admin', 'GET', '/units?region=371524', undefined, 200)).items.find((u) => u.name === '工业和信息化局').id,
    person: (await ok('admin', 'GET', '/people?region=371524&kind=leader', undefined, 200)).items.find((p) => p.name === '王海涛').id,
  };
  // An account of 东阿县 that is no demo caller (a password reset ends its sessions).
  o.D.user = (await ok('admin', 'POST', '/users', {
    login: 'dongeviewer', name: '东阿观察员乙', password: 'Dong-E-View-2026', grants: [{ role: 'viewer', region_code: '371524' }],
  })).id;
  o.D.team = (await ok('admin', 'POST', '/teams', { name: '东阿角色测试专班', region_code: '371524', lead_person_id: o.D.person })).id;
  // 咸丰县: one of each, made by its own admin.
  o.X = { town: '422826100' };
  o.X.unit = (await ok('xfadmin', 'POST', '/units', { name: '咸丰县发展和改革局', kind: 'department', region_code: '422826' })).id;
  o.X.person = (await ok('xfadmin', 'POST', '/people', { name: '咸丰测试人', title: '局长', kind: 'head', region_code: '422826', unit_id: o.X.unit })).id;
  o.X.team = (await ok('xfadmin', 'POST', '/teams', { name: '咸丰角色测试专班', region_code: '422826', lead_person_id: o.X.person })).id;
  o.X.user = (await ok('xfadmin', 'POST', '/users', {
    login: 'xfviewer', name: '咸丰观察员', password: 'Xian-Feng-View-2026', grants: [{ role: 'viewer', region_code: '422826' }],
  })).id;
});
after(async () => {
  if (counties) await counties.stop();
});

// Expected status per role: `seen` are the roles that see the object, `write` those of them that
// may change it; everyone else sees nothing (404). `seenNoWrite` (seen, not written) get 403.
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

// Who sees what (by the read rows): a 东阿县 town through observation.read, up and down (every demo
// role of 371500 or 371524, judges included; not 冠县's, not 咸丰县's); a 东阿县 unit, person or
// 专班 through project.read, down (not the judges, who read no projects).
const D_REGION_SEEN = ['admin', 'lcxmb', 'dongezb', 'leader', 'unit', 'viewer', 'judge1'];
const D_ORG_SEEN = ['admin', 'lcxmb', 'dongezb', 'leader', 'unit', 'viewer'];
const X_SEEN = ['xfadmin'];

test('GET /regions and the lists of units, people and 专班 show nothing of another county', async () => {
  for (const role of ROLES) {
    const regions = (await call[role]('GET', '/regions')).body.items.map((r) => r.code);
    const other = role === 'xfadmin' ? '3715' : '4228';
    assert.deepEqual(regions.filter((c) => c.startsWith(other)), [], `${role} GET /regions`);
    if (role === 'guanxmb') assert.deepEqual(regions.filter((c) => c.startsWith('371524')), [], 'guanxmb: no 东阿县');
    for (const [path, region] of [['/units', '422826'], ['/people', '422826'], ['/teams', '422826'], ['/units', '371524'], ['/people', '371524'], ['/teams', '371524']]) {
      const res = await call[role]('GET', `${path}?region=${region}`);
      assert.equal(res.status, 200, `${role} GET ${path}?region=${region}`);
      const seesRegion = region === '422826' ? X_SEEN.includes(role) : D_ORG_SEEN.includes(role);
      if (!seesRegion) assert.deepEqual(res.body.items, [], `${role} GET ${path}?region=${region} lists nothing`);
    }
  }
  // …and their own: 东阿县's admin lists the new 专班, 咸丰县's admin its own.
  assert.ok((await call.dongezb('GET', '/teams?region=371524')).body.items.some((t) => t.id === o.D.team));
  assert.ok((await call.xfadmin('GET', '/teams?region=422826')).body.items.some((t) => t.id === o.X.team));
});

test('GET one region, unit, person, 专班: 200 where seen, 404 elsewhere', async () => {
  for (const [side, seenRegion, seenOrg] of [['D', D_REGION_SEEN, D_ORG_SEEN], ['X', X_SEEN, X_SEEN]]) {
    const x = o[side];
    await expectAll(`GET region ${side}`, table((r) => (seenRegion.includes(r) ? 200 : 404)), (r) => call[r]('GET', `/regions/${x.town}`));
    for (const kind of ['units', 'people', 'teams']) {
      const id = x[{ units: 'unit', people: 'person', teams: 'team' }[kind]];
      await expectAll(`GET ${kind} ${side}`, table((r) => (seenOrg.includes(r) ? 200 : 404)), (r) => call[r]('GET', `/${kind}/${id}`));
    }
  }
});

// The reader of a record's current version: its county's admin.
const owner = (side) => (side === 'D' ? 'admin' : 'xfadmin');
async function versionOf(side, path) {
  return (await call[owner(side)]('GET', path)).body.version;
}

test('PATCH a region, unit, person, 专班: its county admin 200, seen 403, unseen 404', async () => {
  for (const [side, seenRegion, seenOrg] of [['D', D_REGION_SEEN, D_ORG_SEEN], ['X', X_SEEN, X_SEEN]]) {
    const x = o[side];
    const write = [owner(side)];
    const cases = [
      [`/regions/${x.town}`, seenRegion, (v, r) => ({ version: v, sort: 5 + ROLES.indexOf(r) })],
      [`/units/${x.unit}`, seenOrg, (v, r) => ({ version: v, name: `单位-${side}-${r}` })],
      [`/people/${x.person}`, seenOrg, (v, r) => ({ version: v, title: `职务-${r}` })],
      [`/teams/${x.team}`, seenOrg, (v, r) => ({ version: v, name: `专班-${side}-${r}` })],
    ];
    for (const [path, seen, body] of cases) {
      await expectAll(`PATCH ${path}`, table((r) => expectFor(r, { seen, write })), async (r) => call[r]('PATCH', path, body(await versionOf(side, path), r)));
    }
  }
});

test('POST a zone, unit, person, 专班: its county admin 201, another county 422 (unknown region), non-admins 403', async () => {
  for (const side of ['D', 'X']) {
    const county = side === 'D' ? '371524' : '422826';
    const byRole = (r) => (r === owner(side) ? 201 : r === 'admin' || r === 'xfadmin' ? 422 : 403);
    let n = 0;
    const bodies = {
      regions: () => ({ code: `${county}9${String(++n).padStart(2, '0')}`, name: `角色测试园区${n}`, level: 'zone', parent_code: county }),
      units: (r) => ({ name: `角色测试单位-${r}`, kind: 'other', region_code: county }),
      people: (r) => ({ name: `角色测试人-${r}`, kind: 'staff', region_code: county }),
      teams: (r) => ({ name: `角色测试专班-${r}`, region_code: county }),
    };
    for (const [kind, body] of Object.entries(bodies)) {
      await expectAll(`POST /${kind} in ${county}`, table(byRole), (r) => call[r]('POST', `/${kind}`, body(r)));
    }
  }
});

test('accounts: list and read within the admin\'s reach; other counties 404; other roles 403', async () => {
  const admins = ['admin', 'xfadmin'];
  await expectAll('GET /users', table((r) => (admins.includes(r) ? 200 : 403)), (r) => call[r]('GET', '/users'));
  const demoLogins = (await call.admin('GET', '/users')).body.items.map((u) => u.login);
  assert.ok(demoLogins.includes('dongeviewer') && !demoLogins.includes('xfviewer') && !demoLogins.includes('xfadmin'));
  assert.deepEqual((await call.xfadmin('GET', '/users')).body.items.map((u) => u.login).sort(), ['xfadmin', 'xfviewer', 'xfxmb']);
  for (const side of ['D', 'X']) {
    const byRole = (r) => (r === owner(side) ? 200 : admins.includes(r) ? 404 : 403);
    await expectAll(`GET /users/{${side}}`, table(byRole), (r) => call[r]('GET', `/users/${o[side].user}`));
    await expectAll(`PATCH /users/{${side}}`, table(byRole), async (r) =>
      call[r]('PATCH', `/users/${o[side].user}`, { version: await versionOf(side, `/users/${o[side].user}`), name: `改名-${r}` }));
    await expectAll(`POST /users/{${side}}/password-reset`, table(byRole), async (r) =>
      call[r]('POST', `/users/${o[side].user}/password-reset`, { version: await versionOf(side, `/users/${o[side].user}`), password: `Reset-By-${r}-2026` }));
  }
});

test('accounts: a create granting a region or unit the admin cannot see is 422 (as unknown), a seen one not managed 403', async () => {
  let n = 0;
  const body = (grant) => ({ login: `roles${++n}`, name: '角色测试', password: 'Role-Test-Pass-2026', grants: [grant] });
  for (const side of ['D', 'X']) {
    const region = side === 'D' ? '371524' : '422826';
    const byRole = (r) => (r === owner(side) ? 201 : r === 'admin' || r === 'xfadmin' ? 422 : 403);
    await expectAll(`POST /users granting ${region}`, table(byRole), (r) => call[r]('POST', '/users', body({ role: 'viewer', region_code: region })));
  }
  // A unit of another county under one's own region: unknown, like a unit that does not exist.
  const foreignUnit = await call.xfadmin('POST', '/users', body({ role: 'unit', region_code: '422826', unit_id: o.D.unit }));
  assert.equal(foreignUnit.status, 422, JSON.stringify(foreignUnit.body));
  const missingUnit = await call.xfadmin('POST', '/users', body({ role: 'unit', region_code: '422826', unit_id: 999999 }));
  assert.equal(missingUnit.status, 422);
  assert.equal(foreignUnit.body.error.details[0].reason, missingUnit.body.error.details[0].reason, 'the same answer');
  // 湖北省 is seen by 咸丰县's admin (above its county) but not theirs to grant.
  assert.equal((await call.xfadmin('POST', '/users', body({ role: 'viewer', region_code: '420000' }))).status, 403);
});

test('own account: sessions, tokens, password and log-out everywhere, for every role; another\'s session or token 404', async () => {
  // A second session per role, and an API token.
  const second = {};
  const tokens = {};
  for (const r of ROLES) {
    second[r] = api(srv.base, await login(srv.base, r, r === 'xfadmin' ? XF_OWN : 'demo1234'));
    const t = await call[r]('POST', '/auth/tokens', { name: `脚本-${r}`, days: 30 });
    assert.equal(t.status, 201, `${r} POST /auth/tokens`);
    tokens[r] = t.body;
  }
  const sessions = {};
  for (const r of ROLES) {
    const res = await call[r]('GET', '/auth/sessions');
    assert.equal(res.status, 200);
    assert.equal(res.body.items.filter((s) => s.current).length, 1, `${r}: one current session`);
    sessions[r] = res.body.items;
    const listed = await call[r]('GET', '/auth/tokens');
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.items.map((t) => t.name), [`脚本-${r}`], `${r} lists only their own token`);
  }
  // Someone else's session or token: 404 for everyone (and nothing revoked).
  for (const [i, r] of ROLES.entries()) {
    const other = ROLES[(i + 1) % ROLES.length];
    const theirs = sessions[other].find((s) => !s.current) || sessions[other][0];
    assert.equal((await call[r]('DELETE', `/auth/sessions/${theirs.id}`)).status, 404, `${r} ends ${other}'s session`);
    assert.equal((await call[r]('DELETE', `/auth/tokens/${tokens[other].id}`)).status, 404, `${r} revokes ${other}'s token`);
  }
  for (const r of ROLES) {
    // An API token may not mint tokens.
    const viaToken = api(srv.base, tokens[r].token);
    assert.equal((await viaToken('POST', '/auth/tokens', { name: 'nested' })).status, 403, `${r}: token mints no token`);
    // One's own other session ends; one's own token is revoked.
    // (the newest: 咸丰县's admin also keeps the session of the first log-in)
    const mine = sessions[r].filter((s) => !s.current).sort((a, b) => b.id - a.id)[0];
    assert.equal((await call[r]('DELETE', `/auth/sessions/${mine.id}`)).status, 200);
    assert.equal((await second[r]('GET', '/auth/me')).status, 401, `${r}: the ended session is dead`);
    assert.equal((await call[r]('DELETE', `/auth/tokens/${tokens[r].id}`)).status, 200);
    assert.equal((await viaToken('GET', '/auth/me')).status, 401, `${r}: the revoked token is dead`);
    // The password: the old one is required.
    const password = r === 'xfadmin' ? XF_OWN : 'demo1234';
    assert.equal((await call[r]('POST', '/auth/password', { old_password: 'wrong-password-1', new_password: 'Brand-New-Pass-2026' })).status, 422);
    assert.equal((await call[r]('POST', '/auth/password', { old_password: password, new_password: `Brand-New-${r}-2026` })).status, 200, `${r} changes the password`);
    // Log out everywhere: this session too.
    assert.equal((await call[r]('POST', '/auth/logout-all')).status, 200);
    assert.equal((await call[r]('GET', '/auth/me')).status, 401, `${r}: logged out everywhere`);
  }
});
