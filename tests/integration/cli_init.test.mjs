// `gongjian init`: a real county from an empty database — its chain, its towns and streets from the
// national division codes, its first admin — then the server shows them to that admin. Refusals
// (unknown code, second init, login taken, weak password) exit 2 and write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, api, login, startServer, stopCleanly } from './server.mjs';

const PASSWORD = 'xianfeng-2026-start';
let dir;
const init = (db, region, admin, password = PASSWORD) =>
  spawnSync(BIN, ['init', '--db', db, '--region', region, '--admin', admin, '--password-stdin'],
    { encoding: 'utf8', input: `${password}\n` });

before(() => { dir = mkdtempSync(join(tmpdir(), 'gongjian-init-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('init 咸丰县: exit 0, and its admin, once the password is changed, sees the 11 towns through GET /regions', async () => {
  const db = join(dir, 'xianfeng.db');
  const r = init(db, '422826', 'xfadmin');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /咸丰县/);
  assert.match(r.stdout, /11 towns/);
  const srv = await startServer({ demo: false, db });
  try {
    const token = await login(srv.base, 'xfadmin', PASSWORD);
    const call = api(srv.base, token);
    // The password was typed on the server's shell: the first log-in must change it first.
    const refused = await call('GET', '/regions');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'password_change_required');
    const changed = await call('POST', '/auth/password',
      { old_password: PASSWORD, new_password: 'xianfeng-own-2026' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const { status, body } = await call('GET', '/regions');
    assert.equal(status, 200);
    const byCode = Object.fromEntries(body.items.map((x) => [x.code, x]));
    assert.deepEqual(byCode['422826'], { code: '422826', name: '咸丰县', level: 'county', parent_code: '422800' });
    assert.equal(byCode['422800']?.name, '恩施土家族苗族自治州');
    assert.equal(byCode['420000']?.name, '湖北省');
    const towns = body.items.filter((x) => x.parent_code === '422826');
    assert.equal(towns.length, 11);
    assert.ok(towns.every((t) => t.level === 'town'));
    assert.equal(towns.find((t) => t.code === '422826100')?.name, '高乐山镇');
    assert.equal(towns.find((t) => t.code === '422826400')?.name, '大路坝区');
  } finally {
    await stopCleanly(srv);
  }
});

test('unknown code and weak password: exit 2, no database written', () => {
  const db = join(dir, 'unknown.db');
  const unknown = init(db, '999999', 'admin1');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /999999/);
  assert.equal(existsSync(db), false, 'nothing written');
  const weak = init(db, '422826', 'admin1', 'short');
  assert.equal(weak.status, 2);
  assert.match(weak.stderr, /password/);
  assert.equal(existsSync(db), false, 'nothing written');
});

test('second init of the region, or an admin login already there: exit 2, the database untouched', () => {
  const db = join(dir, 'twice.db');
  assert.equal(init(db, '422826', 'xfadmin').status, 0);
  const before = readFileSync(db);
  const again = init(db, '422826', 'other');
  assert.equal(again.status, 2);
  assert.match(again.stderr, /422826/);
  const taken = init(db, '422827', 'xfadmin');
  assert.equal(taken.status, 2);
  assert.match(taken.stderr, /xfadmin/);
  assert.ok(readFileSync(db).equals(before), 'the database is unchanged');
});
