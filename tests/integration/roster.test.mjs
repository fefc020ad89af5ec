// The roster in Excel (issue 12, item 3) against a real server: the template opens and imports as
// nothing; export → import changes nothing; a dry run writes nothing, the real import adds and
// updates by key; one bad row refuses the whole workbook with every problem (row, column, value,
// allowed values); the county admin works in their county only, other roles not at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, login, api, stopCleanly } from './server.mjs';

const GEN = new URL('./write_xlsx.py', import.meta.url).pathname;
const XHDR = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const UNIT_HEAD = ['单位名称', '单位类型', '所属区域'];
const PERSON_HEAD = ['姓名', '职务', '人员类型', '层级', '手机号', '所属单位', '所属区域'];
const UNIT_KINDS = ['县直部门', '乡镇政府', '园区管委会', '国有企业', '其他'];

let srv, admin, donge, dir;
let files = 0;

// A workbook of text cells: { sheet: rows }.
function xlsx(sheets) {
  const f = path.join(dir, `w${files++}.xlsx`);
  const r = spawnSync('python3', [GEN, f], { input: JSON.stringify(sheets), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return new Uint8Array(fs.readFileSync(f));
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-roster-'));
  srv = await startServer();
  admin = api(srv.base, await login(srv.base, 'admin'));
  // 东阿县's own admin (org.admin over 371524 only).
  const made = await admin('POST', '/users', {
    login: 'dongeadmin', name: '东阿县管理员', password: 'Dong-E-Admin-2026',
    grants: [{ role: 'admin', region_code: '371524' }],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const first = api(srv.base, await login(srv.base, 'dongeadmin', 'Dong-E-Admin-2026'));
  const changed = await first('POST', '/auth/password', { old_password: 'Dong-E-Admin-2026', new_password: 'Dong-E-Admin-2027' });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  donge = api(srv.base, await login(srv.base, 'dongeadmin', 'Dong-E-Admin-2027'));
});
after(async () => {
  await stopCleanly(srv);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the template is a workbook with the Chinese headers; imported as it is, it changes nothing', async () => {
  const t = await donge('GET', '/org/roster/template');
  assert.equal(t.status, 200, String(t.body));
  assert.match(t.headers.get('content-type'), /spreadsheetml/);
  assert.match(decodeURIComponent(t.headers.get('content-disposition')), /组织架构与责任人-东阿县-模板\.xlsx/);
  assert.equal(t.body.subarray(0, 2).toString(), 'PK');
  fs.writeFileSync(path.join(dir, 'template.xlsx'), t.body);
  const dry = await donge('POST', '/org/roster/import?dry_run=true', new Uint8Array(t.body), XHDR);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.deepEqual(dry.body, { dry_run: true, rows: 0, created: 0, updated: 0, unchanged: 0, problems: [] });
});

test('export → import is a no-op', async () => {
  const units = (await donge('GET', '/units?region=371524')).body.items;
  const people = (await donge('GET', '/people?region=371524')).body.items;
  assert.ok(units.length > 0 && people.length > 0);
  const before = await donge('GET', `/units/${units[0].id}`);
  const x = await donge('GET', '/org/roster/export');
  assert.equal(x.status, 200);
  fs.writeFileSync(path.join(dir, 'export.xlsx'), x.body);
  const n = units.length + people.length;
  for (const dry of [true, false]) {
    const r = await donge('POST', `/org/roster/import${dry ? '?dry_run=true' : ''}`, new Uint8Array(x.body), XHDR);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { dry_run: dry, rows: n, created: 0, updated: 0, unchanged: n, problems: [] });
  }
  assert.deepEqual((await donge('GET', '/units?region=371524')).body.items, units);
  assert.deepEqual((await donge('GET', '/people?region=371524')).body.items, people);
  assert.equal((await donge('GET', `/units/${units[0].id}`)).body.version, before.body.version);
});

test('a dry run writes nothing; the import adds and updates by key', async () => {
  const unit = await donge('POST', '/units', { name: '东阿花名册局', kind: 'department', region_code: '371524' });
  assert.equal(unit.status, 201);
  const person = await donge('POST', '/people', { name: '测试乙', title: '科员', kind: 'liaison', region_code: '371524', unit_id: unit.body.id });
  assert.equal(person.status, 201);
  const book = xlsx({
    单位: [UNIT_HEAD, ['东阿测试局', '国有企业', '']],
    人员: [PERSON_HEAD,
      ['测试甲', '科员', '红帮办（助企专员）', '镇街级', '13800000000', '东阿测试局', ''],
      ['测试乙', '副科长', '联络员', '', '', '东阿花名册局', '东阿县']],
  });
  const dry = await donge('POST', '/org/roster/import?dry_run=true', book, XHDR);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.deepEqual(dry.body, { dry_run: true, rows: 3, created: 2, updated: 1, unchanged: 0, problems: [] });
  assert.ok(!(await donge('GET', '/units?region=371524')).body.items.some((u) => u.name === '东阿测试局'));
  const still = await donge('GET', `/people/${person.body.id}`);
  assert.equal(still.body.title, '科员');
  assert.equal(still.body.version, 1);

  const real = await donge('POST', '/org/roster/import', book, XHDR);
  assert.equal(real.status, 200, JSON.stringify(real.body));
  assert.deepEqual(real.body, { dry_run: false, rows: 3, created: 2, updated: 1, unchanged: 0, problems: [] });
  const added = (await donge('GET', '/units?region=371524')).body.items.find((u) => u.name === '东阿测试局');
  assert.equal(added.kind, 'soe');
  const jia = (await donge('GET', '/people?region=371524')).body.items.find((p) => p.name === '测试甲');
  const jiaFull = (await donge('GET', `/people/${jia.id}`)).body;
  assert.deepEqual([jiaFull.kind, jiaFull.tier, jiaFull.phone, jiaFull.unit_id, jiaFull.region_code],
    ['helper', 'town', '13800000000', added.id, '371524']);
  const yi = await donge('GET', `/people/${person.body.id}`);
  assert.equal(yi.body.title, '副科长');
  assert.equal(yi.body.version, 2);
  // The same workbook again: everything is there already.
  const again = await donge('POST', '/org/roster/import', book, XHDR);
  assert.deepEqual(again.body, { dry_run: false, rows: 3, created: 0, updated: 0, unchanged: 3, problems: [] });
});

test('one bad row refuses the whole workbook, with every problem', async () => {
  const old = await donge('POST', '/units', { name: '东阿旧局', kind: 'other', region_code: '371524' });
  assert.equal((await donge('PATCH', `/units/${old.body.id}`, { version: 1, archived: true })).status, 200);
  const book = xlsx({
    单位: [UNIT_HEAD, ['东阿好局', '县直部门', ''], ['东阿坏局', '局级', ''], ['东阿旧局', '其他', ''], ['东阿好局', '其他', '冠县']],
    人员: [PERSON_HEAD,
      ['测试丙', '', '联络员', '', '', '不存在的局', ''],
      ['测试丁', '', '联络员', '县级', '电话abc', '', '']],
  });
  const dry = await donge('POST', '/org/roster/import?dry_run=true', book, XHDR);
  assert.equal(dry.status, 200);
  const real = await donge('POST', '/org/roster/import', book, XHDR);
  assert.equal(real.status, 422);
  assert.match(real.body.error.message, /未导入任何内容/);
  const brief = (ps) => ps.map((p) => [p.row, p.column, p.value]);
  const want = [
    [3, '【单位】单位类型', '局级'],
    [4, '【单位】单位名称', '东阿旧局'],
    [5, '【单位】所属区域', '冠县'],
    [5, '【单位】单位名称', '东阿好局'],
    [2, '【人员】所属单位', '不存在的局'],
    [3, '【人员】层级', '县级'],  // the service's rules: only a helper has a tier…
    [3, '【人员】手机号', '电话abc'], // …and a phone is digits
  ];
  assert.deepEqual(brief(dry.body.problems), want);
  assert.deepEqual(brief(real.body.error.details), want);
  assert.deepEqual(real.body.error.details[0].allowed, UNIT_KINDS);
  assert.match(real.body.error.details[1].reason, /已归档/);
  assert.match(real.body.error.details[3].reason, /重复：与第 2 行相同/);
  assert.equal(dry.body.created, 1); // 东阿好局 (row 2) would be added, but nothing is written
  assert.ok(!(await donge('GET', '/units?region=371524')).body.items.some((u) => u.name === '东阿好局'));
});

test('roles and scope: a county admin in their county only; other roles not at all; bounded input', async () => {
  const x = await admin('GET', '/org/roster/export?region=371524');
  assert.equal(x.status, 200);
  assert.equal((await admin('GET', '/org/roster/export')).status, 400); // the city admin picks a county
  assert.equal((await admin('GET', '/org/roster/export?region=371500')).status, 422); // a city is not a county
  assert.equal((await donge('GET', '/org/roster/export?region=371525')).status, 404);
  assert.equal((await donge('POST', '/org/roster/import?region=371525&dry_run=true', new Uint8Array(x.body), XHDR)).status, 404);
  const coord = api(srv.base, await login(srv.base, 'dongezb'));
  assert.equal((await coord('GET', '/org/roster/template?region=371524')).status, 403);
  assert.equal((await coord('POST', '/org/roster/import?region=371524&dry_run=true', new Uint8Array(x.body), XHDR)).status, 403);
  const junk = await donge('POST', '/org/roster/import?dry_run=true', 'definitely not xlsx', XHDR);
  assert.equal(junk.status, 422);
  const big = await donge('POST', '/org/roster/import?dry_run=true', new Uint8Array(6 << 20), XHDR);
  assert.equal(big.status, 413);
  const none = await donge('POST', '/org/roster/import?dry_run=true', xlsx({ Sheet1: [['a']] }), XHDR);
  assert.equal(none.status, 422);
  assert.deepEqual(none.body.error.details[0].allowed, ['单位', '人员']);
  const rows = [UNIT_HEAD, ...Array.from({ length: 5001 }, (_, i) => [`局${i}`, '其他', ''])];
  const many = await donge('POST', '/org/roster/import?dry_run=true', xlsx({ 单位: rows }), XHDR);
  assert.equal(many.status, 422);
  assert.match(many.body.error.details[0].reason, /至多 5000 行/);
});
