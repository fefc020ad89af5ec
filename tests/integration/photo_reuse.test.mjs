// plausible.photo_reused (issue 13 item 4, the last soft rule): a report photo whose bytes were
// filed before — on the same project's earlier report, or on another project's — saves with a
// warning the filer and the reviewer see, naming the other report's project and period only when
// the caller may read that project.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';

let srv;
let coord; // 东阿县项目办
let unit; // 东阿县工信局
let guan; // 冠县项目办
let admin;
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
  unit = api(srv.base, await login(srv.base, 'unit'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
  admin = api(srv.base, await login(srv.base, 'admin'));
});
after(() => stopCleanly(srv));

// A small JPEG-typed body, different for each tag.
const jpeg = (tag) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from(`photo-reuse ${tag}`), 0xff, 0xd9]);
const reused = (report) => (report.warnings || []).filter((w) => w.code === 'plausible.photo_reused');
const editable = (r) => ['pending', 'draft', 'returned'].includes(r.status);

async function upload(as, report, name, bytes) {
  const up = await as('POST', `/reports/${report.id}/photos?filename=${name}`, bytes, { 'Content-Type': 'image/jpeg' });
  assert.equal(up.status, 201, JSON.stringify(up.body));
  return up.body;
}

// Open reports of 东阿 (due today or later) that an earlier report of the same project can join:
// the first whose project has an earlier editable report (reopened by the office when closed).
async function reportWithEarlier() {
  const open = (await coord('GET', '/reports?region=371524&status=pending')).body.items.filter((x) => x.due_date >= TODAY);
  for (const later of open) {
    const history = (await coord('GET', `/projects/${later.project_id}/reports`)).body.items;
    const earlier = history.find((x) => x.period_end < later.period_end && editable(x));
    if (!earlier) continue;
    if (earlier.due_date < TODAY && !earlier.reopened) {
      const re = await coord('POST', `/reports/${earlier.id}/reopen`, { version: earlier.version });
      assert.equal(re.status, 200, JSON.stringify(re.body));
    }
    return { earlier, later, open };
  }
  assert.fail('the demo has a project with an open report and an earlier editable one');
}

test('the same photo on a later report of the project warns naming the earlier period; another photo does not', async () => {
  const { earlier, later, open } = await reportWithEarlier();
  await upload(coord, earlier, 'site.jpg', jpeg('same'));
  const up = await upload(coord, later, 'site-again.jpg', jpeg('same'));
  const got = (await coord('GET', `/reports/${later.id}`)).body;
  const w = reused(got);
  assert.equal(w.length, 1, JSON.stringify(got.warnings));
  assert.equal(w[0].photo, 'site-again.jpg');
  assert.equal(w[0].field, 'photos');
  assert.equal(w[0].value, up.id);
  assert.equal(w[0].limit, earlier.id);
  assert.equal(w[0].other_period, earlier.period);
  assert.equal(w[0].other_project, later.project_name);
  // Whatever the status: the report is still pending, and the warning also reads in the list.
  const listed = (await coord('GET', `/reports?region=371524&period=${later.period}`)).body.items.find((x) => x.id === later.id);
  assert.equal(reused(listed).length, 1);
  // The earlier report is the original, not the copy.
  assert.equal(reused((await coord('GET', `/reports/${earlier.id}`)).body).length, 0);
  // The reviewer sees it once filed.
  const filed = await coord('PATCH', `/reports/${later.id}`, { version: got.version, workers: 3 });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  assert.equal(reused(filed.body).length, 1);

  // A different photo on another project's report: no warning; the same bytes twice in one
  // report are not this rule.
  const other = open.find((x) => x.project_id !== later.project_id);
  await upload(coord, other, 'fresh.jpg', jpeg('fresh'));
  await upload(coord, other, 'fresh-twice.jpg', jpeg('fresh'));
  assert.deepEqual(reused((await coord('GET', `/reports/${other.id}`)).body), []);
});

test("another county's photo: the unit is warned without learning the project", async () => {
  const g = (await guan('GET', '/reports?region=371525&status=pending')).body.items.find((x) => x.due_date >= TODAY);
  assert.ok(g, 'an open report of 冠县');
  await upload(guan, g, 'guan.jpg', jpeg('county'));
  const mine = (await unit('GET', '/reports?region=371524&status=pending')).body.items.find(
    (x) => x.unit_name === '工业和信息化局' && x.due_date >= TODAY);
  assert.ok(mine, 'an open report of the unit');
  await upload(unit, mine, 'mine.jpg', jpeg('county'));
  const got = (await unit('GET', `/reports/${mine.id}`)).body;
  const w = reused(got);
  assert.equal(w.length, 1, JSON.stringify(got.warnings));
  assert.equal(w[0].photo, 'mine.jpg');
  assert.equal(w[0].other_project, null);
  assert.equal(w[0].other_period, null);
  assert.equal(w[0].limit, 0);
  const text = JSON.stringify(got);
  for (const secret of [g.project_name, g.project_code]) assert.ok(!text.includes(secret), `${secret} leaks`);
  // The unit cannot read that project at all (the warning is all it learns).
  assert.equal((await unit('GET', `/reports/${g.id}`)).status, 404);
  // The city office reads both: the warning names 冠县's project and period.
  const seen = reused((await admin('GET', `/reports/${mine.id}`)).body);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].other_project, g.project_name);
  assert.equal(seen[0].other_period, g.period);
  // And 冠县's report warns of 东阿's copy in the same way (either may be the copy).
  const back = reused((await guan('GET', `/reports/${g.id}`)).body);
  assert.equal(back.length, 1);
  assert.equal(back[0].other_project, null);
});
