// The land-efficiency API against a real server process: import (CSV and xlsx, dry run with every
// problem), the workflow, a run whose export is byte-identical to `gongjian evaluate land` on the
// same file, adjustments with versions (409), scope (404) and permissions (403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, login, api, BIN, stopCleanly } from './server.mjs';

const GEN = new URL('../../bench/land_gen.py', import.meta.url).pathname;
const YEAR = 2023;
let srv, coord, viewer, guan, dir;

before(async () => {
  // GONGJIAN_IT_DB=postgresql://…/emptydb runs the same test on PostgreSQL.
  // The input files first: generating them blocks the event loop for seconds, which must not
  // happen while fetch holds keep-alive sockets to the server.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-land-api-'));
  for (const f of ['in.csv', 'in.xlsx']) {
    const r = spawnSync('python3', [GEN, '3000', path.join(dir, f)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  srv = await startServer({ db: process.env.GONGJIAN_IT_DB || undefined });
  coord = api(srv.base, await login(srv.base, 'dongezb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
});
after(() => stopCleanly(srv));

const q = `county=371524&year=${YEAR}`;

test('the demo has a published evaluation of 东阿县', async () => {
  const runs = await coord('GET', '/land/runs?county=371524');
  assert.equal(runs.status, 200);
  assert.equal(runs.body.items[0].state, 'published');
  const run = await coord('GET', `/land/runs/${runs.body.items[0].id}?class=A`);
  assert.equal(run.body.enterprises, 200);
  assert.ok(run.body.results.length > 0 && run.body.results.every((r) => r.final_class === 'A'));
  assert.equal(run.body.appeals.length, 1);
  assert.equal(run.body.adjustments.length, 1);
  const other = await guan('GET', `/land/runs/${runs.body.items[0].id}`);
  assert.equal(other.status, 404);
});

test('run results page with offset and limit; every result without a limit', async () => {
  const id = (await coord('GET', '/land/runs?county=371524')).body.items[0].id;
  const all = (await coord('GET', `/land/runs/${id}`)).body;
  assert.equal(all.total_count, all.results.length);
  assert.equal(all.results.length, 200);
  const page = (await coord('GET', `/land/runs/${id}?offset=10&limit=25`)).body;
  assert.equal(page.total_count, 200);
  assert.deepEqual(page.results, all.results.slice(10, 35));
  assert.deepEqual(page.counts, all.counts, 'counts are of the whole run, not the page');
  const a = (await coord('GET', `/land/runs/${id}?class=A&limit=3`)).body;
  assert.equal(a.total_count, all.results.filter((r) => r.final_class === 'A').length);
  assert.ok(a.results.length <= 3 && a.results.every((r) => r.final_class === 'A'));
  const bad = await coord('GET', `/land/runs/${id}?offset=-1&limit=5000`);
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.error.details.map((d) => d.field).sort(), ['limit', 'offset']);
});

test('import: dry run lists every problem with row and column; nothing written', async () => {
  const lines = fs.readFileSync(path.join(dir, 'in.csv'), 'utf8').split('\n');
  lines[3] = lines[3].replace(/^(.{17})./, '$1Z');           // bad check character
  lines[10] = lines[10].split(',').map((c, i) => (i === 6 ? 'abc' : c)).join(','); // land_mu
  const bad = lines.join('\n');
  const dry = await coord('POST', `/land/import?${q}&dry_run=true`, bad);
  assert.equal(dry.status, 200);
  assert.deepEqual(dry.body.problems.map((p) => [p.row, p.column]), [[4, 'credit_code'], [11, 'land_mu']]);
  const real = await coord('POST', `/land/import?${q}`, bad);
  assert.equal(real.status, 422);
  assert.equal(real.body.error.details.length, 2);
  assert.equal(real.body.error.details[0].row, 4);
  const data = await coord('GET', `/land/data?${q}`);
  assert.equal(data.body.items.length, 0);
  const xlsx = await coord('POST', `/land/import?${q}&dry_run=true`, fs.readFileSync(path.join(dir, 'in.xlsx')));
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.body.rows, 3000);
  assert.deepEqual(xlsx.body.problems, []);
  const v = await viewer('POST', `/land/import?${q}&dry_run=true`, bad);
  assert.equal(v.status, 403);
});

test('import → review → confirm → run: the export equals the CLI output byte for byte', async () => {
  const csv = fs.readFileSync(path.join(dir, 'in.csv'));
  const imp = await coord('POST', `/land/import?${q}`, csv);
  assert.equal(imp.status, 200, JSON.stringify(imp.body));
  assert.equal(imp.body.created, 3000);
  const early = await coord('POST', '/land/runs', { county_code: '371524', year: YEAR });
  assert.equal(early.status, 409);
  for (const action of ['review', 'confirm']) {
    const r = await coord('POST', '/land/data/actions', { county_code: '371524', year: YEAR, action });
    assert.equal(r.body.changed, 3000);
  }
  const run = await coord('POST', '/land/runs', { county_code: '371524', year: YEAR });
  assert.equal(run.status, 201);
  const exp = await coord('GET', `/land/runs/${run.body.id}/export?format=csv`);
  assert.equal(exp.status, 200);
  const cli = spawnSync(BIN, ['evaluate', 'land', '--input', path.join(dir, 'in.csv'), '-o', path.join(dir, 'cli.csv')], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.ok(Buffer.compare(exp.body, fs.readFileSync(path.join(dir, 'cli.csv'))) === 0, 'server export equals the CLI output');
  const x = await coord('GET', `/land/runs/${run.body.id}/export?format=xlsx`);
  assert.equal(x.status, 200);
  assert.equal(x.body.subarray(0, 2).toString(), 'PK');
});

test('adjust with versions, card, journal, publish and appeal window', async () => {
  const runs = await coord('GET', `/land/runs?${q}`);
  const id = runs.body.items[0].id;
  const run = (await coord('GET', `/land/runs/${id}?class=C&group=above`)).body;
  const target = run.results[0];
  const adj = await coord('POST', `/land/runs/${id}/actions`, { action: 'adjust', credit_code: target.credit_code, class: 'B', reason: '核实后上调', version: run.version });
  assert.equal(adj.status, 200);
  const stale = await coord('POST', `/land/runs/${id}/actions`, { action: 'adjust', credit_code: target.credit_code, class: 'A', reason: 'x', version: run.version });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'conflict');
  const card = await coord('GET', `/land/runs/${id}/enterprises/${target.credit_code}`);
  assert.equal(card.body.final_class, 'B');
  assert.equal(card.body.class, 'C');
  assert.equal(card.body.indicators.length, 5);
  assert.equal(card.body.adjustments[0].reason, '核实后上调');
  const journal = await coord('GET', `/land/runs/${id}/journal`);
  assert.equal(journal.body.items[0].action, 'adjust');
  const vp = await viewer('POST', `/land/runs/${id}/actions`, { action: 'preliminary', version: adj.body.version });
  assert.equal(vp.status, 403);
  const pre = await coord('POST', `/land/runs/${id}/actions`, { action: 'preliminary', version: adj.body.version });
  const pub = await coord('POST', `/land/runs/${id}/actions`, { action: 'publish', published_on: '2020-01-01', version: pre.body.version });
  assert.equal(pub.body.appeal_until, '2020-01-05');
  const late = await coord('POST', `/land/runs/${id}/actions`, { action: 'appeal', credit_code: target.credit_code, reason: 'r', version: pub.body.version });
  assert.equal(late.status, 409);
  const fin = await coord('POST', `/land/runs/${id}/actions`, { action: 'finalize', version: pub.body.version });
  assert.equal(fin.status, 200);
  assert.equal(fin.body.state, 'final');
  const ledger = await coord('GET', `/land/runs/${id}/policy-ledger`);
  assert.ok(ledger.body.final && ledger.body.items.length > 2000);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.ok(doc.paths['/api/v1/land/runs/{id}/enterprises/{credit_code}']);
});

// ---- the import template and the data export (issue 13) ----

const WRITE_XLSX = new URL('./write_xlsx.py', import.meta.url).pathname;
const XHDR = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(n) {
  const body = '91371524MA9' + String(n).padStart(6, '0');
  const sum = [...body].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

// The sheets of a workbook as {name: rows of text cells} (stdlib zip + XML, cells placed by their reference).
const READ_XLSX = `
import json, re, sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
ss = []
if 'xl/sharedStrings.xml' in z.namelist():
    ss = [''.join(t.text or '' for t in si.iter(M + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M + 'si')]
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
out = {}
for s in ET.fromstring(z.read('xl/workbook.xml')).find(M + 'sheets'):
    target = rels[s.get(R + 'id')].lstrip('/')
    part = target if target.startswith('xl/') else 'xl/' + target
    rows = []
    for row in ET.fromstring(z.read(part)).iter(M + 'row'):
        cells = []
        for c in row.findall(M + 'c'):
            col = 0
            for ch in re.match('[A-Z]+', c.get('r')).group(0):
                col = col * 26 + ord(ch) - 64
            v = c.find(M + 'v')
            isv = c.find(M + 'is')
            text = ss[int(v.text)] if c.get('t') == 's' else (''.join(t.text or '' for t in isv.iter(M + 't')) if isv is not None else (v.text if v is not None else ''))
            cells += [''] * (col - 1 - len(cells)) + [text]
        rows.append(cells)
    out[s.get('name')] = rows
print(json.dumps(out, ensure_ascii=False))
`;
function readXlsx(bytes) {
  const f = path.join(dir, `read-${Date.now()}.xlsx`);
  fs.writeFileSync(f, bytes);
  const r = spawnSync('python3', ['-c', READ_XLSX, f], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
function writeXlsx(sheets) {
  const f = path.join(dir, `write-${Date.now()}.xlsx`);
  const r = spawnSync('python3', [WRITE_XLSX, f], { input: JSON.stringify(sheets), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(f);
}

const LABELS = ['统一社会信用代码', '企业名称', '县区', '镇街', '行业代码', '是否规上', '用地面积(亩)', '税收(万元)', '营业收入(万元)',
  '工业增加值(万元)', '综合能耗(吨标煤)', '排放当量(吨)', '研发经费(万元)', '年平均职工人数', '用电量(千瓦时)', '加分', '减分', '一票否决', '不定等级'];

test('the import template: the importer\'s Chinese headers, a 说明 sheet with a sample row; filled, it imports; the export imports back', async () => {
  const t = await coord('GET', '/land/import/template?county=371524');
  assert.equal(t.status, 200, String(t.body));
  assert.match(t.headers.get('content-type'), /spreadsheetml/);
  assert.match(decodeURIComponent(t.headers.get('content-disposition')), /亩产效益导入模板-东阿县\.xlsx/);
  const book = readXlsx(t.body);
  assert.deepEqual(Object.keys(book), ['企业数据', '说明']);
  assert.deepEqual(book['企业数据'], [LABELS], 'the header row only: nothing is imported by accident');
  const notes = book['说明'];
  const table = notes.findIndex((r) => r[0] === '列名');
  assert.ok(table > 0, 'the 说明 sheet lists the columns');
  const columns = notes.slice(table + 1, table + 1 + LABELS.length);
  assert.deepEqual(columns.map((r) => r[0]), LABELS);
  assert.ok(columns.every((r) => /^(必填|选填)$/.test(r[1]) && r[2]), 'each column says whether it is required and what it takes');
  const sample = columns.map((r) => r[3] || '');
  assert.match(sample[0], /^[0-9A-Z]{18}$/);

  // Imported as it is: nothing.
  const empty = await coord('POST', '/land/import?county=371524&year=2022&dry_run=true', new Uint8Array(t.body), XHDR);
  assert.equal(empty.status, 200, JSON.stringify(empty.body));
  assert.equal(empty.body.rows, 0);

  // Filled under its own header (the sample row and two more), it imports.
  const row = (n, name, above) => LABELS.map((l) => ({ 统一社会信用代码: creditCode(n), 企业名称: name, 镇街: '刘集镇', 行业代码: '3311', 是否规上: above ? '是' : '否',
    '用地面积(亩)': String(10 + n), '税收(万元)': String(5 * n), '营业收入(万元)': String(300 * n), 一票否决: '否' })[l] ?? '');
  const filled = writeXlsx({ 企业数据: [book['企业数据'][0], sample, row(1, '模板测试一号有限公司', true), row(2, '模板测试二号有限公司', false)], 说明: notes });
  const dry = await coord('POST', '/land/import?county=371524&year=2022&dry_run=true', filled, XHDR);
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.deepEqual(dry.body.problems, []);
  assert.equal(dry.body.rows, 3);
  const real = await coord('POST', '/land/import?county=371524&year=2022', filled, XHDR);
  assert.equal(real.status, 200, JSON.stringify(real.body));
  assert.equal(real.body.created + real.body.updated, 3);
  const data = (await coord('GET', '/land/data?county=371524&year=2022')).body.items;
  assert.deepEqual(data.map((d) => d.name).sort(), [columns[1][3], '模板测试一号有限公司', '模板测试二号有限公司'].sort());

  // The data list as Excel: the same workbook with the rows; imported again it changes no figure.
  const x = await coord('GET', '/land/data/export?county=371524&year=2022');
  assert.equal(x.status, 200);
  assert.match(decodeURIComponent(x.headers.get('content-disposition')), /亩产效益企业数据-东阿县-2022\.xlsx/);
  const exported = readXlsx(x.body)['企业数据'];
  assert.deepEqual(exported[0], LABELS);
  assert.equal(exported.length, 4);
  const again = await coord('POST', '/land/import?county=371524&year=2022&dry_run=true', new Uint8Array(x.body), XHDR);
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.deepEqual([again.body.rows, again.body.created, again.body.updated, again.body.problems], [3, 0, 3, []]);
  await coord('POST', '/land/import?county=371524&year=2022', new Uint8Array(x.body), XHDR);
  const after = (await coord('GET', '/land/data?county=371524&year=2022')).body.items;
  const figures = (list) => list.map(({ id, version, state, actions, ...rest }) => rest).sort((a, b) => a.credit_code.localeCompare(b.credit_code));
  assert.deepEqual(figures(after), figures(data));
});

test('the template and the export are scope-checked like the data: 404 for a county out of scope, 400 without a year', async () => {
  assert.equal((await guan('GET', '/land/import/template?county=371524')).status, 404);
  assert.equal((await guan('GET', '/land/data/export?county=371524&year=2022')).status, 404);
  assert.equal((await coord('GET', '/land/import/template?county=371500')).status, 404, 'a city is not a county');
  assert.equal((await coord('GET', '/land/data/export?county=371524')).status, 400);
  assert.equal((await viewer('GET', '/land/import/template?county=371524')).status, 200);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.ok(doc.paths['/api/v1/land/import/template'] && doc.paths['/api/v1/land/data/export']);
});
