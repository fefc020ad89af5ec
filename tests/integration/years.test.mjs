// Years (issue 12 item 6): a project with 2026 figures rolls over to 2027 as 续建 (continuing); its
// 2026 figures, its light and the bulletin of a 2026 date are unchanged, and 2027's figures are its
// own. Against a real server on the demo database, the clock pinned at 2026-06-15 (clock.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { unzip as unzipEntries } from './xlsx.mjs';

// The entries of the bulletin's zip, without the file's creation time (the writer stamps the wall
// clock): what the sheet says.
function unzip(buf) {
  const out = unzipEntries(buf);
  delete out['docProps/core.xml'];
  return out;
}

let srv;
let coord; // 东阿县项目办
let leader;
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
  leader = api(srv.base, await login(srv.base, 'leader'));
});
after(() => stopCleanly(srv));

const CODE = 'YR-2026-001';

async function createProject() {
  const units = await coord('GET', '/units?region=371524');
  const regions = await coord('GET', '/regions');
  const town = regions.body.items.find((r) => r.parent_code === '371524' && r.level === 'town');
  const r = await coord('POST', '/projects', {
    code: CODE, name: '年度结转测试项目', county_code: '371524', town_code: town.code,
    category: 'industrial', level: 'county', kind: 'new', track: 'implementation', stage: 'started',
    builder: '东阿测试建设有限公司', unit_id: units.body.items[0].id,
    total_investment: 1000000000, annual_plan: 300000000, annual_completed: 120000000,
    planned_start: '2026-03-01', actual_start: '2026-03-10', planned_completion: '2027-12-31',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

test('the demo puts its continuing projects on the previous year\'s list too', async () => {
  const o = await coord('GET', '/overview?region=371524');
  assert.equal(o.body.year, 2026);
  assert.equal(o.body.previous.year, 2025);
  assert.equal(o.body.previous.as_of, '2025-06-15');
  const continuing = await coord('GET', '/projects?region=371524&kind=continuing&limit=1');
  const years = await coord('GET', `/projects/${continuing.body.items[0].id}/years`);
  assert.deepEqual(years.body.items.map((y) => [y.year, y.kind]), [[2025, 'new'], [2026, 'continuing']]);
  const list2025 = await coord('GET', '/projects?region=371524&year=2025&limit=1');
  assert.equal(list2025.body.year, 2025);
  assert.ok(list2025.body.total_count > 0);
  assert.equal(o.body.previous.project_count, list2025.body.total_count);
});

test('a project rolls over to 2027 as continuing; 2026 stays as it was', async () => {
  assert.equal(TODAY, '2026-06-15');
  const p = await createProject();
  const id = p.id;
  assert.equal(p.year, 2026);
  // What 2026 shows before the roll-over.
  const light2026 = await coord('GET', `/projects/${id}/light?as_of=2026-06-15`);
  assert.equal(light2026.status, 200, JSON.stringify(light2026.body));
  const bulletin = await coord('GET', '/bulletins?region=371524&period=2026-W24&format=xlsx');
  assert.equal(bulletin.status, 200);
  const sheet2026 = unzip(bulletin.body);
  assert.ok(Object.keys(sheet2026).length > 0);
  const overview2026 = await coord('GET', '/overview?region=371524');
  assert.equal(overview2026.body.year, 2026);

  // Only the roles that import the ledger roll over.
  assert.equal((await leader('POST', '/years/2026/rollover', { dry_run: true })).status, 403);
  // The dry run lists the project as carrying over and writes nothing.
  const plans = { [id]: 450000000 };
  const dry = await coord('POST', '/years/2026/rollover', { dry_run: true, region: '371524', plans });
  assert.equal(dry.status, 200, JSON.stringify(dry.body));
  assert.equal(dry.body.from_year, 2026);
  assert.equal(dry.body.to_year, 2027);
  assert.equal(dry.body.dry_run, true);
  const mine = dry.body.items.find((x) => x.project_id === id);
  assert.deepEqual(mine, { project_id: id, code: CODE, name: '年度结转测试项目', stage: 'started', carries: true, reason: 'unfinished' });
  assert.equal(dry.body.carried, dry.body.items.filter((x) => x.carries).length);
  for (const x of dry.body.items.filter((i) => ['completed', 'operating'].includes(i.stage))) assert.equal(x.reason, 'completed');
  assert.equal((await coord('GET', `/projects/${id}/years/2027`)).status, 404);

  const applied = await coord('POST', '/years/2026/rollover', { dry_run: false, region: '371524', plans });
  assert.equal(applied.status, 200, JSON.stringify(applied.body));
  assert.equal(applied.body.carried, dry.body.carried);

  // Two years, each with its own figures.
  const years = await coord('GET', `/projects/${id}/years`);
  assert.deepEqual(years.body.items, [
    { project_id: id, year: 2026, kind: 'new', annual_plan: 300000000, annual_completed: 120000000, version: 1 },
    { project_id: id, year: 2027, kind: 'continuing', annual_plan: 450000000, annual_completed: null, version: 1 },
  ]);
  const in2027 = await coord('GET', `/projects/${id}?year=2027`);
  assert.equal(in2027.body.kind, 'continuing');
  assert.equal(in2027.body.annual_plan, 450000000);
  assert.equal(in2027.body.annual_completed, null);
  // On 2026-06-15 the current list is still 2026's: the project reads with its 2026 figures.
  const now = await coord('GET', `/projects/${id}`);
  assert.equal(now.body.year, 2026);
  assert.equal(now.body.kind, 'new');
  assert.equal(now.body.annual_plan, 300000000);
  assert.equal(now.body.annual_completed, 120000000);
  // The lists of each year.
  const list2027 = await coord('GET', `/projects?year=2027&q=${CODE}`);
  assert.equal(list2027.body.year, 2027);
  assert.equal(list2027.body.total_count, 1);
  assert.equal(list2027.body.items[0].annual_plan, 450000000);
  const list2026 = await coord('GET', `/projects?q=${CODE}`);
  assert.equal(list2026.body.year, 2026);
  assert.equal(list2026.body.items[0].annual_plan, 300000000);
  // 2026's light and bulletin are those of before.
  assert.deepEqual((await coord('GET', `/projects/${id}/light?as_of=2026-06-15`)).body, light2026.body);
  const again = await coord('GET', '/bulletins?region=371524&period=2026-W24&format=xlsx');
  assert.deepEqual(unzip(again.body), sheet2026, 'the 2026-W24 bulletin is unchanged');
  assert.deepEqual((await coord('GET', '/overview?region=371524')).body, overview2026.body);

  // 2027's figures change without touching 2026's.
  const put = await coord('PUT', `/projects/${id}/years/2027`, { version: 1, annual_plan: 460000000, annual_completed: 5000000 });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.deepEqual(put.body, { project_id: id, year: 2027, kind: 'continuing', annual_plan: 460000000, annual_completed: 5000000, version: 2 });
  assert.equal((await coord('GET', `/projects/${id}?year=2026`)).body.annual_plan, 300000000);
  // The 2027 overview compares with 2026 at the same date a year earlier (同比).
  const o2027 = await coord('GET', '/overview?region=371524&year=2027&as_of=2027-06-15');
  assert.equal(o2027.status, 200, JSON.stringify(o2027.body));
  assert.equal(o2027.body.year, 2027);
  assert.equal(o2027.body.project_count, applied.body.carried);
  assert.equal(o2027.body.annual_plan, 460000000); // the only plan entered for 2027
  assert.equal(o2027.body.annual_completed, 5000000);
  assert.equal(o2027.body.previous.year, 2026);
  assert.equal(o2027.body.previous.as_of, '2026-06-15');
  assert.equal(o2027.body.previous.project_count, overview2026.body.project_count);
  assert.equal(o2027.body.previous.annual_plan, overview2026.body.annual_plan);
  // 年度完成投资 is counted one way for both years: 2026 seen as last year equals 2026 seen then.
  assert.equal(o2027.body.previous.annual_completed, overview2026.body.annual_completed);
  // The journal tells the roll-over and the PUT, naming the year.
  const journal = await coord('GET', `/projects/${id}/journal`);
  assert.deepEqual(journal.body.items.slice(0, 2).map((e) => e.action), ['year.put', 'year.rollover']);
  assert.ok(journal.body.items[0].changes.every((c) => c.year === 2027));
});

test('the ledger export is named by its list year: 重点项目台账-<year>', async () => {
  const name = (res) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition'))[1]);
  const now = await coord('GET', '/projects/export?format=csv&region=371524');
  assert.equal(now.status, 200);
  assert.equal(name(now), '重点项目台账-2026.csv');
  const last = await coord('GET', '/projects/export?format=xlsx&region=371524&year=2025');
  assert.equal(last.status, 200);
  assert.equal(name(last), '重点项目台账-2025.xlsx');
});

test('one county\'s new list moves only its own default year (and the city\'s above it)', async () => {
  const guan = api(srv.base, await login(srv.base, 'guanxmb'));
  const city = api(srv.base, await login(srv.base, 'lcxmb'));
  const project = (await guan('GET', '/projects?region=371525&limit=1')).body.items[0];
  assert.ok(project, '冠县 has a project');
  const put = await guan('PUT', `/projects/${project.id}/years/2029`, { annual_plan: 10000000 });
  assert.equal(put.status, 201, JSON.stringify(put.body));
  // At a 2029 date: 冠县 (and 聊城市, which reads it) default to 2029; 东阿县 has no 2029 list and
  // keeps its latest one (2026, or 2027 after the roll-over above), never learning of 冠县's.
  const at = '/overview?as_of=2029-03-01';
  assert.equal((await guan('GET', `${at}&region=371525`)).body.year, 2029);
  assert.equal((await city('GET', at)).body.year, 2029);
  const donge = (await coord('GET', `${at}&region=371524`)).body.year;
  assert.ok(donge === 2026 || donge === 2027, `东阿县 defaults to its own latest list, not 2029 (got ${donge})`);
});
