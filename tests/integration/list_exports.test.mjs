// Excel exports of the supervision lists (issue 13 item 6) and the ledger import template, against
// a real server on the demo database (clock pinned at 2026-06-15, clock.mjs). Each export answers
// the rows its list answers for the same parameters and the same caller, with Chinese headers,
// codes in Chinese and numbers as numbers; the file is named after the list and the as-of date.
// Expected counts are the demo's seeds: 东阿县 has 150 projects (demo.cpp Counties), 14 problems
// of which 5 are assigned to 工业和信息化局 (supervision_demo.cpp kProblems), 5 targets of its own
// and one of 聊城市 (progress_demo.cpp Targets); 冠县 has 30 projects and none of those.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, login, api, stopCleanly, TODAY } from './server.mjs';
import { readXlsx } from './xlsx.mjs';

const GEN = new URL('./write_xlsx.py', import.meta.url).pathname;
const XHDR = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

let srv, dir, coord, unit, guan;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-exports-'));
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
  unit = api(srv.base, await login(srv.base, 'unit'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
});
after(async () => {
  await stopCleanly(srv);
  fs.rmSync(dir, { recursive: true, force: true });
});

// The one sheet of an export, with its file name (from Content-Disposition).
async function exported(who, url) {
  const r = await who('GET', url);
  assert.equal(r.status, 200, `${url}: ${String(r.body)}`);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(r.headers.get('content-disposition'))[1]);
  const sheets = readXlsx(r.body);
  const [sheet] = Object.keys(sheets);
  return { name, sheet, header: sheets[sheet][0], rows: sheets[sheet].slice(1) };
}
const col = (x, label) => x.header.indexOf(label);

test('问题清单: the list\'s rows with Chinese headers, statuses and categories; a unit\'s own, another county none', async () => {
  const x = await exported(coord, '/problems/export');
  assert.equal(x.name, `问题清单-${TODAY}.xlsx`);
  assert.deepEqual(x.header, ['编号', '问题类别', '问题描述', '项目编号', '项目名称', '状态', '责任单位', '协调领导',
    '提出日期', '办结时限', '逾期天数', '督办升级', '销号日期', '暂缓原因']);
  assert.equal(x.rows.length, 14);
  const list = await coord('GET', '/problems');
  assert.deepEqual(x.rows.map((r) => r[0]), list.body.items.map((p) => p.id), 'the list\'s problems, in its order');
  const statuses = new Set(x.rows.map((r) => r[col(x, '状态')]));
  for (const s of ['已提出', '已交办', '已签收', '待核销', '已退回', '已销号', '暂缓']) assert.ok(statuses.has(s), s);
  assert.ok(x.rows.every((r) => typeof r[col(x, '提出日期')] === 'number'), 'dates are dates (Excel serials)');
  assert.ok(x.rows.some((r) => r[col(x, '问题类别')] === '土地'));

  // The unit's board opens on its own problems (?unit=): 5 seeded for 工业和信息化局.
  const me = await unit('GET', '/auth/me');
  const unitId = me.body.roles.find((r) => r.unit_id).unit_id;
  const own = await exported(unit, `/problems/export?unit=${unitId}`);
  const ownList = await unit('GET', `/problems?unit=${unitId}`);
  assert.equal(own.rows.length, 5);
  assert.deepEqual(own.rows.map((r) => r[0]), ownList.body.items.map((p) => p.id));
  assert.ok(own.rows.every((r) => r[col(own, '责任单位')] === '工业和信息化局'));
  const overdue = await exported(coord, '/problems/export?overdue=true');
  assert.equal(overdue.rows.length, (await coord('GET', '/problems?overdue=true')).body.items.length);
  assert.ok(overdue.rows.every((r) => r[col(overdue, '逾期天数')] > 0));

  // 冠县's office reads none of 东阿县's problems: its own three (the demo's 冠县 problems) alone.
  const theirs = await exported(guan, '/problems/export');
  assert.equal(theirs.rows.length, 3);
  assert.ok(theirs.rows.every((r) => String(r[col(theirs, '项目编号')]).startsWith('GX')), 'only 冠县 projects');
  // A malformed parameter is the list's 400.
  assert.equal((await coord('GET', '/problems/export?unit=abc')).status, 400);
  assert.equal((await coord('GET', '/problems/export?as_of=2026-13-01')).status, 400);
});

