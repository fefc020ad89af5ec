// The admin does what README says and no more (issue 14, item 3): "read only; 系统管理 for the
// city (dictionaries, regions, units, people, 专班, accounts)". Every business write is the
// project office's: the admin gets 403 on a project's PATCH, a report's approval, a problem, the
// rules, a target, a land run, while the office does the same call. 系统管理 still works: the
// first-run checklist, a unit, an account, a dictionary, the system's procedure kinds. The one
// business right kept is project.import, which the checklist's step 项目库 → 导入 asks of the admin:
// new projects of a sheet are added, a row of a project already in the ledger is the office's.
//
// And (item 3, the matrix's body-first routes): a write checks the caller's permission and scope
// before it reads the rest of the body, so a forbidden caller gets 403/404 even with an invalid one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TODAY, api, login, startServer, stopCleanly } from './server.mjs';
import { parseCsv } from './csv.mjs';

const GEN = new URL('./write_xlsx.py', import.meta.url).pathname;
const XHDR = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
let srv;
const as = {};
let project; // a 东阿县 project

before(async () => {
  srv = await startServer();
  for (const who of ['admin', 'dongezb', 'lcxmb', 'guanxmb', 'leader', 'unit', 'viewer', 'judge1']) {
    as[who] = api(srv.base, await login(srv.base, who));
  }
  project = (await as.dongezb('GET', '/projects?region=371524&limit=1')).body.items[0];
});

after(async () => {
  if (srv) await stopCleanly(srv);
});

const status = async (p) => (await p).status;

test('the admin may not change a project, raise a problem, set rules or targets, run an evaluation', async () => {
  const current = (await as.admin('GET', `/projects/${project.id}`)).body;
  assert.equal(current.id, project.id, 'the admin reads the project');
  const patch = await as.admin('PATCH', `/projects/${project.id}`, { version: current.version, specialist: '管理员' });
  assert.equal(patch.status, 403, JSON.stringify(patch.body));
  assert.equal(patch.body.error.code, 'forbidden');
  assert.equal(await status(as.admin('POST', `/projects/${project.id}/stage`, { version: current.version, stage: 'started', actual_start: '2026-01-05' })), 403);
  assert.equal(await status(as.admin('POST', '/projects', { code: 'ADM-1', name: '管理员项目', county_code: '371524' })), 403);
  assert.equal(await status(as.admin('POST', '/problems', { project_id: project.id, category: 'land', description: '管理员提的问题' })), 403);
  assert.equal(await status(as.admin('POST', '/targets', { name: '管理员目标', region: '371524', metric: 'start_rate', threshold: 0.5, deadline: '2026-12-31' })), 403);
  const rules = (await as.admin('GET', '/supervision/settings?region=371524')).body;
  assert.equal(await status(as.admin('PUT', '/supervision/settings?region=371524', { version: rules.version, report_policy: {} })), 403);
  assert.equal(await status(as.admin('POST', '/land/runs', { county_code: '371524', year: 2025 })), 403);
  assert.equal(await status(as.admin('POST', '/years/2026/rollover', { dry_run: true, region: '371524' })), 403);
  // The office's own call passes the same check (here it changes the project).
  const office = await as.dongezb('PATCH', `/projects/${project.id}`, { version: current.version, specialist: '项目办' });
  assert.equal(office.status, 200, JSON.stringify(office.body));
});

test('the admin may not approve a progress report; the project office does', async () => {
  // The unit files this period's report of one of its projects (as progress.test.mjs does).
  const pending = (await as.dongezb('GET', '/reports?region=371524&status=pending')).body.items;
  const report = pending.find((x) => x.unit_name === '工业和信息化局' && x.due_date >= TODAY);
  assert.ok(report, 'an open report of the unit');
  const history = (await as.unit('GET', `/projects/${report.project_id}/reports`)).body.items;
  const sameYear = (x) => x.period.slice(0, 4) === report.period.slice(0, 4) && x.period_end < report.period_end;
  const filed = Math.max(0, ...history.filter((x) => ['submitted', 'approved'].includes(x.status) && sameYear(x)).map((x) => x.investment_year));
  const sub = await as.unit('PATCH', `/reports/${report.id}`, {
    version: report.version, investment_period: 2000000, investment_year: filed + 2000000, by_source: { enterprise: 2000000 },
    workers: 60, visual_progress: '设备安装调试', submit: true,
  });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const now = (await as.admin('GET', `/reports/${report.id}`)).body;
  const refused = await as.admin('POST', `/reports/${report.id}/approve`, { version: now.version });
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  const approved = await as.dongezb('POST', `/reports/${report.id}/approve`, { version: now.version });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
});

