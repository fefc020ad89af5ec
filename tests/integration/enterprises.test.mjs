// The enterprise registry (issue 15 item 1) against a real server: land efficiency's demo
// enterprises are the registry, each with its class of the published run; credit codes are checked
// (GB 32100-2015); writes are the county office's, versioned and scoped; backbone enterprises carry
// their yearly growth; a project names its builder by code and shows the builder's class.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, stopCleanly, TODAY } from './server.mjs';

const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const withCheck = (c17) => c17 + A[(31 - ([...c17].reduce((s, ch, i) => s + A.indexOf(ch) * W[i], 0) % 31)) % 31];
const DATA_YEAR = Number(TODAY.slice(0, 4)) - 1; // the land demo's year

let srv, donge, guan, city, unit, viewer, judge, admin;

before(async () => {
  srv = await startServer();
  const as = async (who) => api(srv.base, await login(srv.base, who));
  [donge, guan, city, unit, viewer, judge, admin] = await Promise.all(
    ['dongezb', 'guanxmb', 'lcxmb', 'unit', 'viewer', 'judge1', 'admin'].map(as),
  );
});
after(async () => {
  if (srv) await stopCleanly(srv);
});

test('land efficiency\'s enterprises are the registry, with the class of the published run', async () => {
  const list = await donge('GET', '/enterprises?region=371524&limit=200');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  assert.ok(list.body.total_count >= 50, `total ${list.body.total_count}`);
  for (const e of list.body.items) {
    assert.equal(withCheck(e.credit_code.slice(0, 17)), e.credit_code);
    assert.equal(e.county_code, '371524');
  }
  const classed = list.body.items.filter((e) => e.land_class);
  assert.ok(classed.length > 10, 'most enterprises have a class');
  assert.ok(classed.every((e) => ['A', 'B', 'C', 'D'].includes(e.land_class) && e.land.year === DATA_YEAR));
  // The same class as the run's own card.
  const e = classed[0];
  const card = await donge('GET', `/land/runs/${e.land.run_id}/enterprises/${e.credit_code}`);
  assert.equal(card.status, 200);
  assert.equal(card.body.final_class ?? card.body.class, e.land_class);
  // Searching by part of the name or of the code.
  const byName = await donge('GET', `/enterprises?q=${encodeURIComponent(e.name.slice(2, 6))}`);
  assert.ok(byName.body.items.some((x) => x.credit_code === e.credit_code));
  const byCode = await donge('GET', `/enterprises?q=${e.credit_code.slice(6, 14).toLowerCase()}`);
  assert.ok(byCode.body.items.some((x) => x.credit_code === e.credit_code));
});

test('reads follow the remit: another county answers 404 and an empty list; judges read nothing', async () => {
  const one = (await donge('GET', '/enterprises?region=371524&limit=1')).body.items[0];
  assert.equal((await guan('GET', `/enterprises/${one.credit_code}`)).status, 404);
  const other = await guan('GET', '/enterprises?region=371524');
  assert.equal(other.status, 200);
  assert.deepEqual(other.body.items, []);
  assert.ok((await guan('GET', '/enterprises')).body.items.every((e) => e.county_code === '371525'));
  for (const who of [city, unit, viewer, admin]) assert.equal((await who('GET', `/enterprises/${one.credit_code}`)).status, 200);
  assert.deepEqual((await judge('GET', '/enterprises')).body.items, []);
  assert.equal((await judge('GET', `/enterprises/${one.credit_code}`)).status, 404);
});

test('registering checks the credit code, the county and who asks; a code is registered once', async () => {
  const code = withCheck('91371524MA3C1234X');
  assert.equal(code, '91371524MA3C1234XD');
  const body = { credit_code: code, name: '东阿测试新材料有限公司', county_code: '371524', tags: ['backbone'], town: '铜城街道' };
  const wrong = await donge('POST', '/enterprises', { ...body, credit_code: '91371524MA3C1234XE' });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.error.details[0].field, 'credit_code');
  assert.match(wrong.body.error.details[0].reason, /check character should be 'D'/);
  for (const bad of ['91371524ma3c1234xd', '91371524MI3C1234XD', '91371524MO3C1234XD', '91371524MS3C1234XD', '91371524MV3C1234XD', '91371524MZ3C1234XD']) {
    const r = await donge('POST', '/enterprises', { ...body, credit_code: bad });
    assert.equal(r.status, 422, bad);
    assert.match(r.body.error.details[0].reason, /not allowed in a credit code/, bad);
  }
  assert.equal((await donge('POST', '/enterprises', { ...body, tags: ['vip'] })).status, 422);
  for (const who of [unit, viewer, admin, judge]) assert.equal((await who('POST', '/enterprises', body)).status, 403);
  const outside = await guan('POST', '/enterprises', body);
  assert.equal(outside.status, 422);
  assert.equal(outside.body.error.details[0].field, 'county_code');
  const made = await donge('POST', '/enterprises', body);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.credit_code, code);
  assert.deepEqual(made.body.tags, ['backbone']);
  assert.equal(made.body.backbone, true);
  assert.equal(made.body.land, null);
  assert.equal(made.body.version, 1);
  assert.equal((await donge('POST', '/enterprises', body)).status, 409);
});