test('一张表: every project\'s report of the period, pending ones included; 我的项目 as the list has them', async () => {
  const x = await exported(coord, '/reports/export');
  const list = await coord('GET', '/reports');
  assert.equal(x.name, `一张表-${list.body.period}.xlsx`);
  assert.deepEqual(x.header, ['项目编号', '项目名称', '镇街', '责任单位', '报告期', '应报日期', '年度计划投资(万元)',
    '本期完成投资(万元)', '本年累计完成投资(万元)', '形象进度', '存在问题', '用工人数', '状态', '报送情况']);
  assert.equal(x.rows.length, 150, 'one report task per project of 东阿县');
  assert.deepEqual(x.rows.map((r) => r[0]), list.body.items.map((i) => i.project_code));
  assert.ok(x.rows.every((r) => ['待填报', '草稿', '已提交', '已退回', '已审核'].includes(r[col(x, '状态')])));
  assert.ok(x.rows.every((r) => r[col(x, '年度计划投资(万元)')] === '' || typeof r[col(x, '年度计划投资(万元)')] === 'number'));
  // A past period: the reports not filed by their due date say so.
  const past = await exported(coord, '/reports/export?period=2026-W20');
  const pastList = await coord('GET', '/reports?period=2026-W20');
  assert.equal(past.rows.length, pastList.body.items.length);
  const unfiled = pastList.body.items.filter((i) => !['submitted', 'approved'].includes(i.status)).length;
  assert.equal(past.rows.filter((r) => r[col(past, '报送情况')] === '逾期未报').length, unfiled);
  // The unit's own projects (mine=true): exactly the list's rows.
  const mine = await exported(unit, '/reports/export?mine=true');
  const mineList = await unit('GET', '/reports?mine=true');
  assert.ok(mineList.body.items.length > 0 && mineList.body.items.length < 150);
  assert.deepEqual(mine.rows.map((r) => r[0]), mineList.body.items.map((i) => i.project_code));
  assert.equal((await exported(guan, '/reports/export')).rows.length, (await guan('GET', '/reports')).body.items.length);
});

test('红黄绿灯: the whole filtered list, red first, lights and stages in Chinese', async () => {
  const x = await exported(coord, '/lights/export');
  assert.equal(x.name, `红黄绿灯-${TODAY}.xlsx`);
  assert.deepEqual(x.header, ['灯色', '项目编号', '项目名称', '县区', '镇街', '责任单位', '项目阶段', '年度计划投资(万元)',
    '本年完成投资(万元)', '序时进度', '投资完成率', '亮灯规则', '原因']);
  assert.equal(x.rows.length, 150);
  const all = await coord('GET', '/lights?limit=0');
  assert.deepEqual(x.rows.map((r) => r[1]), all.body.items.map((i) => i.code));
  assert.ok(x.rows.every((r) => ['红灯', '黄灯', '绿灯'].includes(r[0])));
  assert.ok(x.rows.every((r) => !/^[a-z_]+$/.test(r[col(x, '项目阶段')])), 'stages by their dictionary names');
  const red = await exported(coord, '/lights/export?light=red&limit=5');
  const redList = await coord('GET', '/lights?light=red&limit=0');
  assert.equal(red.rows.length, redList.body.total_count, 'the export is the whole list, not a page');
  assert.ok(red.rows.every((r) => r[0] === '红灯'));
  assert.equal((await exported(guan, '/lights/export')).rows.length, 30, '冠县\'s 30 projects');
  assert.equal((await coord('GET', '/lights/export?light=blue')).status, 400);
});

test('目标: the list\'s targets; past their deadline the deadline\'s value and 已完成 or 已到期未完成, no forecast', async () => {
  const x = await exported(coord, '/targets/export');
  assert.equal(x.name, `目标-${TODAY}.xlsx`);
  assert.deepEqual(x.header, ['目标名称', '考核要求', '适用项目', '期限', '单位', '当前值', '分子', '分母', '预计到期值', '状态']);
  assert.equal(x.rows.length, 8, '东阿县\'s five and its three of issue 15 (funds, 外资, “420”); 聊城市\'s target is not in the county\'s scope');
  assert.ok(x.rows.every((r) => typeof r[col(x, '预计到期值')] === 'number'), 'before their deadlines: a forecast');

  const later = await exported(coord, '/targets/export?as_of=2026-12-07');
  assert.equal(later.name, '目标-2026-12-07.xlsx');
  const list = await coord('GET', '/targets?as_of=2026-12-07');
  const past = list.body.items.filter((t) => t.deadline < '2026-12-07');
  assert.equal(past.length, 2, 'the 06-30 and 09-30 targets');
  for (const t of past) {
    assert.ok(['met', 'missed'].includes(t.status), t.name);
    assert.equal(t.projected, t.value, 'no forecast past the deadline');
    const row = later.rows.find((r) => r[0] === t.name);
    assert.equal(row[col(later, '预计到期值')], '');
    assert.equal(row[col(later, '状态')], t.status === 'met' ? '已完成' : '已到期未完成');
    assert.equal(row[col(later, '当前值')], t.value);
  }
  // 冠县's office: its own demo target, none of 东阿县's.
  const theirs = await exported(guan, '/targets/export');
  assert.deepEqual(theirs.rows.map((r) => r[0]), ['冠县：6月30日前新开工项目开工率达到50%']);
});

