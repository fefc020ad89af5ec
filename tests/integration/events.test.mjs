// Promotion events (招商活动, issue 15 item 3) over HTTP on the demo (today 2026-06-15): a leader
// logs their own event and the monthly rule's compliance changes; who may record whose; versions,
// archive, the rule inherited and set per region; scoped reads (another county reads nothing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, login, startServer, stopCleanly } from './server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const who of ['dongezb', 'guanxmb', 'lcxmb', 'leader', 'viewer', 'judge1']) as[who] = api(srv.base, await login(srv.base, who));
});
after(async () => {
  if (srv) await stopCleanly(srv);
});

const compliance = async (who, q = 'region=371524') => (await as[who]('GET', `/promotion-events/compliance?${q}`)).body;
const row = (c, name) => c.items.find((i) => i.name === name);
const month = (r, m) => r.months.find((x) => x.month === m);

test('the demo: 东阿县 leaders by month, 王海涛 missed April and has none yet in June', async () => {
  const c = await compliance('viewer');
  assert.equal(c.months.length, 12);
  assert.deepEqual(c.rule, { min_events: 1, period: 'month' });
  assert.ok(c.items.length >= 8, JSON.stringify(c.items.map((i) => i.name)));
  const wang = row(c, '王海涛');
  assert.equal(month(wang, '2026-04').status, 'missed');
  assert.equal(month(wang, '2026-06').status, 'in_progress');
  assert.equal(month(wang, '2026-07').status, 'upcoming');
  assert.equal(wang.months_owed, 5);
  assert.equal(wang.months_met, 4);
  assert.deepEqual(wang.missed, ['2026-04']);
  assert.ok(c.items.some((i) => i.missed.length > 0 && i.name !== '王海涛'), 'other leaders miss some months');
  // Scoped: 冠县's office reads nothing of 东阿县, its own county's events only.
  const guan = await compliance('guanxmb');
  assert.deepEqual(guan.items, []);
  assert.deepEqual(guan.months, []);
  assert.deepEqual((await as.guanxmb('GET', '/promotion-events?region=371524')).body.items, []);
  const own = (await as.guanxmb('GET', '/promotion-events?region=371525')).body.items;
  assert.ok(own.length > 0 && own.every((e) => e.region_code === '371525'));
  assert.deepEqual((await compliance('judge1')).items, []);
  // The range is bounded like every range.
  assert.equal((await as.viewer('GET', '/promotion-events/compliance?region=371524&from=2025-01-01&to=2026-06-30')).status, 400);
});

test('a leader logs an event: June is met; the office may edit it, stale versions are refused; archived it no longer counts', async () => {
  const before = await (await as.viewer('GET', '/promotion-events/figures?region=371524')).body;
  const body = {
    held_on: '2026-06-15', destination_city: '深圳市', kind: 'small_group', team_id: null,
    companies_met: [{ name: '深圳华康生物科技有限公司', credit_code: '91440300MA5F000000' }, { name: '深圳瑞达医药有限公司' }],
    note: '小团组赴深圳对接生物医药企业', lead_ids: [12, 5],
  };
  // Not in the future; not another leader's; not the viewer's.
  assert.equal((await as.leader('POST', '/promotion-events', { ...body, held_on: '2026-06-16' })).status, 422);
  const other = row(await compliance('viewer'), '李卫东').leader_id;
  assert.equal((await as.leader('POST', '/promotion-events', { ...body, leader_id: other })).status, 403);
  assert.equal((await as.viewer('POST', '/promotion-events', body)).status, 403);
  const made = await as.leader('POST', '/promotion-events', body);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.leader_name, '王海涛');
  assert.equal(made.body.region_code, '371524');
  assert.deepEqual(made.body.lead_ids, [5, 12]);
  assert.equal(made.body.companies_met[0].credit_code, '91440300MA5F000000');
  let wang = row(await compliance('viewer'), '王海涛');
  assert.equal(month(wang, '2026-06').status, 'met');
  assert.equal(month(wang, '2026-06').events, 1);
  const after = await (await as.viewer('GET', '/promotion-events/figures?region=371524')).body;
  assert.equal(after.total, before.total + 1);
  assert.equal(after.by_kind.small_group, before.by_kind.small_group + 1);
  // The office edits it; a stale version answers 409 with the event as it is now.
  const edited = await as.dongezb('PATCH', `/promotion-events/${made.body.id}`, { version: 1, destination_city: '深圳市南山区' });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.version, 2);
  const stale = await as.leader('PATCH', `/promotion-events/${made.body.id}`, { version: 1, note: 'x' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.destination_city, '深圳市南山区');
  assert.equal((await as.guanxmb('GET', `/promotion-events/${made.body.id}`)).status, 404);
  const archived = await as.leader('POST', `/promotion-events/${made.body.id}/archive`, { version: 2 });
  assert.equal(archived.status, 200, JSON.stringify(archived.body));
  wang = row(await compliance('viewer'), '王海涛');
  assert.equal(month(wang, '2026-06').status, 'in_progress');
  const list = (await as.viewer('GET', `/promotion-events?region=371524&leader=${made.body.leader_id}&from=2026-06-01&to=2026-06-30`)).body.items;
  assert.equal(list.length, 0);
  const withArchived = (await as.viewer('GET', `/promotion-events?region=371524&leader=${made.body.leader_id}&from=2026-06-01&to=2026-06-30&archived=true`)).body.items;
  assert.equal(withArchived.length, 1);
});

test('the monthly rule is a region row: the city sets it for its counties, a county its own', async () => {
  let rule = (await as.viewer('GET', '/promotion-events/rule?region=371524')).body;
  assert.equal(rule.rule.min_events, 1);
  assert.equal(rule.editable, false);
  assert.equal((await as.leader('PUT', '/promotion-events/rule?region=371524', { min_events: 2 })).status, 403);
  assert.equal((await as.guanxmb('PUT', '/promotion-events/rule?region=371524', { min_events: 2 })).status, 404);
  const city = await as.lcxmb('PUT', '/promotion-events/rule?region=371500', { min_events: 2 });
  assert.equal(city.status, 200, JSON.stringify(city.body));
  rule = (await as.dongezb('GET', '/promotion-events/rule?region=371524')).body;
  assert.deepEqual([rule.rule.min_events, rule.source, rule.source_region, rule.editable], [2, 'inherited', '371500', true]);
  const c = await compliance('viewer');
  assert.equal(c.rule.min_events, 2);
  const own = await as.dongezb('PUT', '/promotion-events/rule?region=371524', { min_events: 1 });
  assert.equal(own.body.source, 'own');
  assert.equal((await compliance('viewer')).rule.min_events, 1);
  assert.equal((await as.dongezb('PUT', '/promotion-events/rule?region=371524', { min_events: 0 })).status, 422);
  await as.dongezb('PUT', '/promotion-events/rule?region=371524', { min_events: null });
  await as.lcxmb('PUT', '/promotion-events/rule?region=371500', { min_events: null });
  assert.equal((await as.dongezb('GET', '/promotion-events/rule?region=371524')).body.source, 'default');
});
