// 链长制 assessment: the ranking engine ranks a county's chains (subject_kind chain, chains by id)
// on their dated figures, against a real server process with the demo data (docs/assessment.md,
// "Chains (链长制)"). The county office runs and publishes; its viewer reads; another county: 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { sheetNames, sheetRows } from './xlsx.mjs';

let srv, dongezb, viewer, guan;
before(async () => {
  srv = await startServer();
  dongezb = api(srv.base, await login(srv.base, 'dongezb'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
  guan = api(srv.base, await login(srv.base, 'guanxmb'));
});
after(() => stopCleanly(srv));

const metrics = [
  { id: 'reports', kind: 'chain_reports_on_time', weight: 30, target: 1 },
  { id: 'visits', kind: 'chain_visits', weight: 20, target: 2 },
  { id: 'problems', kind: 'problems_not_overdue', weight: 20, target: 1 },
  { id: 'start_rate', kind: 'start_rate', weight: 10, target: 0.8, cap: 1.2 },
  { id: 'investment', kind: 'chain_investment', weight: 10, scoring: 'rank', step: 10 },
  { id: 'leads', kind: 'leads_signed', weight: 10, target: 2 },
];

// The month before TODAY's: finished, its figures are dated by its end.
function lastMonth() {
  const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 7);
}

test('the demo publishes 东阿县\'s chain ranking: chains by name with 总链长 and 链长', async () => {
  const scheme = (await dongezb('GET', '/ranking-schemes')).body.items.find((s) => s.subject_kind === 'chain');
  assert.ok(scheme, 'the demo has a chain ranking');
  assert.equal(scheme.region_code, '371524');
  assert.ok(scheme.metrics.some((m) => m.source === 'chain'));
  const detail = (await dongezb('GET', `/ranking-schemes/${scheme.id}`)).body;
  const ejiao = detail.subjects.find((s) => s.name === '阿胶');
  assert.ok(ejiao && ejiao.chief_leader && ejiao.leader, JSON.stringify(detail.subjects));
  const runs = (await viewer('GET', `/ranking-schemes/${scheme.id}/runs`)).body.items;
  assert.ok(runs.length >= 1);
  const run = runs[runs.length - 1];
  assert.ok(run.published);
  const names = run.entries.map((e) => e.subject);
  for (const n of ['阿胶', '钢球', '轴承', '精品钢板']) assert.ok(names.includes(n), names.join());
  for (const e of run.entries) {
    assert.ok(run.subject_details[e.subject].leader, e.subject);
    // Leads signed are counted from the chain's leads (签约 dated by the period's end): always applicable.
    assert.ok(!e.not_applicable.includes('leads_signed'), JSON.stringify(e));
    assert.ok(e.metric_scores.leads_signed >= 0, JSON.stringify(e));
    for (const m of e.not_applicable) assert.equal(e.metric_scores[m], undefined);
  }
});

test('a county office ranks its chains, publishes; the viewer reads it, another county gets 404', async () => {
  const bad = await dongezb('POST', '/ranking-schemes', { name: '镇街链长制（错）', region_code: '371524', subject_kind: 'town', metrics });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].field, 'metrics[0].kind');
  const made = await dongezb('POST', '/ranking-schemes', { name: '链长制季度考评（测试）', region_code: '371524', subject_kind: 'chain', metrics });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const past = lastMonth();
  const first = await dongezb('POST', `/ranking-schemes/${made.body.id}/runs`, { period: 'month', period_label: past });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const weights = Object.fromEntries(metrics.map((m) => [m.id, m.weight]));
  for (const e of first.body.entries) {
    const f = first.body.figures[e.subject];
    for (const m of metrics) {
      if (e.not_applicable.includes(m.id)) assert.equal(f[m.id], undefined, `${e.subject} ${m.id}`);
      else assert.ok(f[m.id] >= 0, `${e.subject} ${m.id}`);
    }
    if (e.rank === 0) continue;
    // Σ over the applicable metrics of w·score / Σ of their w.
    const ids = metrics.map((m) => m.id).filter((id) => !e.not_applicable.includes(id));
    const expected = ids.reduce((a, id) => a + weights[id] * e.metric_scores[id], 0) / ids.reduce((a, id) => a + weights[id], 0);
    assert.ok(Math.abs(e.score - expected) < 1e-5, `${JSON.stringify(e)} expected ${expected}`);
  }
  // 冠县 sees neither the scheme nor the run.
  assert.equal((await guan('GET', `/ranking-schemes/${made.body.id}`)).status, 404);
  assert.equal((await guan('GET', `/ranking-runs/${first.body.id}`)).status, 404);
  assert.ok(!(await guan('GET', '/ranking-schemes')).body.items.some((s) => s.id === made.body.id));
  // Published; re-run: a new version, the same figures (dated by the month's end).
  const pub = await dongezb('POST', `/ranking-runs/${first.body.id}/publish`, { version: first.body.version });
  assert.equal(pub.status, 200);
  const again = await dongezb('POST', `/ranking-schemes/${made.body.id}/runs`, { period: 'month', period_label: past });
  assert.equal(again.status, 201);
  assert.equal(again.body.run_version, 2);
  assert.deepEqual(again.body.figures, first.body.figures);
  // The county's viewer reads the run and its bulletin, may not compute.
  const read = await viewer('GET', `/ranking-runs/${first.body.id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.subject_details, first.body.subject_details);
  assert.equal((await viewer('POST', `/ranking-schemes/${made.body.id}/runs`, { period: 'month', period_label: past })).status, 403);
  const xlsx = await viewer('GET', `/ranking-runs/${first.body.id}/bulletin?format=xlsx`);
  assert.equal(xlsx.status, 200);
  const rows = sheetRows(xlsx.body, sheetNames(xlsx.body)[0]);
  const header = rows.find((r) => r.includes('名次'));
  assert.deepEqual(header.slice(0, 4), ['名次', '对象', '总链长', '链长']);
  const ejiao = rows.find((r) => r[1] === '阿胶');
  assert.ok(ejiao, JSON.stringify(rows));
  assert.equal(ejiao[3], first.body.subject_details['阿胶'].leader);
  assert.ok(rows.flat().includes('不适用'));
  assert.equal((await guan('GET', `/ranking-runs/${first.body.id}/bulletin?format=xlsx`)).status, 404);
});
