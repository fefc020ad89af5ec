// Accounts end to end (issue 12, item 4): an admin creates a user, who logs in and must change the
// password before anything else; disabling stops the user's token at once on every server
// instance (two servers on one database); a reset forces a new change; sessions are revoked one by
// one or all at once; `gongjian user add` applies the same password rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, login, api, anonymous, BIN, stopCleanly } from './server.mjs';

let srv;
let second; // another instance on the same database
let admin;
before(async () => {
  srv = await startServer();
  second = await startServer({ demo: false, db: srv.dbPath });
  admin = api(srv.base, await login(srv.base, 'admin'));
});
after(async () => {
  await stopCleanly(second);
  await stopCleanly(srv);
});

const FIRST = 'Liu-Ji-Zhen-2026';
const CHOSEN = 'Wo-De-Mi-Ma-Hen-Chang';

test('create → log in → forced change refuses other calls → change → works', async () => {
  const created = await admin('POST', '/users', {
    login: 'liujizhen', name: '刘集镇经办人', password: FIRST,
    grants: [{ role: 'unit', region_code: '371524', unit_id: 13 }, { role: 'viewer', region_code: '371524' }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.must_change_password, true);
  assert.equal(created.body.grants.length, 2);
  const id = created.body.id;

  const user = api(srv.base, await login(srv.base, 'liujizhen', FIRST));
  const me = await user('GET', '/auth/me');
  assert.equal(me.body.must_change_password, true);
  const refused = await user('GET', '/projects?limit=1');
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'password_change_required');

  const changed = await user('POST', '/auth/password', { old_password: FIRST, new_password: CHOSEN });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal((await user('GET', '/projects?limit=1')).status, 200);
  assert.equal((await user('GET', '/auth/me')).body.must_change_password, false);
  // The old password no longer logs in; the chosen one does.
  const old = await anonymous(srv.base)('POST', '/auth/login', { login: 'liujizhen', password: FIRST });
  assert.equal(old.status, 401);
  assert.equal((await admin('GET', `/users/${id}`)).body.must_change_password, false);
});

test('disable: the token is refused at once, on this instance and on another', async () => {
  const token = await login(srv.base, 'liujizhen', CHOSEN);
  const here = api(srv.base, token);
  const there = api(second.base, token);
  assert.equal((await here('GET', '/auth/me')).status, 200);
  assert.equal((await there('GET', '/auth/me')).status, 200);
  const u = (await admin('GET', '/users?q=liujizhen')).body.items[0];
  const off = await admin('PATCH', `/users/${u.id}`, { version: u.version, active: false });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal((await here('GET', '/auth/me')).status, 401);
  assert.equal((await there('GET', '/auth/me')).status, 401);
  // A stale version is refused with the user as it is now.
  const stale = await admin('PATCH', `/users/${u.id}`, { version: u.version, active: true });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.active, false);
  const on = await admin('PATCH', `/users/${u.id}`, { version: off.body.version, active: true });
  assert.equal(on.status, 200);
  assert.equal((await there('GET', '/auth/me')).status, 401, 'enabling again does not revive old tokens');
});

test('reset: a new password the user must change at next log-in; their sessions end', async () => {
  const token = await login(srv.base, 'liujizhen', CHOSEN);
  const u = (await admin('GET', '/users?q=liujizhen')).body.items[0];
  const weak = await admin('POST', `/users/${u.id}/password-reset`, { version: u.version, password: 'password1234' });
  assert.equal(weak.status, 422);
  const reset = await admin('POST', `/users/${u.id}/password-reset`, { version: u.version, password: 'Chong-Zhi-Mi-Ma-01' });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.equal(reset.body.must_change_password, true);
  assert.equal((await api(srv.base, token)('GET', '/auth/me')).status, 401);
  const user = api(srv.base, await login(srv.base, 'liujizhen', 'Chong-Zhi-Mi-Ma-01'));
  assert.equal((await user('GET', '/projects?limit=1')).body.error.code, 'password_change_required');
  assert.equal((await user('POST', '/auth/password', { old_password: 'Chong-Zhi-Mi-Ma-01', new_password: CHOSEN })).status, 200);
});

test('sessions: list, revoke one, log out everywhere (tokens too)', async () => {
  // From a clean slate: the earlier tests' sessions end.
  await api(srv.base, await login(srv.base, 'liujizhen', CHOSEN))('POST', '/auth/logout-all');
  const a = api(srv.base, await login(srv.base, 'liujizhen', CHOSEN));
  const b = api(second.base, await login(second.base, 'liujizhen', CHOSEN));
  const list = await a('GET', '/auth/sessions');
  assert.equal(list.status, 200);
  assert.equal(list.body.items.length, 2);
  const mine = list.body.items.find((s) => s.current);
  const other = list.body.items.find((s) => !s.current);
  assert.ok(mine && other);
  assert.equal((await a('DELETE', `/auth/sessions/${other.id}`)).status, 200);
  assert.equal((await b('GET', '/auth/me')).status, 401);
  const t = await a('POST', '/auth/tokens', { name: '报表脚本', days: 30 });
  assert.equal(t.status, 201);
  const script = api(second.base, t.body.token);
  assert.equal((await script('GET', '/auth/me')).status, 200);
  assert.equal((await script('POST', '/auth/tokens', { name: 'x' })).status, 403, 'an API token cannot mint tokens');
  const out = await a('POST', '/auth/logout-all');
  assert.equal(out.status, 200);
  assert.equal(out.body.revoked, 2);
  assert.equal((await a('GET', '/auth/me')).status, 401);
  assert.equal((await script('GET', '/auth/me')).status, 401);
});

test('gongjian user add: the same password rule; the first log-in must change it', async () => {
  const add = (loginName, password) => spawnSync(BIN, ['user', 'add', '--db', srv.dbPath, '--login', loginName,
    '--role', 'viewer', '--region', '371524', '--password-stdin'], { input: `${password}\n`, encoding: 'utf8' });
  const weak = add('cliweak', 'demo1234');
  assert.equal(weak.status, 2, weak.stderr);
  assert.match(weak.stderr + weak.stdout, /12/);
  const ok = add('cliuser', 'Ming-Ling-Hang-2026');
  assert.equal(ok.status, 0, ok.stderr);
  const user = api(srv.base, await login(srv.base, 'cliuser', 'Ming-Ling-Hang-2026'));
  assert.equal((await user('GET', '/auth/me')).body.must_change_password, true);
});
