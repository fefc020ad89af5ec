// The first-run checklist (GET /setup/checklist) of a county fresh from `gongjian init`: 咸丰县 has
// its 11 towns and nothing else; as the admin adds a unit, a person and the project office's
// account, and that office a project and the rules (business the admin does not do: README's admin
// is 系统管理 only), each step counts it, and the list is complete once every required step is
// done (targets and 专班 are optional).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, api, login, startServer, stopCleanly } from './server.mjs';

const PASSWORD = 'xianfeng-2026-start';
const NEW_PASSWORD = 'xianfeng-own-2026';
let dir, srv, call;

const counts = (list) => Object.fromEntries(list.steps.map((s) => [s.key, s.count]));
const done = (list) => Object.fromEntries(list.steps.map((s) => [s.key, s.done]));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongjian-checklist-'));
  const db = join(dir, 'xianfeng.db');
  const r = spawnSync(BIN, ['init', '--db', db, '--region', '422826', '--admin', 'xfadmin', '--password-stdin'],
    { encoding: 'utf8', input: `${PASSWORD}\n` });
  assert.equal(r.status, 0, r.stderr);
  srv = await startServer({ demo: false, db });
  const token = await login(srv.base, 'xfadmin', PASSWORD);
  call = api(srv.base, token);
  const changed = await call('POST', '/auth/password', { old_password: PASSWORD, new_password: NEW_PASSWORD });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
});

after(async () => {
  if (srv) await stopCleanly(srv);
  rmSync(dir, { recursive: true, force: true });
});

test('a fresh county: its 11 towns are there, every other step is empty', async () => {
  const { status, body } = await call('GET', '/setup/checklist');
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual(body.region, { code: '422826', name: '咸丰县', level: 'county' });
  assert.equal(body.complete, false);
  assert.deepEqual(body.steps.map((s) => s.key), ['towns', 'units', 'people', 'accounts', 'projects', 'rules', 'targets', 'teams']);
  assert.deepEqual(counts(body), { towns: 11, units: 0, people: 0, accounts: 0, projects: 0, rules: 0, targets: 0, teams: 0 });
  assert.deepEqual(body.steps[0], { key: 'towns', count: 11, done: true, optional: false });
  assert.deepEqual(body.steps[1], { key: 'units', count: 0, done: false, optional: false });
  assert.deepEqual(body.steps.filter((s) => s.optional).map((s) => s.key), ['targets', 'teams']);
  // The county asked by code is the same list; the city above it and a town are not the admin's.
  assert.deepEqual((await call('GET', '/setup/checklist?region=422826')).body, body);
  assert.equal((await call('GET', '/setup/checklist?region=422800')).status, 404);
  assert.equal((await call('GET', '/setup/checklist?region=422826100')).status, 422);
});

test('each step counts what the admin and the office add; complete once the required ones are done', async () => {
  const unit = await call('POST', '/units', { name: '咸丰县发展和改革局', kind: 'department', region_code: '422826' });
  assert.equal(unit.status, 201, JSON.stringify(unit.body));
  const person = await call('POST', '/people', { name: '田明', title: '副县长', kind: 'leader', region_code: '422826', unit_id: null });
  assert.equal(person.status, 201, JSON.stringify(person.body));
  let list = (await call('GET', '/setup/checklist')).body;
  assert.deepEqual(counts(list), { towns: 11, units: 1, people: 1, accounts: 0, projects: 0, rules: 0, targets: 0, teams: 0 });

  // A second admin is not a working account; the project office's coordinator is.
  const admin2 = await call('POST', '/users', { login: 'xfadmin2', name: '咸丰县管理员二', password: 'Xian-Feng-Admin-2026', grants: [{ role: 'admin', region_code: '422826' }] });
  assert.equal(admin2.status, 201, JSON.stringify(admin2.body));
  assert.equal(counts((await call('GET', '/setup/checklist')).body).accounts, 0);
  const office = await call('POST', '/users', { login: 'xfxmb', name: '咸丰县项目办', password: 'Xian-Feng-Office-2026', grants: [{ role: 'coordinator', region_code: '422826' }] });
  assert.equal(office.status, 201, JSON.stringify(office.body));

  const office_ = api(srv.base, await login(srv.base, 'xfxmb', 'Xian-Feng-Office-2026'));
  assert.equal((await office_('POST', '/auth/password', { old_password: 'Xian-Feng-Office-2026', new_password: 'Xian-Feng-Office-2027' })).status, 200);
  const xfxmb = api(srv.base, await login(srv.base, 'xfxmb', 'Xian-Feng-Office-2027'));
  const newProject = {
    code: 'XF2026-001', name: '咸丰测试产业园项目', county_code: '422826', town_code: '422826100',
    category: 'industrial', level: 'county', kind: 'new', track: 'implementation', stage: 'signed',
    unit_id: unit.body.id, leader_id: person.body.id, total_investment: 100000000, planned_start: '2026-09-01',
  };
  // A project one by one is the office's (the admin's part of the ledger is the first sheet's import).
  assert.equal((await call('POST', '/projects', newProject)).status, 403);
  const project = await xfxmb('POST', '/projects', newProject);
  assert.equal(project.status, 201, JSON.stringify(project.body));
  list = (await call('GET', '/setup/checklist')).body;
  assert.equal(list.complete, false);
  assert.deepEqual(done(list), { towns: true, units: true, people: true, accounts: true, projects: true, rules: false, targets: false, teams: false });

  // The shipped rules, saved once as they are by the office (not the admin): the last required step.
  assert.equal((await call('PUT', '/supervision/settings?region=422826', { version: 0, report_policy: {} })).status, 403);
  const rules = await xfxmb('PUT', '/supervision/settings?region=422826', { version: 0, report_policy: {} });
  assert.equal(rules.status, 200, JSON.stringify(rules.body));
  list = (await call('GET', '/setup/checklist')).body;
  assert.deepEqual(counts(list), { towns: 11, units: 1, people: 1, accounts: 1, projects: 1, rules: 1, targets: 0, teams: 0 });
  assert.equal(list.complete, true);
});

test('the coordinator, who does not administer the organisation, may not read it', async () => {
  const office = api(srv.base, await login(srv.base, 'xfxmb', 'Xian-Feng-Office-2027'));
  const r = await office('GET', '/setup/checklist');
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'forbidden');
});
