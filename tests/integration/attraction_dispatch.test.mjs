// The half-monthly 双招双引 调度 sheet over HTTP: its figures are the summary's on the same day (a
// step dated after as_of does not count, on the sheet, the summary and the chain's leads signed
// alike), its half month (1–15 上半月, 16–end 下半月) holds the steps dated in it, the PDF renders
// with Chinese text, another county's region is 404; and the evidence files of a lead's steps
// (upload, list, download, scope, rights, type).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopCleanly, login, api, TODAY } from './server.mjs';
import { addDays } from './clock.mjs';
import { sheetNames, sheetRows } from './xlsx.mjs';

let srv, dong, guan, leader, viewer;

before(async () => {
  srv = await startServer();
  dong = api(srv.base, await login(srv.base, 'dongezb'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
  leader = api(srv.base, await login(srv.base, 'leader'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
});
after(async () => { if (srv) await stopCleanly(srv); });

const day = (n) => addDays(TODAY, -n);
// The half month holding a day, as the sheet names it.
function halfMonth(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d <= 15 ? '上半月' : '下半月'}`;
}
const figure = (rows, label) => (rows.find((r) => r[0] === label) || [])[1];

async function sheet(asOf, who = dong) {
  const r = await who('GET', `/attraction/dispatch?region=371524&as_of=${asOf}&format=xlsx`);
  assert.equal(r.status, 200, String(r.body));
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  return r;
}

let lead, chain;

test('the sheet shows the summary of its day; a step dated after it does not count', async () => {
  const chains = (await dong('GET', `/chains?region=371524&as_of=${TODAY}`)).body;
  chain = chains.find((c) => c.name === '钢球') ?? chains[0];
  const chainId = chain.id;
  const created = await dong('POST', '/leads', {
    title: '调度表测试钢球项目', region_code: '371524', investor_name: '调度测试投资有限公司', industry: '钢球',
    expected_investment: 150000000, created_on: day(30), chain_id: chainId,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  lead = created.body;
  let version = lead.version;
  for (const [step, n, extra] of [['negotiating', 20, {}], ['signed', 5, { contract_no: 'DDB-2026-001' }]]) {
    const r = await dong('POST', `/leads/${lead.id}/steps`, { version, step, dated_on: day(n), ...extra });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    version = r.body.version;
    lead = r.body;
  }
  const chainSigned = async (asOf) => (await dong('GET', `/chains/${chainId}/figures?as_of=${asOf}`)).body;
  for (const asOf of [day(10), TODAY]) {
    const sum = (await dong('GET', `/attraction/summary?region=371524&as_of=${asOf}`)).body;
    const x = await sheet(asOf);
    assert.match(decodeURIComponent(x.headers.get('content-disposition')), new RegExp(`双招双引调度表-东阿县-${halfMonth(asOf)}\\.xlsx`));
    assert.deepEqual(sheetNames(x.body), ['调度汇总', '本期进展', '领导招商活动', '产业链', '线索清单']);
    const rows = sheetRows(x.body, '调度汇总');
    assert.match(rows[0][0], new RegExp(`东阿县双招双引工作调度表（${halfMonth(asOf)}）`));
    assert.equal(figure(rows, '签约项目（个）'), sum.signed_count);
    assert.equal(figure(rows, '签约金额（万元）'), sum.signed_amount / 10000);
    assert.equal(figure(rows, '亿元以上签约项目（个）'), sum.signed_100m_count);
    assert.equal(figure(rows, '开工项目（个）'), sum.started_count);
    assert.equal(figure(rows, '到位资金（万元）'), sum.funds_in_place / 10000);
    assert.equal(figure(rows, '线索环节：洽谈'), sum.leads_by_step.negotiating);
    assert.equal(figure(rows, '线索环节：签约'), sum.leads_by_step.signed);
    assert.equal(figure(rows, '资金到位率'), sum.funds_rate === null ? '不适用' : sum.funds_rate);
    // The lead: 洽谈 ten days ago (its 签约 is dated later), 签约 today.
    const listed = sheetRows(x.body, '线索清单').find((r) => r[1] === '调度表测试钢球项目');
    assert.equal(listed[6], asOf === TODAY ? '签约' : '洽谈');
    assert.equal(listed[7], asOf === TODAY ? day(5) : day(20));
    // The chain's row and the chain page count the same leads signed.
    const chainRow = sheetRows(x.body, '产业链').find((r) => r[0] === chain.name);
    const cf = await chainSigned(asOf);
    assert.equal(chainRow[2], cf.leads_signed);
    assert.equal(chainRow[3], cf.leads_signed_amount / 10000);
  }
  const early = await chainSigned(day(10));
  const now = await chainSigned(TODAY);
  assert.equal(now.leads_signed, early.leads_signed + 1, 'the 签约 dated after day(10) counts only from its day');
  assert.equal(now.leads_signed_amount - early.leads_signed_amount, 150000000);
  const e = (await dong('GET', `/attraction/summary?region=371524&as_of=${day(10)}`)).body;
  const t = (await dong('GET', `/attraction/summary?region=371524&as_of=${TODAY}`)).body;
  assert.equal(t.signed_count, e.signed_count + 1);
});

test('the half month holds the steps dated in it; the PDF renders in Chinese', async () => {
  const x = await sheet(TODAY);
  const steps = sheetRows(x.body, '本期进展').slice(1);
  const [y, m, d] = TODAY.split('-').map(Number);
  const first = `${TODAY.slice(0, 8)}${d <= 15 ? '01' : '16'}`;
  assert.ok(steps.every((r) => r[0] >= first && r[0] <= TODAY), 'only steps of the half month');
  assert.equal(steps.some((r) => r[1] === '调度表测试钢球项目' && r[3] === '签约'), day(5) >= first);
  assert.ok(y && m);
  const pdf = await dong('GET', `/attraction/dispatch?region=371524&as_of=${TODAY}&format=pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-'));
  writeFileSync(join(dir, 's.pdf'), pdf.body);
  const text = spawnSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
  if (text.status === 0) {
    assert.match(text.stdout, /双招双引工作调度表/);
    assert.match(text.stdout, /调度表测试钢球项目/);
    assert.match(text.stdout, /县级领导招商活动/);
  }
});

test('scope and rights: another county is 404, a leader and the viewer read; a bad format is 400', async () => {
  assert.equal((await dong('GET', `/attraction/dispatch?region=371525&as_of=${TODAY}`)).status, 404);
  assert.equal((await guan('GET', `/attraction/dispatch?region=371524&as_of=${TODAY}`)).status, 404);
  assert.equal((await leader('GET', `/attraction/dispatch?region=371524&as_of=${TODAY}&format=pdf`)).status, 200);
  assert.equal((await viewer('GET', `/attraction/dispatch?region=371524&as_of=${TODAY}`)).status, 200);
  assert.equal((await dong('GET', `/attraction/dispatch?region=371524&format=doc`)).status, 400);
  assert.equal((await dong('GET', `/attraction/dispatch?region=371524&as_of=2026-13-01`)).status, 400);
});

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a step carries evidence files: upload, list, download, scoped like the lead', async () => {
  const signed = lead.steps.find((s) => s.step === 'signed');
  const up = await dong('POST', `/lead-steps/${signed.id}/attachments?name=${encodeURIComponent('投资协议.png')}`, new Uint8Array(PNG), { 'Content-Type': 'application/octet-stream' });
  assert.equal(up.status, 201, JSON.stringify(up.body));
  assert.equal(up.body.step_id, signed.id);
  assert.equal(up.body.file_name, '投资协议.png');
  const list = await dong('GET', `/leads/${lead.id}/attachments`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((a) => a.id), [up.body.id]);
  const got = await dong('GET', `/lead-attachments/${up.body.id}`);
  assert.equal(got.status, 200);
  assert.ok(Buffer.compare(got.body, PNG) === 0);
  assert.equal((await viewer('GET', `/lead-attachments/${up.body.id}`)).status, 200);
  // Another county does not see it; a leader reads but does not add; text is not evidence.
  assert.equal((await guan('GET', `/lead-attachments/${up.body.id}`)).status, 404);
  assert.equal((await guan('GET', `/leads/${lead.id}/attachments`)).status, 404);
  assert.equal((await guan('POST', `/lead-steps/${signed.id}/attachments`, new Uint8Array(PNG))).status, 404);
  assert.equal((await leader('POST', `/lead-steps/${signed.id}/attachments`, new Uint8Array(PNG))).status, 403);
  assert.equal((await dong('POST', `/lead-steps/${signed.id}/attachments`, 'not a file')).status, 422);
  assert.equal((await dong('POST', '/lead-steps/999999/attachments', new Uint8Array(PNG))).status, 404);
  // A problem's attachment route does not serve lead evidence.
  assert.equal((await dong('GET', `/attachments/${up.body.id}`)).status, 404);
});
