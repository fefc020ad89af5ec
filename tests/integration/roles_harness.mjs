// The two-county database of the role tests (roles_issue12*.test.mjs): the demo's city (聊城市,
// 371500) and a real county initialised beside it (咸丰县, 422826, its own admin `xfadmin`, who has
// changed the first password, and its project office `xfxmb`, made by that admin), so every demo
// role has a county it must not see and 咸丰县's admin the whole demo. One server per test file; every caller logged in once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, api, login, startServer, stopCleanly, writeDemo } from './server.mjs';

const XF_PASSWORD = 'xianfeng-2026-start';
export const XF_OWN = 'xianfeng-own-2026-pw';
// Every demo role (README), and 咸丰县's admin.
export const ROLES = ['admin', 'lcxmb', 'dongezb', 'guanxmb', 'leader', 'unit', 'viewer', 'judge1', 'xfadmin'];

/**
 * Starts the server on a fresh two-county database. Returns { srv, dir, call, ok, stop }: `call[login]`
 * is that caller's request function; `ok(who, method, path, body, status = 201)` asserts the status
 * and returns the body; `stop()` stops the server and removes the directory.
 */
export async function startTwoCounties(name) {
  const dir = mkdtempSync(join(tmpdir(), `gongjian-${name}-`));
  const db = join(dir, 'roles.db');
  writeDemo(BIN, db);
  const init = spawnSync(BIN, ['init', '--db', db, '--region', '422826', '--admin', 'xfadmin', '--password-stdin'],
    { encoding: 'utf8', input: `${XF_PASSWORD}\n` });
  assert.equal(init.status, 0, init.stderr);
  const srv = await startServer({ demo: false, db });
  const xf = api(srv.base, await login(srv.base, 'xfadmin', XF_PASSWORD));
  assert.equal((await xf('POST', '/auth/password', { old_password: XF_PASSWORD, new_password: XF_OWN })).status, 200);
  const call = {};
  for (const r of ROLES) call[r] = api(srv.base, await login(srv.base, r, r === 'xfadmin' ? XF_OWN : 'demo1234'));
  // 咸丰县's project office (coordinator), made by its admin: the business writes in 咸丰县 are its
  // (the admin is 系统管理 only). Not among ROLES: the role tables stay those of README's roles.
  const made = await call.xfadmin('POST', '/users', {
    login: 'xfxmb', name: '咸丰县项目办', password: XF_PASSWORD, grants: [{ role: 'coordinator', region_code: '422826' }],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const first = api(srv.base, await login(srv.base, 'xfxmb', XF_PASSWORD));
  assert.equal((await first('POST', '/auth/password', { old_password: XF_PASSWORD, new_password: XF_OWN })).status, 200);
  call.xfxmb = api(srv.base, await login(srv.base, 'xfxmb', XF_OWN));
  const ok = async (who, method, path, body, status = 201) => {
    const res = await call[who](method, path, body);
    assert.equal(res.status, status, `${who} ${method} ${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const stop = async () => {
    await stopCleanly(srv);
    rmSync(dir, { recursive: true, force: true });
  };
  return { srv, dir, call, ok, stop };
}
