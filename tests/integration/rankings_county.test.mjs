// A city's ranking of its counties (subject_kind county), 不适用 metrics and dated figures, against a
// real server process with the demo data (docs/assessment.md, "Not applicable").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { sheetNames, sheetRows } from './xlsx.mjs';

let srv, city, dongezb, guan;
before(async () => {
  srv = await startServer();
  city = api(srv.base, await login(srv.base, 'lcxmb'));
  dongezb = api(srv.base, await login(srv.base, 'dongezb'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
});
after(() => stopCleanly(srv));

const metrics = [
  { id: 'start_rate', kind: 'start_rate', weight: 40, target: 0.8, cap: 1.2 },
  { id: 'investment_rate', kind: 'investment_rate', weight: 30, target: 1 },
  { id: 'reports_on_time', kind: 'reports_on_time', weight: 30, target: 1 },
];

test('the demo city ranks its counties; counties read the published run', async () => {
  const schemes = (await city('GET', '/ranking-schemes')).body.items;
  const scheme = schemes.find((s) => s.subject_kind === 'county');
  assert.ok(scheme, 'the demo has a county ranking of 聊城市');
  assert.equal(scheme.region_code, '371500');
  const detail = (await city('GET', `/ranking-schemes/${scheme.id}`)).body;
  assert.ok(detail.can_manage);
  const names = detail.subjects.map((s) => s.name);
  for (const n of ['东阿县', '冠县']) assert.ok(names.includes(n), names.join());
  const runs = (await city('GET', `/ranking-schemes/${scheme.id}/runs`)).body.items;
  assert.equal(runs.length, 1);
  assert.ok(runs[0].published);
  const entries = runs[0].entries;
  assert.ok(entries.some((e) => e.subject === '东阿县'), JSON.stringify(entries));
  for (const e of entries) {
    assert.ok(Array.isArray(e.not_applicable));
    // A metric is scored or not applicable, never both.
    for (const m of e.not_applicable) assert.equal(e.metric_scores[m], undefined);
  }
  // County offices read it (and its bulletin), may not compute it.
  for (const county of [dongezb, guan]) {
    assert.ok((await county('GET', '/ranking-schemes')).body.items.some((s) => s.id === scheme.id));
    assert.equal((await county('GET', `/ranking-runs/${runs[0].id}`)).status, 200);
    assert.equal((await county('GET', `/ranking-runs/${runs[0].id}/bulletin?format=xlsx`)).status, 200);
    const denied = await county('POST', `/ranking-schemes/${scheme.id}/runs`, { period: 'month', period_label: runs[0].period_label });
    assert.equal(denied.status, 403);
  }
});

test('county kind only for a city; drafts stay with the city; a re-run of a past month does not move', async () => {
  const bad = await dongezb('POST', '/ranking-schemes', { name: '县内县区评比', region_code: '371524', subject_kind: 'county', metrics });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].field, 'subject_kind');
  const made = await city('POST', '/ranking-schemes', { name: '县市区季度考评（测试）', region_code: '371500', subject_kind: 'county', metrics });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const label = `${Number(TODAY.slice(0, 4))}-${TODAY.slice(5, 7)}`;
  // The previous month: finished, its figures are dated by its end.
  const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  const past = d.toISOString().slice(0, 7);
  assert.ok(past < label);
  const first = await city('POST', `/ranking-schemes/${made.body.id}/runs`, { period: 'month', period_label: past });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  // A draft: the counties do not see it.
  assert.equal((await dongezb('GET', `/ranking-runs/${first.body.id}`)).status, 404);
  assert.equal((await dongezb('GET', `/ranking-schemes/${made.body.id}/runs`)).body.items.length, 0);
  // Figures are fractions; a metric with nothing due has no figure and is listed as not applicable.
  for (const e of first.body.entries) {
    const f = first.body.figures[e.subject];
    for (const m of metrics) {
      if (e.not_applicable.includes(m.id)) assert.equal(f[m.id], undefined);
      else assert.ok(f[m.id] >= 0, `${e.subject} ${m.id}`);
    }
  }
  // Publish, then recompute the same month: a new version with the same scores (every figure is
  // dated by the month's end, whatever the ledger says today).
  assert.equal((await city('POST', `/ranking-runs/${first.body.id}/publish`, { version: first.body.version })).status, 200);
  const again = await city('POST', `/ranking-schemes/${made.body.id}/runs`, { period: 'month', period_label: past });
  assert.equal(again.status, 201);
  assert.equal(again.body.run_version, 2);
  assert.deepEqual(
    again.body.entries.map((e) => [e.subject, e.score, e.not_applicable]),
    first.body.entries.map((e) => [e.subject, e.score, e.not_applicable]),
  );
  assert.deepEqual(again.body.figures, first.body.figures);
  const seen = (await dongezb('GET', `/ranking-schemes/${made.body.id}/runs`)).body.items;
  assert.deepEqual(seen.map((r) => r.id), [first.body.id]);
});

