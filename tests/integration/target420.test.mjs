// Funds in place against the year's target and composite goals (issue 15 item 4) over HTTP: the
// demo's 东阿县 targets (到位资金 40 亿元, 外资 1,000 万美元, the "420" goal of four parts) with
// figures recomputed here from the leads' dated steps and funds (a funds month after the day and a
// 落地 dated after the day do not count); the summary's 资金到位率; a composite target defined,
// changed and refused through /targets; the summary keeps its exact keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, stopCleanly, login, api, TODAY } from './server.mjs';
import { addDays } from './clock.mjs';

const YEAR = TODAY.slice(0, 4);
let srv, city, dong, guan, viewer;

before(async () => {
  srv = await startServer();
  city = api(srv.base, await login(srv.base, 'lcxmb'));
  dong = api(srv.base, await login(srv.base, 'dongezb'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
});
after(async () => { if (srv) await stopCleanly(srv); });

async function leadsOf(who, region) {
  const list = await who('GET', `/leads?region=${region}&as_of=2100-01-01`);
  assert.equal(list.status, 200);
  return Promise.all(list.body.items.map(async (l) => (await who('GET', `/leads/${l.id}`)).body));
}

// The year's funds in place on `asOf` (yuan, USD), from the entries of the months up to its month.
function fundsOf(leads, asOf) {
  let yuan = 0, usd = 0;
  for (const l of leads)
    for (const f of l.funds) {
      if (f.month < `${asOf.slice(0, 4)}-01` || f.month > asOf.slice(0, 7)) continue;
      yuan += f.fixed_assets + f.working_capital;
      usd += f.foreign_usd;
    }
  return { yuan, usd };
}

// Leads signed by the day whose 落地 (registered) step is dated in the year up to the day.
function landed(leads, asOf) {
  return leads.filter((l) => {
    const dated = l.steps.filter((s) => s.dated_on <= asOf);
    const reg = dated.find((s) => s.step === 'registered');
    return dated.some((s) => s.step === 'signed') && reg && reg.dated_on >= `${asOf.slice(0, 4)}-01-01`;
  }).length;
}

const targetsOf = async (who, region, asOf) => {
  const r = await who('GET', `/targets?region=${region}&as_of=${asOf}`);
  assert.equal(r.status, 200);
  return r.body.items;
};

test('东阿县\'s funds targets count the year\'s months up to the day; the summary\'s 资金到位率 follows', async () => {
  const leads = await leadsOf(city, '371524');
  for (const asOf of [TODAY, addDays(TODAY, -40), `${YEAR}-01-31`]) {
    const items = await targetsOf(viewer, '371524', asOf);
    const yuan = items.find((t) => t.metric === 'funds_in_place');
    const usd = items.find((t) => t.metric === 'funds_in_place_usd');
    assert.ok(yuan && usd, 'the demo has both funds targets');
    assert.equal(yuan.threshold, 4000000000);
    assert.equal(usd.threshold, 10000000);
    assert.equal(yuan.deadline, `${YEAR}-12-31`);
    const want = fundsOf(leads, asOf);
    assert.equal(yuan.value, want.yuan, `funds as of ${asOf}`);
    assert.equal(usd.value, want.usd, `USD as of ${asOf}`);
    const s = await viewer('GET', `/attraction/summary?region=371524&as_of=${asOf}`);
    assert.equal(s.status, 200);
    assert.ok(Math.abs(s.body.funds_rate - want.yuan / 4000000000) < 1e-12, `funds_rate as of ${asOf}`);
  }
  assert.ok(fundsOf(leads, TODAY).yuan > 0, 'the demo has funds this year');
  // 冠县 has no funds target: no rate; the summary keeps its keys.
  const g = await guan('GET', `/attraction/summary?region=371525&as_of=${TODAY}`);
  assert.equal(g.body.funds_rate, null);
  for (const k of ['leads_by_step', 'signed_count', 'signed_amount', 'signed_100m_count', 'signed_100m_amount', 'started_count', 'funds_in_place', 'funds_in_place_usd'])
    assert.ok(k in g.body, k);
});

test('the "420" goal: four parts of 20 with their figures and the whole', async () => {
  const leads = await leadsOf(city, '371524');
  const items = await targetsOf(dong, '371524', TODAY);
  const goal = items.find((t) => t.metric === 'composite');
  assert.ok(goal, 'the demo has the composite goal');
  const one = await dong('GET', `/targets/${goal.id}?as_of=${TODAY}`);
  assert.equal(one.status, 200);
  const t = one.body;
  assert.deepEqual(t.parts.map((p) => p.metric), ['projects_started', 'backbone_growing', 'leads_landed', 'projects_started']);
  assert.deepEqual(t.parts.map((p) => p.goal), [20, 20, 20, 20]);
  assert.deepEqual(t.parts[0].categories, ['industrial']);
  assert.equal(t.threshold, 4);
  assert.equal(t.parts[2].value, landed(leads, TODAY), 'signed and landed by the day');
  const earlier = (await dong('GET', `/targets/${goal.id}?as_of=${addDays(TODAY, -60)}`)).body;
  assert.equal(earlier.parts[2].value, landed(leads, addDays(TODAY, -60)), 'a 落地 after that day does not count');
  assert.ok(t.parts[1].value > 0, 'backbone enterprises developing well in the demo');
  for (const p of t.parts) {
    assert.equal(p.met, p.value >= p.goal);
    assert.equal(typeof p.projected, 'number');
  }
  const met = t.parts.filter((p) => p.met).length;
  assert.equal(t.numerator, met);
  assert.equal(t.denominator, 4);
  assert.equal(t.value, met);
  const ratio = t.parts.reduce((s, p) => s + Math.min(p.value, p.goal), 0) / 80;
  assert.ok(Math.abs(t.ratio - ratio) < 1e-12);
  // A reader outside 东阿县 does not see it.
  assert.equal((await guan('GET', `/targets/${goal.id}`)).status, 404);
});

test('a composite target defined, changed (parts kept or replaced) and refused through /targets', async () => {
  const body = {
    name: '冠县“三个十”', region: '371525', metric: 'composite', comparator: '>=', threshold: 2, deadline: `${YEAR}-12-31`,
    parts: [
      { name: '工业项目开工', metric: 'projects_started', goal: 10, categories: ['industrial'] },
      { name: '签约落地', metric: 'leads_landed', goal: 10 },
      { name: '骨干企业发展良好', metric: 'backbone_growing', goal: 10 },
    ],
  };
  const created = await guan('POST', '/targets', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.parts.length, 3);
  assert.equal(created.body.denominator, 3);
  const id = created.body.id;
  // A change without parts keeps them; a change with parts replaces them.
  const renamed = await guan('PATCH', `/targets/${id}`, { version: created.body.version, name: '冠县“三个十”工程' });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assert.equal(renamed.body.parts.length, 3);
  const fewer = await guan('PATCH', `/targets/${id}`, { version: renamed.body.version, threshold: 1, parts: [body.parts[1]] });
  assert.equal(fewer.status, 200, JSON.stringify(fewer.body));
  assert.deepEqual(fewer.body.parts.map((p) => p.name), ['签约落地']);
  // Every bad field at once.
  const bad = await guan('POST', '/targets', { ...body, threshold: 5, parts: [{ name: '', metric: 'speed', goal: 0 }] });
  assert.equal(bad.status, 422);
  const fields = bad.body.error.details.map((d) => d.field);
  for (const f of ['threshold', 'parts[0].name', 'parts[0].metric', 'parts[0].goal']) assert.ok(fields.includes(f), f);
  assert.equal((await guan('POST', '/targets', { ...body, parts: [] })).status, 422, 'a composite needs parts');
  assert.equal((await guan('POST', '/targets', { ...body, metric: 'funds_in_place', threshold: 1 })).status, 422, 'parts only on a composite');
  assert.equal((await viewer('POST', '/targets', body)).status, 403);
  assert.equal((await guan('POST', `/targets/${id}/archive`, { version: fewer.body.version })).status, 200);
});

test('冠县 sets a funds target: a month entered after the as-of day does not count', async () => {
  const t = await guan('POST', '/targets', { name: '冠县到位资金', region: '371525', metric: 'funds_in_place', comparator: '>=', threshold: 1000000000, deadline: `${YEAR}-12-31` });
  assert.equal(t.status, 201, JSON.stringify(t.body));
  const leads = await leadsOf(guan, '371525');
  const month = TODAY.slice(0, 7);
  const lastDay = addDays(`${month}-01`, -1);
  const v = (await guan('GET', `/targets/${t.body.id}?as_of=${lastDay}`)).body.value;
  assert.equal(v, fundsOf(leads, lastDay).yuan);
  const now = (await guan('GET', `/targets/${t.body.id}?as_of=${TODAY}`)).body.value;
  assert.equal(now, fundsOf(leads, TODAY).yuan);
  const rate = (await guan('GET', `/attraction/summary?region=371525&as_of=${TODAY}`)).body.funds_rate;
  assert.ok(Math.abs(rate - now / 1000000000) < 1e-12);
  // A signed lead's entry this month: counted today, not on the last day of last month.
  const signed = leads.find((l) => l.steps.some((s) => s.step === 'signed' && s.dated_on <= lastDay) && !l.funds.some((f) => f.month === month));
  if (signed) {
    const f = await guan('POST', `/leads/${signed.id}/funds`, { month, fixed_assets: 50000000, working_capital: 0 });
    assert.equal(f.status, 201, JSON.stringify(f.body));
    assert.equal((await guan('GET', `/targets/${t.body.id}?as_of=${lastDay}`)).body.value, v);
    assert.equal((await guan('GET', `/targets/${t.body.id}?as_of=${TODAY}`)).body.value, now + 50000000);
  }
  await guan('POST', `/targets/${t.body.id}/archive`, { version: t.body.version });
});
