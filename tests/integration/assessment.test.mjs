// Observation events and periodic rankings against a real server process with the demo data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { sheetNames, sheetRows } from './xlsx.mjs';

let srv, city, viewer, judges;
before(async () => {
  srv = await startServer();
  city = api(srv.base, await login(srv.base, 'lcxmb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
  judges = await Promise.all(['judge1', 'judge2', 'judge3'].map(async (j) => api(srv.base, await login(srv.base, j))));
});
after(() => stopCleanly(srv));

test('the demo observation is published: 冠县 first, 东阿县 third', async () => {
  const list = await viewer('GET', '/observations');
  assert.equal(list.status, 200);
  const done = list.body.items.find((e) => e.state === 'published');
  const res = await viewer('GET', `/observations/${done.id}/results`);
  assert.equal(res.status, 200);
  const items = res.body.groups[0].items;
  assert.equal(items[0].county, '冠县');
  assert.equal(items[2].county, '东阿县');
  assert.equal(items[2].rank, 3);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  for (const p of ['/api/v1/observations/{id}/sheets', '/api/v1/ranking-runs/{id}/bulletin']) assert.ok(doc.paths[p], p);
});

test('an event: set up, judges score, no peeking, close freezes, publish rank only', async () => {
  const ids = {};
  for (const county of ['371524', '371525', '371526']) ids[county] = (await city('GET', `/projects?region=${county}&limit=1`)).body.items[0].id;
  const pick = (county) => ids[county];
  const created = await city('POST', '/observations', {
    name: '测试观摩', region_code: '371500', start_date: '2026-11-01', end_date: '2026-11-02', groups: ['县市区组'],
    mode: 'ballot', step: 3, judges: ['judge1', 'judge2', 'judge3'],
    nominations: [{ group: '县市区组', project_id: pick('371524') }, { group: '县市区组', project_id: pick('371525') },
      { group: '县市区组', project_id: pick('371526') }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  const bad = await city('POST', '/observations', { name: '', region_code: '371500', groups: [], judges: ['viewer'] });
  assert.equal(bad.status, 422);
  const fields = bad.body.error.details.map((d) => d.field);
  for (const f of ['name', 'groups', 'start_date', 'judges']) assert.ok(fields.includes(f), f);
  assert.equal((await city('POST', `/observations/${id}/open`, { version: 1 })).status, 200);
  // Ballots: 东阿 1,1,2 → (100+100+97)/3 = 99; 冠县 2,2,1 → 98; 高唐 3,3,3 → 94.
  const orders = [['东阿县', '冠县', '高唐县'], ['东阿县', '冠县', '高唐县'], ['冠县', '东阿县', '高唐县']];
  for (let j = 0; j < 3; j++) {
    const r = await judges[j]('POST', `/observations/${id}/ballots`, {
      group: '县市区组', places: orders[j].map((county, i) => ({ county, rank: i + 1 })),
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const peek = await judges[0]('GET', `/observations/${id}/results`);
  assert.equal(peek.status, 409);
  const mine = await judges[0]('GET', `/observations/${id}`);
  assert.equal(mine.body.my_ballots.length, 3);
  assert.ok(mine.body.progress.every((p) => p.submitted === 1));
  assert.equal((await viewer('POST', `/observations/${id}/ballots`, { group: '县市区组', places: [] })).status, 403);
  assert.equal((await city('POST', `/observations/${id}/close`, { version: 1 })).status, 409);
  assert.equal((await city('POST', `/observations/${id}/close`, { version: 2 })).status, 200);
  const late = await judges[1]('POST', `/observations/${id}/ballots`, {
    group: '县市区组', places: orders[2].map((county, i) => ({ county, rank: i + 1 })),
  });
  assert.equal(late.status, 409);
  assert.match(late.body.error.message, /closed/);
  const res = await judges[1]('GET', `/observations/${id}/results`);
  assert.deepEqual(res.body.groups[0].items.map((i) => [i.county, i.score, i.rank]), [['东阿县', 99, 1], ['冠县', 98, 2], ['高唐县', 94, 3]]);
  assert.equal((await viewer('GET', `/observations/${id}/results`)).status, 404);
  assert.equal((await city('POST', `/observations/${id}/publish`, { version: 3, publication: 'rank_only' })).status, 200);
  const pub = await viewer('GET', `/observations/${id}/results`);
  assert.equal(pub.body.groups[0].items[0].rank, 1);
  assert.equal(pub.body.groups[0].items[0].score, null);
});

test('judges mark each criterion out of its points, as on paper; the results export as xlsx', async () => {
  const ids = {};
  for (const county of ['371524', '371525']) ids[county] = (await city('GET', `/projects?region=${county}&limit=1`)).body.items[0].id;
  const created = await city('POST', '/observations', {
    name: '按分值评分观摩', region_code: '371500', start_date: '2026-11-03', end_date: '2026-11-04', groups: ['县市区组'],
    judges: ['judge1', 'judge2'],
    nominations: [{ group: '县市区组', project_id: ids['371524'] }, { group: '县市区组', project_id: ids['371525'] }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  assert.equal((await city('GET', `/observations/${id}/results/export`)).status, 409, 'no results before close');
  assert.equal((await city('POST', `/observations/${id}/open`, { version: 1 })).status, 200);
  const [dongE, guan] = [ids['371524'], ids['371525']];
  // 投资规模 30, 建设进度 30, 产业层次与科技含量 20, 综合效益 20: 26 + 27 + 17 + 18 = 88 points, the total.
  const points = { 投资规模: 26, 建设进度: 27, 产业层次与科技含量: 17, 综合效益: 18 };
  const r1 = await judges[0]('POST', `/observations/${id}/sheets`, { project_id: dongE, points });
  assert.equal(r1.status, 200, JSON.stringify(r1.body));
  const mine = r1.body.my_sheets.find((s) => s.project_id === dongE);
  assert.equal(mine.total, 88);
  assert.deepEqual(mine.points, points);
  assert.equal(mine.ratings['投资规模'], 86.666667); // 26 of 30 is the rating 100·26/30, kept for older clients
  assert.equal(mine.ratings['产业层次与科技含量'], 85);
  // More than a criterion is worth: 422 naming the criterion, the value and the rule with its bounds.
  const over = await judges[0]('POST', `/observations/${id}/sheets`, { project_id: guan, points: { ...points, 投资规模: 31 } });
  assert.equal(over.status, 422);
  assert.deepEqual(over.body.error.details.map(({ field, value, reason, rule, params }) => ({ field, value, reason, rule, params })), [
    { field: 'points.投资规模', value: '31', reason: 'must be within 0..30', rule: 'range', params: { min: '0', max: '30' } },
  ]);
  const missing = await judges[0]('POST', `/observations/${id}/sheets`, { project_id: guan, points: { 投资规模: 20 } });
  assert.equal(missing.status, 422);
  assert.ok(missing.body.error.details.some((d) => d.field === 'points.综合效益' && d.rule === 'criterion_not_rated'));
  const both = await judges[0]('POST', `/observations/${id}/sheets`, { project_id: guan, points, ratings: { 投资规模: 80 } });
  assert.equal(both.status, 400);
  assert.ok(!(await judges[0]('GET', `/observations/${id}`)).body.my_sheets.some((s) => s.project_id === guan), 'nothing stored');
  // Full and half marks.
  const full = { 投资规模: 30, 建设进度: 30, 产业层次与科技含量: 20, 综合效益: 20 };
  assert.equal((await judges[0]('POST', `/observations/${id}/sheets`, { project_id: guan, points: full })).status, 200);
  // An older client still sends ratings 0..100; its sheet reads back in points too (80 of 100 on 30 → 24).
  const rated = await judges[1]('POST', `/observations/${id}/sheets`, {
    project_id: dongE, ratings: { 投资规模: 80, 建设进度: 80, 产业层次与科技含量: 80, 综合效益: 80 },
  });
  assert.equal(rated.status, 200, JSON.stringify(rated.body));
  assert.deepEqual(rated.body.my_sheets[0].points, { 投资规模: 24, 建设进度: 24, 产业层次与科技含量: 16, 综合效益: 16 });
  assert.equal(rated.body.my_sheets[0].total, 80);
  const half = { 投资规模: 15, 建设进度: 15, 产业层次与科技含量: 10, 综合效益: 9.5 };
  assert.equal((await judges[1]('POST', `/observations/${id}/sheets`, { project_id: guan, points: half })).status, 200);
  assert.equal((await city('POST', `/observations/${id}/close`, { version: 2 })).status, 200);
  // 东阿县 (88 + 80) / 2 = 84; 冠县 (100 + 49.5) / 2 = 74.75.
  const res = await city('GET', `/observations/${id}/results`);
  assert.deepEqual(res.body.groups[0].items.map((i) => [i.county, i.score, i.rank]), [['东阿县', 84, 1], ['冠县', 74.75, 2]]);

  // The export: what the results route shows the caller, as a workbook named after the event.
  assert.equal((await viewer('GET', `/observations/${id}/results/export`)).status, 404, 'not published: not the viewer\'s');
  assert.equal((await city('GET', '/observations/999999/results/export')).status, 404);
  assert.equal((await city('GET', `/observations/${id}/results/export?format=pdf`)).status, 400);
  for (const who of [city, judges[1]]) {
    const x = await who('GET', `/observations/${id}/results/export`);
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-type'), /spreadsheetml/);
    assert.match(decodeURIComponent(x.headers.get('content-disposition')), /按分值评分观摩-评比结果\.xlsx/);
    // The judges' own sheets only for the organisers.
    assert.deepEqual(sheetNames(x.body), who === city ? ['评比结果', '项目得分', '评委评分'] : ['评比结果', '项目得分']);
    const rows = sheetRows(x.body, '评比结果');
    assert.equal(rows[0][0], '按分值评分观摩 评比结果');
    assert.match(rows[1][0], /聊城市 · 2026-11-03 至 2026-11-04/);
    assert.deepEqual(rows.slice(2), [['分组', '名次', '县(市、区)', '得分'], ['县市区组', 1, '东阿县', 84], ['县市区组', 2, '冠县', 74.75]]);
    const projects = sheetRows(x.body, '项目得分').slice(2);
    assert.deepEqual(projects[0], ['分组', '县(市、区)', '项目', '评委数', '得分']);
    assert.deepEqual(projects.slice(1).map((r) => [r[1], r[3], r[4]]), [['东阿县', 2, 84], ['冠县', 2, 74.75]]);
  }
  // 评委评分: each judge's points as on paper, the rated sheet in points too.
  const paper = sheetRows((await city('GET', `/observations/${id}/results/export`)).body, '评委评分').slice(2);
  assert.deepEqual(paper[0], ['评委', '分组', '县(市、区)', '项目', '投资规模（30分）', '建设进度（30分）', '产业层次与科技含量（20分）', '综合效益（20分）', '合计']);
  assert.deepEqual(paper.slice(1).map((r) => [r[2], ...r.slice(4)]), [
    ['东阿县', 26, 27, 17, 18, 88], ['冠县', 30, 30, 20, 20, 100], ['东阿县', 24, 24, 16, 16, 80], ['冠县', 15, 15, 10, 9.5, 49.5],
  ]);
  // Published rank only: everyone may export it, without scores.
  assert.equal((await city('POST', `/observations/${id}/publish`, { version: 3, publication: 'rank_only' })).status, 200);
  const pub = await viewer('GET', `/observations/${id}/results/export`);
  assert.equal(pub.status, 200);
  assert.deepEqual(sheetNames(pub.body), ['评比结果']);
  assert.match(sheetRows(pub.body, '评比结果')[1][0], /已发布（只公布名次）/);
  assert.deepEqual(sheetRows(pub.body, '评比结果').slice(2), [['分组', '名次', '县(市、区)'], ['县市区组', 1, '东阿县'], ['县市区组', 2, '冠县']]);
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.ok(doc.paths['/api/v1/observations/{id}/results/export'], 'the export in the OpenAPI document');
});

test('rankings: demo runs, recompute keeps the published run, bulletins', async () => {
  const dongezb = api(srv.base, await login(srv.base, 'dongezb'));
  const schemes = (await dongezb('GET', '/ranking-schemes')).body.items;
  const scheme = schemes.find((s) => s.name === '东阿县镇街月度评比');
  assert.ok(scheme);
  const runs = (await dongezb('GET', `/ranking-schemes/${scheme.id}/runs`)).body.items;
  assert.equal(runs.length, 3);
  assert.ok(runs.every((r) => r.published));
  const last = runs[runs.length - 1];
  assert.ok(last.entries.some((e) => e.light === 'red'), 'two yellows in a row make red');
  assert.ok(last.entries.every((e) => ['up', 'down', 'same', 'new'].includes(e.movement)));
  const manual = Object.fromEntries(last.entries.map((e) => [e.subject, { review: 90 }]));
  const again = await dongezb('POST', `/ranking-schemes/${scheme.id}/runs`, { period: 'month', period_label: last.period_label, manual });
  assert.equal(again.status, 201, JSON.stringify(again.body));
  assert.equal(again.body.run_version, 2);
  const kept = await dongezb('GET', `/ranking-runs/${last.id}`);
  assert.equal(kept.body.published, true);
  assert.deepEqual(kept.body.entries, last.entries);
  assert.equal((await dongezb('POST', `/ranking-runs/${last.id}/publish`, { version: last.version })).status, 409);
  assert.equal((await viewer('POST', `/ranking-schemes/${scheme.id}/runs`, { period: 'month', period_label: '2026-01' })).status, 403);
  const xlsx = await dongezb('GET', `/ranking-runs/${last.id}/bulletin?format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
  const pdf = await dongezb('GET', `/ranking-runs/${last.id}/bulletin?format=pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.headers.get('content-disposition') || '', /pdf/);
  // Another county's coordinator does not see 东阿's scheme.
  const guan = api(srv.base, await login(srv.base, 'guanxmb'));
  assert.equal((await guan('GET', `/ranking-schemes/${scheme.id}`)).status, 404);
});

test('a draft event is edited with its version; once open it is refused, naming the rule', async () => {
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  assert.ok(doc.paths['/api/v1/observations/{id}'].patch, 'PATCH in the OpenAPI document');
  const project = (await city('GET', '/projects?region=371524&limit=1')).body.items[0].id;
  const created = await city('POST', '/observations', {
    name: '待修改观摩', region_code: '371500', start_date: '2026-12-01', end_date: '2026-12-02', groups: ['县市区组'],
    judges: ['judge1'], nominations: [{ group: '县市区组', project_id: project }],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  const edited = await city('PATCH', `/observations/${id}`, { version: 1, name: '已修改观摩', judges: ['judge1', 'judge2'] });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.version, 2);
  assert.deepEqual(edited.body.judges, ['judge1', 'judge2']);
  assert.equal(edited.body.start_date, '2026-12-01');
  const bad = await city('PATCH', `/observations/${id}`, { version: 2, name: '', groups: [], region_code: '371524' });
  assert.equal(bad.status, 422);
  const fields = bad.body.error.details.map((d) => d.field);
  for (const f of ['name', 'groups', 'region_code', 'nominations[0].group']) assert.ok(fields.includes(f), `${f} in ${fields}`);
  const stale = await city('PATCH', `/observations/${id}`, { version: 1, name: 'x' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.version, 2);
  assert.equal((await viewer('PATCH', `/observations/${id}`, { version: 2, name: 'x' })).status, 403);
  assert.equal((await city('POST', `/observations/${id}/open`, { version: 2 })).status, 200);
  const open = await city('PATCH', `/observations/${id}`, { version: 3, name: 'x' });
  assert.equal(open.status, 409);
  assert.match(open.body.error.message, /rule observation\.draft_only/);
});

test('reports on time is computed from the progress reports', async () => {
  const dongezb = api(srv.base, await login(srv.base, 'dongezb'));
  const s = await dongezb('POST', '/ranking-schemes', {
    name: '按时报送评比', region_code: '371524', subject_kind: 'town',
    metrics: [{ id: 'reports', kind: 'reports_on_time', weight: 1, target: 1 }],
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  assert.equal(s.body.metrics[0].source, 'supervision');
  const got = await dongezb('GET', `/ranking-schemes/${s.body.id}`);
  assert.ok(got.body.subjects.length >= 11 && got.body.subjects.every((x) => typeof x.projects === 'number'));
  // No manual figures are asked for; every figure is a fraction within 0..1. The demo files weekly
  // reports back to its last ranked month (the last finished month of its annual list), so that
  // month has reports due, some late or missing.
  const monthly = (await dongezb('GET', '/ranking-schemes')).body.items.find((x) => x.name === '东阿县镇街月度评比');
  const ranked = (await dongezb('GET', `/ranking-schemes/${monthly.id}/runs`)).body.items;
  const label = ranked[ranked.length - 1].period_label;
  assert.ok(label < TODAY.slice(0, 7), `${label} is a finished month`);
  const run = await dongezb('POST', `/ranking-schemes/${s.body.id}/runs`, { period: 'month', period_label: label });
  assert.equal(run.status, 201, JSON.stringify(run.body));
  const figures = Object.values(run.body.figures).map((f) => f.reports);
  assert.ok(figures.length > 0 && figures.every((v) => v >= 0 && v <= 1), JSON.stringify(figures));
  assert.ok(figures.some((v) => v < 1), 'the demo files some reports late or not at all');
});