test('the ledger import template: the importer\'s headers, a 说明 of every column; two rows filled in import in a dry run', async () => {
  const r = await coord('GET', '/projects/import/template');
  assert.equal(r.status, 200, String(r.body));
  assert.match(decodeURIComponent(r.headers.get('content-disposition')), /重点项目台账-导入模板\.xlsx/);
  const book = readXlsx(r.body);
  assert.deepEqual(Object.keys(book), ['重点项目', '说明']);
  const [header, sample] = book['重点项目'];
  assert.deepEqual(header, ['项目编号', '项目名称', '县区', '镇街', '项目类别', '项目级别', '建设性质', '项目类型', '项目阶段',
    '总投资(万元)', '年度计划投资(万元)', '年度完成投资(万元)', '占地(亩)', '建设单位', '包保领导', '责任单位', '项目专员', '产业链',
    '计划开工日期', '实际开工日期', '计划竣工日期', '实际竣工日期', '建设内容', '建设单位统一社会信用代码']);
  const notes = book['说明'];
  assert.deepEqual(notes[0], ['列名', '是否必填', '填写说明', '可选值', '单位']);
  const note = (label) => notes.find((n) => n[0] === label);
  for (const h of header) assert.ok(note(h), `说明 names ${h}`);
  assert.equal(note('项目编号')[1], '必填');
  assert.equal(note('建设单位')[1], '选填');
  assert.match(note('项目阶段')[3], /开工/);
  assert.match(note('县区')[3], /东阿县/);
  assert.equal(note('总投资(万元)')[4], '万元');

  // Two projects written under the template's header (the sample's values where they fit).
  const cell = (row, label) => row[header.indexOf(label)];
  const fill = (code, name) => header.map((h) => ({ 项目编号: code, 项目名称: name }[h] ?? cell(sample, h) ?? ''));
  const file = path.join(dir, 'filled.xlsx');
  const w = spawnSync('python3', [GEN, file], {
    input: JSON.stringify({ 重点项目: [header, fill('MB-2026-901', '模板导入项目一'), fill('MB-2026-902', '模板导入项目二')] }),
    encoding: 'utf8',
  });
  assert.equal(w.status, 0, w.stderr);
  const dry = await coord('POST', '/projects/import?dry_run=true', new Uint8Array(fs.readFileSync(file)), XHDR);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.deepEqual(dry.body.problems, []);
  assert.equal(dry.body.rows, 2);
  assert.equal(dry.body.created, 2);

  // Only a caller who may import gets it.
  assert.equal((await unit('GET', '/projects/import/template')).status, 403);
});

// The lists of 双招双引 and 链长制 (issue 15 pages under issue 13 item 6): each export holds the rows its
// list answers for the same caller and filters; another county's coordinator gets none of 东阿's.
test('企业库, 链长制 and 招商活动: the list\'s rows in Excel, Chinese headers and labels', async () => {
  const all = [];
  for (let offset = 0; ; offset += 200) {
    const page = (await coord('GET', `/enterprises?region=371524&limit=200&offset=${offset}`)).body;
    all.push(...page.items);
    if (!page.items.length || all.length >= page.total_count) break;
  }
  const ent = await exported(coord, '/enterprises/export?region=371524');
  assert.equal(ent.name, `企业库-${TODAY}.xlsx`);
  assert.deepEqual(ent.header.slice(0, 3), ['企业名称', '统一社会信用代码', '县（市、区）']);
  assert.deepEqual(ent.rows.map((r) => r[1]), all.map((e) => e.credit_code), 'every enterprise of the list, in its order');
  const backbone = all.filter((e) => (e.tags || []).includes('backbone')).map((e) => e.credit_code);
  if (backbone.length) assert.match(ent.rows.find((r) => r[1] === backbone[0])[col(ent, '标签')], /骨干企业/);
  const tagged = await exported(coord, '/enterprises/export?region=371524&tag=backbone');
  assert.equal(tagged.rows.length, backbone.length, 'the filter applies');

  const chains = (await coord('GET', `/chains?region=371524&as_of=${TODAY}`)).body;
  const ch = await exported(coord, '/chains/export?region=371524');
  assert.equal(ch.name, `链长制-${TODAY}.xlsx`);
  assert.deepEqual(ch.rows.map((r) => r[0]), chains.map((c) => c.name));
  assert.deepEqual(ch.rows.map((r) => r[col(ch, '项目数')]), chains.map((c) => c.figures.projects));
  const other = await exported(guan, '/chains/export?region=371525');
  assert.ok(other.rows.every((r) => !chains.some((c) => c.name === r[0] && r[1] === '东阿县')), '冠县 sees its own');

  const events = (await coord('GET', '/promotion-events?region=371524')).body.items;
  const ev = await exported(coord, '/promotion-events/export?region=371524');
  assert.equal(ev.name, '招商活动-2026-01-01至2026-12-31.xlsx');
  assert.equal(ev.rows.length, events.length);
  assert.ok(ev.rows.length > 0);
  const kinds = new Set(ev.rows.map((r) => r[col(ev, '活动类型')]));
  for (const k of kinds) assert.match(k, /^(产业专题|小团组|展会|以商招商)$/);
  assert.ok(ev.rows.every((r) => typeof r[0] === 'number'), 'dates are dates (Excel serials)');
});
