// 双招双引 over HTTP and the CLI: the summary's exact keys; its figures recomputed here from the
// leads' dated steps and funds (an independent implementation of the rule: a step dated after the
// day does not count, ended leads count under "ended", signed_* whatever came later); a lead walked
// by the 冠县 office from 线索 to 投产 with monthly funds; scope (404), rights (403), stale (409)
// and step rules (422); `gongjian metrics attraction` printing exactly the listed keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, stopCleanly, login, api, BIN, TODAY } from './server.mjs';
import { addDays } from './clock.mjs';

const STEPS = ['lead', 'negotiating', 'signed', 'registered', 'started', 'operating'];
const KEYS = ['leads_by_step', 'signed_count', 'signed_amount', 'signed_100m_count', 'signed_100m_amount',
  'started_count', 'funds_in_place', 'funds_in_place_usd'];

let srv, city, dong, guan, leader;

before(async () => {
  srv = await startServer();
  city = api(srv.base, await login(srv.base, 'lcxmb'));
  dong = api(srv.base, await login(srv.base, 'dongezb'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
  leader = api(srv.base, await login(srv.base, 'leader'));
});
after(async () => { if (srv) await stopCleanly(srv); });

// The figures of `leads` (each with its steps and funds) on `asOf`, computed here.
function expected(leads, asOf) {
  const out = { leads_by_step: Object.fromEntries([...STEPS, 'ended'].map((s) => [s, 0])), signed_count: 0,
    signed_amount: 0, signed_100m_count: 0, signed_100m_amount: 0, started_count: 0, funds_in_place: 0,
    funds_in_place_usd: 0 };
  for (const l of leads) {
    if (l.created_on > asOf) continue;
    const dated = l.steps.filter((s) => s.dated_on <= asOf);
    const furthest = Math.max(0, ...dated.map((s) => STEPS.indexOf(s.step)));
    const ended = dated.some((s) => s.step === 'ended');
    out.leads_by_step[ended ? 'ended' : STEPS[furthest]] += 1;
    if (dated.some((s) => s.step === 'signed')) {
      out.signed_count += 1;
      out.signed_amount += l.expected_investment;
      if (l.expected_investment >= 100000000) {
        out.signed_100m_count += 1;
        out.signed_100m_amount += l.expected_investment;
      }
    }
    if (dated.some((s) => s.step === 'started')) out.started_count += 1;
    for (const f of l.funds) {
      if (f.month > asOf.slice(0, 7)) continue;
      out.funds_in_place += f.fixed_assets + f.working_capital;
      out.funds_in_place_usd += f.foreign_usd;
    }
  }
  return out;
}

async function leadsOf(who, region) {
  const list = await who('GET', `/leads?region=${region}&as_of=2100-01-01`);
  assert.equal(list.status, 200);
  return Promise.all(list.body.items.map(async (l) => (await who('GET', `/leads/${l.id}`)).body));
}

const figures = (b) => Object.fromEntries(KEYS.map((k) => [k, b[k]]));

test('the summary has the exact keys and agrees with the dated steps of the demo, at several days', async () => {
  const leads = await leadsOf(city, '371524');
  assert.ok(leads.length >= 10, 'the demo has leads in 东阿县');
  for (const s of STEPS) assert.ok(leads.some((l) => l.step === s), `a demo lead at ${s}`);
  for (const asOf of [TODAY, addDays(TODAY, -30), addDays(TODAY, -90), addDays(TODAY, -400)]) {
    const r = await city('GET', `/attraction/summary?region=371524&as_of=${asOf}`);
    assert.equal(r.status, 200);
    for (const k of KEYS) assert.ok(k in r.body, `key ${k}`);
    assert.deepEqual(Object.keys(r.body.leads_by_step).sort(), [...STEPS, 'ended'].sort());
    assert.deepEqual(figures(r.body), expected(leads, asOf), `as of ${asOf}`);
  }
  // The city sums its counties.
  const both = [...leads, ...(await leadsOf(city, '371525'))];
  const all = await city('GET', `/attraction/summary?region=371500&as_of=${TODAY}`);
  assert.deepEqual(figures(all.body), expected(both, TODAY));
  assert.ok(all.body.signed_count > 0 && all.body.funds_in_place > 0);
  assert.ok('performance_rate' in all.body && 'funds_rate' in all.body);
});

test('a region outside the caller’s scope is 404; a leader reads but does not write', async () => {
  assert.equal((await dong('GET', `/attraction/summary?region=371525&as_of=${TODAY}`)).status, 404);
  assert.equal((await dong('GET', '/leads?region=371525')).status, 404);
  assert.equal((await leader('GET', `/attraction/summary?region=371524&as_of=${TODAY}`)).status, 200);
  const mine = await leader('GET', '/leads?mine=true');
  assert.equal(mine.status, 200);
  assert.ok(mine.body.items.length > 0 && mine.body.items.every((l) => l.leader_name === '王海涛'));
  const r = await leader('POST', '/leads', { title: '试', region_code: '371524', investor_name: '某公司' });
  assert.equal(r.status, 403);
});

test('the 冠县 office walks a lead from 线索 to 投产 with monthly funds; later steps do not count earlier', async () => {
  const day = (n) => addDays(TODAY, -n);
  const before = (await guan('GET', `/attraction/summary?region=371525&as_of=${TODAY}`)).body;
  const created = await guan('POST', '/leads', {
    title: '冠县高端轴承钢球项目', region_code: '371525', investor_name: '江苏力星通用钢球股份有限公司',
    source_region: '江苏省南通市', industry: '钢球', expected_investment: 320000000, created_on: day(120),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  assert.equal(created.body.step, 'lead');
  let version = created.body.version;
  const step = async (body) => {
    const r = await guan('POST', `/leads/${id}/steps`, { version, ...body });
    if (r.status === 200) version = r.body.version;
    return r;
  };
  // Forward only, one at a time, never before the previous step, a contract to sign.
  assert.equal((await step({ step: 'signed', dated_on: day(100), contract_no: 'GX-1' })).status, 422);
  assert.equal((await step({ step: 'negotiating', dated_on: day(121) })).status, 422);
  assert.equal((await step({ step: 'negotiating', dated_on: day(100) })).status, 200);
  assert.equal((await step({ step: 'signed', dated_on: day(90) })).status, 422);
  const stale = await guan('POST', `/leads/${id}/steps`, { version: version - 1, step: 'signed', dated_on: day(90), contract_no: 'GX-1' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.version, version);
  assert.equal((await step({ step: 'signed', dated_on: day(90), contract_no: 'GX-1' })).status, 200);
  // The signed lead becomes a ledger project: same name, builder (the investor) and amount.
  const made = await guan('POST', `/leads/${id}/project`, { version, code: 'GXZS-2026-01' });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  version = made.body.version;
  const project = (await guan('GET', `/projects/${made.body.project_id}`)).body;
  assert.equal(project.code, 'GXZS-2026-01');
  assert.equal(project.builder, '江苏力星通用钢球股份有限公司');
  assert.equal(project.total_investment, 320000000);
  assert.equal(project.stage, 'signed');
  assert.equal((await guan('POST', `/leads/${id}/project`, { version, code: 'GXZS-2026-02' })).status, 422);
  const p = await guan('POST', `/leads/${id}/pause`, { version, dated_on: day(85), reason: '等待环评' });
  assert.equal(p.status, 200);
  assert.equal(p.body.paused, true);
  version = p.body.version;
  assert.equal((await step({ step: 'registered', dated_on: day(80) })).status, 422, 'paused');
  const r = await guan('POST', `/leads/${id}/resume`, { version, dated_on: day(80) });
  assert.equal(r.status, 200);
  version = r.body.version;
  for (const [s, n] of [['registered', 75], ['started', 40], ['operating', 5]])
    assert.equal((await step({ step: s, dated_on: day(n) })).status, 200, s);
  // Funds month by month from the signing month to this month.
  const months = [];
  for (let d = day(90).slice(0, 8) + '01'; d.slice(0, 7) <= TODAY.slice(0, 7); d = addDays(d, 32).slice(0, 8) + '01') months.push(d.slice(0, 7));
  for (const [i, month] of months.entries()) {
    const f = await guan('POST', `/leads/${id}/funds`, { month, fixed_assets: 10000000 * (i + 1), working_capital: 1000000, foreign_usd: 5000, evidence: '进账单' });
    assert.equal(f.status, 201, JSON.stringify(f.body));
  }
  assert.equal((await guan('POST', `/leads/${id}/funds`, { month: months[0], fixed_assets: 1, working_capital: 1 })).status, 422, 'one entry a month');
  const total = months.reduce((s, _, i) => s + 10000000 * (i + 1) + 1000000, 0);
  const lead = (await guan('GET', `/leads/${id}`)).body;
  assert.equal(lead.step, 'operating');
  assert.equal(lead.funds.length, months.length);
  assert.equal(lead.funds_in_place, total);

  const after = (await guan('GET', `/attraction/summary?region=371525&as_of=${TODAY}`)).body;
  assert.equal(after.leads_by_step.operating, before.leads_by_step.operating + 1);
  assert.equal(after.signed_count, before.signed_count + 1);
  assert.equal(after.signed_100m_count, before.signed_100m_count + 1);
  assert.equal(after.signed_100m_amount, before.signed_100m_amount + 320000000);
  assert.equal(after.started_count, before.started_count + 1);
  assert.equal(after.funds_in_place, before.funds_in_place + total);
  assert.equal(after.funds_in_place_usd, before.funds_in_place_usd + 5000 * months.length);
  // The day before 开工: the lead counts as 落地, not started.
  const leads = await leadsOf(guan, '371525');
  const early = (await guan('GET', `/attraction/summary?region=371525&as_of=${day(41)}`)).body;
  assert.deepEqual(figures(early), expected(leads, day(41)));
  const others = expected(leads.filter((l) => l.id !== id), day(41));
  assert.equal(early.started_count, others.started_count, 'its 开工 is dated after that day');
  assert.equal(early.leads_by_step.registered, others.leads_by_step.registered + 1);
  const board = (await guan('GET', `/leads?region=371525&as_of=${day(41)}&step=registered`)).body.items;
  assert.ok(board.some((l) => l.id === id), 'on the board under 落地 that day');

  // The CLI prints exactly the listed keys, with the same figures.
  const cli = spawnSync(BIN, ['metrics', 'attraction', '--db', srv.dbPath, '--region', '371525', '--as-of', TODAY], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const printed = JSON.parse(cli.stdout);
  assert.deepEqual(Object.keys(printed), KEYS, 'the listed keys, in the listed order');
  assert.deepEqual(Object.keys(printed.leads_by_step), [...STEPS, 'ended']);
  assert.deepEqual(printed, figures(after));
  const bad = spawnSync(BIN, ['metrics', 'attraction', '--db', srv.dbPath, '--region', '371525', '--as-of', '2026-13-01'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('the leads ledger downloads as xlsx', async () => {
  const r = await dong('GET', `/attraction/export?region=371524&as_of=${TODAY}`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /spreadsheetml/);
  assert.equal(r.body.subarray(0, 2).toString(), 'PK');
});