test('a town with nothing due for a metric: 不适用 on the run and in its bulletin', async () => {
  // In the demo's last finished month most towns had no problem come due: 问题按期销号率 不适用.
  const weights = { start_rate: 40, problems: 30, review: 30 };
  const s = await dongezb('POST', '/ranking-schemes', {
    name: '开工率与销号（不适用）', region_code: '371524', subject_kind: 'town',
    metrics: [
      { id: 'start_rate', kind: 'start_rate', weight: 40, target: 1 },
      { id: 'problems', kind: 'problems_closed_on_time', weight: 30, target: 1 },
      { id: 'review', kind: 'manual', weight: 30, target: 100 },
    ],
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  const subjects = (await dongezb('GET', `/ranking-schemes/${s.body.id}`)).body.subjects.filter((x) => x.projects > 0);
  const manual = Object.fromEntries(subjects.map((x) => [x.name, { review: 80 }]));
  const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  const run = await dongezb('POST', `/ranking-schemes/${s.body.id}/runs`, { period: 'month', period_label: d.toISOString().slice(0, 7), manual });
  assert.equal(run.status, 201, JSON.stringify(run.body));
  const na = run.body.entries.filter((e) => e.not_applicable.length);
  assert.ok(na.length > 0, 'some town had no problem due');
  for (const e of run.body.entries) {
    // Σ over the applicable metrics of w·score / Σ of their w: e.g. problems 不适用 → 40/70 and 30/70.
    const ids = Object.keys(weights).filter((id) => !e.not_applicable.includes(id));
    const expected = ids.reduce((a, id) => a + weights[id] * e.metric_scores[id], 0) / ids.reduce((a, id) => a + weights[id], 0);
    assert.ok(Math.abs(e.score - expected) < 1e-5, `${JSON.stringify(e)} expected ${expected}`);
    assert.deepEqual(e.not_applicable.filter((id) => id !== 'problems'), [], 'start rate and review apply to every town here');
  }
  const xlsx = await dongezb('GET', `/ranking-runs/${run.body.id}/bulletin?format=xlsx`);
  assert.equal(xlsx.status, 200);
  const rows = sheetRows(xlsx.body, sheetNames(xlsx.body)[0]);
  const cells = rows.flat().filter((c) => c === '不适用').length;
  assert.equal(cells, na.length, `${na.length} 不适用 cells`);
});

test('the dispatch bulletin scores towns by the same rule', async () => {
  const period = `${TODAY.slice(0, 4)}-${TODAY.slice(5, 7)}`;
  const xlsx = await dongezb('GET', `/bulletins?region=371524&period=${period}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  const rows = sheetRows(xlsx.body, '乡镇排名');
  assert.deepEqual(rows[0], ['名次', '名称', '项目数', '新开工/应开工', '开工率', '完成投资/年度计划（万元）', '投资完成率', '得分']);
  for (const r of rows.slice(1)) {
    const [rank, , , , start, , invest, score] = r;
    const pct = (x) => (x === '不适用' ? null : Math.min(parseFloat(x) / 100, 1) * 100);
    const parts = [pct(start), pct(invest)].filter((x) => x !== null);
    if (!parts.length) {
      assert.equal(rank, '—');
      assert.equal(score, '不适用');
      continue;
    }
    // 50/50, a 不适用 rate's weight on the other: the mean of the applicable rate points (to the
    // printed rounding of the rates, 0.1 %).
    const expected = parts.reduce((a, b) => a + b, 0) / parts.length;
    assert.ok(Math.abs(parseFloat(score) - expected) < 0.11, `${r.join('|')} expected ${expected}`);
  }
});