test('the admin keeps 系统管理: the checklist, a unit, an account, a dictionary, the system\'s procedure kinds', async () => {
  assert.equal(await status(as.admin('GET', '/setup/checklist')), 200);
  const unit = await as.admin('POST', '/units', { name: '管理员测试单位', kind: 'other', region_code: '371524' });
  assert.equal(unit.status, 201, JSON.stringify(unit.body));
  const user = await as.admin('POST', '/users', { login: 'admintest1', name: '测试账号', password: 'Admin-Role-Test-2026', grants: [{ role: 'viewer', region_code: '371524' }] });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  const items = (await as.admin('GET', '/dictionaries')).body.category;
  assert.equal(await status(as.admin('PUT', '/dictionaries/category', { items })), 200);
  // The system's procedure kinds are a dictionary: the system admin's, not a county office's.
  const kind = await as.admin('PUT', '/procedure-kinds/admin_check', { label_zh: '管理员核验', required_for_start: false });
  assert.equal(kind.status, 200, JSON.stringify(kind.body));
  assert.ok(kind.body.some((k) => k.code === 'admin_check'), JSON.stringify(kind.body));
  // The admin's permissions, as the web app reads them: 系统管理, the first sheet's import and the
  // viewer's reads, no business write.
  const me = (await as.admin('GET', '/auth/me')).body;
  const viewer = (await as.viewer('GET', '/auth/me')).body;
  const own = ['dictionary.admin', 'org.admin', 'project.import', 'user.admin'];
  for (const p of own) assert.ok(me.permissions.includes(p), p);
  assert.deepEqual(me.permissions.filter((p) => !own.includes(p)).sort(), [...viewer.permissions].sort());
});

test('the first sheet: the admin imports new projects; a row of a project already there is the office\'s', async () => {
  const csv = await as.admin('GET', '/projects/export?format=csv&region=371524');
  assert.equal(csv.status, 200);
  const rows = parseCsv(csv.body.toString('utf8').replace(/^\ufeff/, '')).filter((r) => r.length > 1);
  const [head, first] = rows;
  const fresh = [...first];
  fresh[head.indexOf('项目编号')] = 'ADM-IMPORT-001';
  const nationalAt = head.indexOf('项目代码');
  if (nationalAt >= 0) fresh[nationalAt] = '';
  const book = (name, body) => {
    const f = join(srv.dir, `${name}.xlsx`);
    const r = spawnSync('python3', [GEN, f], { input: JSON.stringify({ 项目台账: body }), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return new Uint8Array(readFileSync(f));
  };
  const added = await as.admin('POST', '/projects/import', book('fresh', [head, fresh]), XHDR);
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assert.equal(added.body.created, 1);
  const existing = await as.admin('POST', '/projects/import?dry_run=true', book('existing', [head, first]), XHDR);
  assert.equal(existing.status, 200, JSON.stringify(existing.body));
  assert.equal(existing.body.problems[0].reason, 'this project exists and you may not change it');
  const office = await as.dongezb('POST', '/projects/import?dry_run=true', book('existing2', [head, first]), XHDR);
  assert.equal(office.status, 200, JSON.stringify(office.body));
  assert.deepEqual(office.body.problems, []);
});

test('a forbidden caller gets 403/404 before the body is read (the matrix\'s body-first routes)', async () => {
  const junk = { bogus: true, version: 'x' };
  const observation = (await as.lcxmb('GET', '/observations')).body.items[0];
  const guanProject = (await as.guanxmb('GET', '/projects?region=371525&limit=1')).body.items[0];
  const cases = [
    ['viewer', 'POST', '/units', { region_code: '371524', ...junk }, 403],
    ['dongezb', 'POST', '/people', { region_code: '371524', ...junk }, 403],
    ['lcxmb', 'POST', '/teams', { region_code: '371524', ...junk }, 403],
    ['leader', 'POST', '/regions', { parent_code: '371524', ...junk }, 403],
    ['viewer', 'POST', '/problems', { project_id: project.id, ...junk }, 403],
    ['guanxmb', 'POST', '/problems', { project_id: project.id, ...junk }, 404],
    ['dongezb', 'POST', '/problems', { project_id: guanProject.id, ...junk }, 404],
    ['leader', 'POST', `/projects/${project.id}/stage`, { version: 1, stage: 'nonsense' }, 403],
    ['guanxmb', 'POST', `/projects/${project.id}/stage`, { version: 1, stage: 'nonsense' }, 404],
    ['leader', 'POST', '/targets', { region: '371524', ...junk }, 403],
    ['guanxmb', 'POST', '/targets', { region: '371524', ...junk }, 403],
    ['viewer', 'POST', '/land/data/actions', { county_code: '371524', action: 'bogus' }, 403],
    ['judge1', 'POST', '/land/data/actions', { county_code: '371524', ...junk }, 404],
    ['unit', 'POST', '/land/runs', { county_code: '371524', ...junk }, 403],
    ['guanxmb', 'POST', '/land/runs', { county_code: '371524', ...junk }, 404],
    ['viewer', 'POST', '/land/import?county=371524', 'not a workbook', 403],
    ['guanxmb', 'POST', '/land/import?county=371524&year=bad', 'not a workbook', 404],
    ['dongezb', 'POST', `/observations/${observation.id}/ballots`, junk, 403],
    ['dongezb', 'POST', `/observations/${observation.id}/sheets`, junk, 403],
    ['judge1', 'POST', '/observations/99999999/sheets', junk, 404],
  ];
  const wrong = [];
  for (const [who, method, path, body, want] of cases) {
    const r = await as[who](method, path, body);
    if (r.status !== want) wrong.push(`${who} ${method} ${path}: want ${want}, got ${r.status} ${JSON.stringify(r.body)}`);
  }
  assert.deepEqual(wrong, []);
  // Who may, with the same invalid body, is told what is wrong with it (400 or 422).
  for (const [who, path, body] of [
    ['admin', '/units', { region_code: '371524', ...junk }],
    ['dongezb', '/problems', { project_id: project.id, ...junk }],
    ['dongezb', '/land/runs', { county_code: '371524', year: 'x' }],
  ]) {
    const r = await as[who]('POST', path, body);
    assert.ok([400, 422].includes(r.status), `${who} POST ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
});