test('an update sends its version: a stale one is a 409 with the current record', async () => {
  const code = '91371524MA3C1234XD';
  const now = (await donge('GET', `/enterprises/${code}`)).body;
  const ok = await donge('PATCH', `/enterprises/${code}`, { version: now.version, contact: '张经理', phone: '0635-1234567', tags: ['backbone', 'hi_tech'] });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.version, now.version + 1);
  assert.deepEqual(ok.body.tags, ['backbone', 'hi_tech']);
  const stale = await donge('PATCH', `/enterprises/${code}`, { version: now.version, contact: '李经理' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.contact, '张经理');
  assert.equal((await donge('PATCH', `/enterprises/${code}`, { version: ok.body.version, credit_code: 'X' })).status, 400);
  assert.equal((await unit('PATCH', `/enterprises/${code}`, { version: ok.body.version, contact: 'x' })).status, 403);
  assert.equal((await guan('PATCH', `/enterprises/${code}`, { version: ok.body.version, contact: 'x' })).status, 404);
});

test('yearly figures give the growth of this year against last year, in yuan and ‰', async () => {
  const code = '91371524MA3C1234XD';
  const y1 = await donge('PUT', `/enterprises/${code}/years/2024`, { revenue: 100000000, tax: 5000000 });
  assert.equal(y1.status, 200, JSON.stringify(y1.body));
  const y2 = await donge('PUT', `/enterprises/${code}/years/2025`, { version: 0, revenue: 120000000, tax: 4500000 });
  assert.equal(y2.status, 200, JSON.stringify(y2.body));
  const [y2025, y2024] = y2.body.years;
  assert.deepEqual(
    { year: y2025.year, revenue_growth: y2025.revenue_growth, revenue_growth_permille: y2025.revenue_growth_permille, tax_growth: y2025.tax_growth, tax_growth_permille: y2025.tax_growth_permille },
    { year: 2025, revenue_growth: 20000000, revenue_growth_permille: 200, tax_growth: -500000, tax_growth_permille: -100 },
  );
  assert.equal(y2024.revenue_growth, null);
  // A second write of a year needs that year's version.
  assert.equal((await donge('PUT', `/enterprises/${code}/years/2025`, { version: 0, revenue: 1, tax: 1 })).status, 409);
  const fixed = await donge('PUT', `/enterprises/${code}/years/2025`, { version: y2025.version, revenue: 130000000, tax: 5500000 });
  assert.equal(fixed.body.years[0].revenue_growth, 30000000);
  assert.equal((await donge('PUT', `/enterprises/${code}/years/20x5`, { revenue: 1 })).status, 400);
  assert.equal((await unit('PUT', `/enterprises/${code}/years/2025`, { revenue: 1 })).status, 403);
});

test('backbone enterprises: the demo tags eight of 东阿县 with two years of figures', async () => {
  const b = await donge('GET', `/backbone-enterprises?region=371524&year=${DATA_YEAR}`);
  assert.equal(b.status, 200, JSON.stringify(b.body));
  const demo = b.body.items.filter((e) => e.credit_code !== '91371524MA3C1234XD');
  assert.equal(demo.length, 8);
  assert.ok(demo.every((e) => e.backbone && e.growth && e.growth.year === DATA_YEAR && e.growth.revenue > 0));
  assert.equal(b.body.grew_count, b.body.items.filter((e) => e.grew).length);
  assert.ok(b.body.grew_count >= 4 && b.body.grew_count < 8, `grew ${b.body.grew_count}`);
  const tagged = await donge('GET', '/enterprises?region=371524&tag=backbone');
  assert.equal(tagged.body.total_count, b.body.items.length);
  // 冠县 has its own.
  const guanB = await guan('GET', `/backbone-enterprises?year=${DATA_YEAR}`);
  assert.equal(guanB.body.items.length, 1);
});

test('a project names its builder by credit code and shows the builder\'s land class', async () => {
  const b = (await donge('GET', `/backbone-enterprises?region=371524&year=${DATA_YEAR}`)).body.items.find((e) => e.credit_code !== '91371524MA3C1234XD');
  const detail = (await donge('GET', `/enterprises/${b.credit_code}`)).body;
  assert.ok(detail.projects.length >= 1, 'the demo names backbone enterprises as builders');
  const project = await donge('GET', `/projects/${detail.projects[0].id}`);
  assert.equal(project.body.builder_code, b.credit_code);
  assert.equal(project.body.builder, detail.name);
  assert.equal(project.body.builder_enterprise.name, detail.name);
  assert.equal(project.body.builder_class, detail.land_class);
  // The ledger form validates the code; null clears it.
  const bad = await donge('PATCH', `/projects/${project.body.id}`, { version: project.body.version, builder_code: '91371524163000123X' });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].field, 'builder_code');
  const other = await donge('PATCH', `/projects/${project.body.id}`, { version: project.body.version, builder_code: '91371524163000123Y' });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  const again = await donge('GET', `/projects/${project.body.id}`);
  assert.equal(again.body.builder_code, '91371524163000123Y');
  assert.equal(again.body.builder_enterprise.name, null); // not registered
  assert.equal(again.body.builder_class, null);
  // Outside the caller's remit the builder is not shown either.
  const row = (await donge('GET', `/projects?region=371524&limit=100`)).body.items.find((p) => p.builder_code);
  assert.ok(row, 'a listed project carries builder_code');
});
