// 链长制 (issue 15 item 6) against the demo: 东阿县's chains with their 链长 and figures, the chain
// page's map and lists, the 班长's weekly report (once a week, only on one's own chain), visits, a
// new chain linking the county's projects by name, and scope (冠县's office sees none of 东阿's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { addDays } from './clock.mjs';

let srv, office, leader, guan, viewer;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
  leader = api(srv.base, await login(srv.base, 'leader'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
});
after(() => stopCleanly(srv));

async function chainsOf(who, region) {
  const r = await who('GET', `/chains?region=${region}&as_of=${TODAY}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

test('东阿县 has its seven chains with leaders, maps and figures; 冠县 sees only its own', async () => {
  const list = await chainsOf(office, '371524');
  assert.deepEqual(list.map((c) => c.name), ['阿胶', '钢球', '轴承', '精品钢板', '新材料', '生物医药', '文旅']);
  const ejiao = list[0];
  assert.equal(ejiao.leader_name, '王海涛');
  assert.equal(ejiao.chief_leader_name, '张明远');
  assert.ok(ejiao.figures.projects > 0, 'the demo projects named 阿胶 are linked');
  assert.ok(ejiao.figures.total_investment > 0);
  // Leads signed: the chain's leads whose 签约 is dated by the day, as the attraction summary counts them.
  const signed = (await office('GET', `/attraction/summary?region=371524&chain=${ejiao.id}&as_of=${TODAY}`)).body;
  assert.equal(ejiao.figures.leads_signed, signed.signed_count);
  assert.equal(ejiao.figures.leads_signed_amount, signed.signed_amount);
  // The demo's eight weeks (from the chain's creation; the list's figures start on Jan 1 at the latest).
  const eight = (await office('GET', `/chains/${ejiao.id}/figures?as_of=${TODAY}&from=${addDays(TODAY, -56)}`)).body;
  assert.ok(eight.reports.late >= 1 && eight.reports.missing >= 1, JSON.stringify(eight));
  assert.ok(eight.visits >= 3);

  const one = (await office('GET', `/chains/${ejiao.id}`)).body;
  const stages = new Set(one.links.map((l) => l.stage));
  assert.deepEqual([...stages], ['upstream', 'midstream', 'downstream']);
  const anchor = one.links.flatMap((l) => l.enterprises).find((e) => e.anchor);
  assert.equal(anchor.name, '东阿阿胶股份有限公司');
  assert.match(anchor.credit_code, /^[0-9A-Z]{18}$/);
  assert.ok(one.members.some((m) => m.group === 'support' && m.unit_name === '财政局'));
  assert.equal(one.can_manage, true);

  const lists = (await office('GET', `/chains/${ejiao.id}/lists?as_of=${TODAY}`)).body;
  assert.equal(lists.projects.length, ejiao.figures.projects);
  assert.ok(lists.enterprises.some((e) => e.anchor && e.link_name === '阿胶生产'));
  // 线索清单: the leads naming the chain that exist by the day, with the step they reached by then;
  // the signed ones are the figure's count.
  const leads = (await office('GET', `/leads?region=371524&chain=${ejiao.id}`)).body.items;
  const created = leads.filter((l) => l.created_on <= TODAY);
  assert.deepEqual(lists.leads.map((l) => l.id).sort((a, b) => a - b), created.map((l) => l.id).sort((a, b) => a - b));
  assert.equal(lists.leads.filter((l) => l.signed_on && l.signed_on <= TODAY).length, ejiao.figures.leads_signed);
  const early = (await office('GET', `/chains/${ejiao.id}/lists?as_of=2026-01-01`)).body;
  assert.deepEqual(early.leads.map((l) => l.id).sort((a, b) => a - b), created.filter((l) => l.created_on <= '2026-01-01').map((l) => l.id).sort((a, b) => a - b));
  assert.ok(early.leads.every((l) => !l.signed_on || l.signed_on <= '2026-01-01'), 'a 签约 after the day is not shown');
  // 要素需求: the open problems of a factor category (land, funds, energy quota, environment, power, water).
  const factors = new Set(['land', 'funds', 'energy_quota', 'environment_capacity', 'power', 'water']);
  assert.ok(lists.factor_needs.every((p) => factors.has(p.category) && p.status !== 'closed'));
  assert.deepEqual(lists.factor_needs.map((p) => p.id),
    lists.problems.filter((p) => factors.has(p.category) && (!p.closed_on || p.closed_on > TODAY) && p.status !== 'deferred').map((p) => p.id));

  const guanList = await chainsOf(guan, '371525');
  assert.deepEqual(guanList.map((c) => c.name), ['精品钢板', '新材料']);
  assert.deepEqual(await chainsOf(guan, '371524'), []);
  assert.equal((await guan('GET', `/chains/${ejiao.id}`)).status, 404);
  assert.equal((await viewer('GET', `/chains/${ejiao.id}/figures`)).status, 200);
});

test('the 链长 files the weekly report of his chain once; not on another chain; punctuality counts it', async () => {
  const list = await chainsOf(leader, '371524');
  const ejiao = list.find((c) => c.name === '阿胶');
  const steel = list.find((c) => c.name === '钢球');
  assert.equal(ejiao.can_report, true);
  assert.equal(steel.can_report, false);
  const filed = await leader('POST', `/chains/${ejiao.id}/reports`, { progress: '本周走访链主企业，推进新建项目。' });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  assert.equal(filed.body.filed_on, TODAY);
  assert.equal(filed.body.status, 'on_time');
  assert.equal(filed.body.author_name, '王海涛');
  const again = await leader('POST', `/chains/${ejiao.id}/reports`, { progress: '再报一次' });
  assert.equal(again.status, 409);
  assert.equal((await leader('POST', `/chains/${steel.id}/reports`, { progress: '不是我的链' })).status, 403);
  assert.equal((await viewer('POST', `/chains/${ejiao.id}/reports`, { progress: 'x' })).status, 403);
  const bad = await leader('POST', `/chains/${ejiao.id}/reports`, { week: '2099-W01', progress: '未来' });
  assert.equal(bad.status, 422);

  const reports = (await leader('GET', `/chains/${ejiao.id}/reports?as_of=${TODAY}`)).body;
  const thisWeek = reports.punctuality.weeks.at(-1);
  assert.equal(thisWeek.week, filed.body.week);
  assert.equal(thisWeek.status, 'on_time');
  assert.equal(reports.reports[0].week, filed.body.week);
});

test('a visit counts in the figures from its day on', async () => {
  const ejiao = (await chainsOf(leader, '371524')).find((c) => c.name === '阿胶');
  const before = ejiao.figures.visits;
  const v = await leader('POST', `/chains/${ejiao.id}/visits`, {
    visited_on: TODAY, enterprise_name: '东阿阿胶股份有限公司', findings: '企业反映用工紧张',
  });
  assert.equal(v.status, 201, JSON.stringify(v.body));
  assert.equal(v.body.leader_name, '王海涛');
  const now = (await leader('GET', `/chains/${ejiao.id}/figures?as_of=${TODAY}`)).body;
  assert.equal(now.visits, before + 1);
  const bad = await leader('GET', `/chains/${ejiao.id}/figures?as_of=${TODAY}&from=2099-01-01`);
  assert.equal(bad.status, 422);
  const future = await leader('POST', `/chains/${ejiao.id}/visits`, { visited_on: '2099-01-01', enterprise_name: 'x', findings: 'y' });
  assert.equal(future.status, 422);
});

test('the office adds a chain: the county\'s projects of that text join it; a rename keeps them', async () => {
  const created = await office('POST', '/chains', {
    region_code: '371524', name: '现代农业',
    links: [{ stage: 'upstream', name: '种业', gaps: ['良种繁育'] }],
    members: [{ group: 'task_force', person_id: (await chainsOf(office, '371524'))[0].leader_id, role: '班长' }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const lists = (await office('GET', `/chains/${created.body.id}/lists`)).body;
  assert.ok(lists.projects.length > 0, 'the demo has 现代农业 projects in 东阿');
  const dup = await office('POST', '/chains', { region_code: '371524', name: '现代农业' });
  assert.equal(dup.status, 409);
  assert.equal((await guan('POST', '/chains', { region_code: '371524', name: '别县的链' })).status, 422);
  assert.equal((await leader('POST', '/chains', { region_code: '371524', name: 'x' })).status, 403);

  const renamed = await office('PATCH', `/chains/${created.body.id}`, { version: created.body.version, name: '现代农业链' });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  const project = lists.projects[0];
  assert.equal((await office('GET', `/projects/${project.id}`)).body.chain, '现代农业链');
  assert.equal((await office('GET', `/chains/${created.body.id}/lists`)).body.projects.length, lists.projects.length);
  const stale = await office('PATCH', `/chains/${created.body.id}`, { version: created.body.version, note: 'x' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.name, '现代农业链');
});
