// Supervision API (progress table, lights, targets, bulletins) and the bulletin CLI against a real
// server process on the demo database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, api, BIN, TODAY, stopCleanly } from './server.mjs';

let srv;
let coord; // 东阿县项目办
let unit;  // 东阿县工信局
let viewer;
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
  unit = api(srv.base, await login(srv.base, 'unit'));
  viewer = api(srv.base, await login(srv.base, 'viewer'));
});
after(() => stopCleanly(srv));


test('OpenAPI lists the supervision endpoints', async () => {
  const doc = await (await fetch(`${srv.base}/api/v1/openapi.json`)).json();
  for (const p of ['/api/v1/reports', '/api/v1/reports/{id}', '/api/v1/lights', '/api/v1/lights/dashboard', '/api/v1/targets', '/api/v1/bulletins']) {
    assert.ok(doc.paths[p], `OpenAPI lacks ${p}`);
  }
});

test('a report is filed, refused to its filer for approval, approved by another; stale versions are refused', async () => {
  const list = await coord('GET', '/reports?region=371524&status=pending');
  assert.equal(list.status, 200);
  const r = list.body.items.find((x) => x.unit_name === '工业和信息化局' && x.due_date >= TODAY);
  assert.ok(r, 'an open report of the unit');
  const history = await unit('GET', `/projects/${r.project_id}/reports`);
  // The previous figure the rule holds against: the highest filed before this period, in its year
  // (a new year starts again from zero).
  const sameYear = (x) => x.period.slice(0, 4) === r.period.slice(0, 4) && x.period_end < r.period_end;
  const before = history.body.items.filter((x) => ['submitted', 'approved'].includes(x.status) && sameYear(x));
  const filed = Math.max(0, ...before.map((x) => x.investment_year));
  // Bad input names every field and changes nothing.
  const bad = await unit('PATCH', `/reports/${r.id}`, { version: r.version, investment_period: -1, workers: 'many', by_source: { gold: 1 } });
  assert.equal(bad.status, 422);
  // investment_year (0) is also below the project's last filed cumulative figure.
  const fields = bad.body.error.details.map((d) => d.field);
  for (const f of ['by_source.gold', 'investment_period', 'workers']) assert.ok(fields.includes(f), `${f} in ${fields}`);
  const body = { version: r.version, investment_period: 2000000, investment_year: filed + 2000000, by_source: { enterprise: 2000000 },
                 workers: 60, visual_progress: '设备安装调试', submit: true };
  const sub = await unit('PATCH', `/reports/${r.id}`, body);
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  assert.equal(sub.body.status, 'submitted');
  const stale = await unit('PATCH', `/reports/${r.id}`, body);
  assert.equal(stale.status, 409);
  // The unit has no review right; the office approves.
  assert.equal((await unit('POST', `/reports/${r.id}/approve`, { version: sub.body.version })).status, 403);
  const ok = await coord('POST', `/reports/${r.id}/approve`, { version: sub.body.version });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.status, 'approved');
  // An approved report takes no more photos.
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  assert.equal((await unit('POST', `/reports/${r.id}/photos?filename=late.png`, png)).status, 409);
});

test('own report: the office files and cannot approve it (409 naming the rule)', async () => {
  const list = await coord('GET', '/reports?region=371524&status=pending');
  const r = list.body.items.find((x) => x.due_date >= TODAY && x.unit_name !== '工业和信息化局');
  const sub = await coord('PATCH', `/reports/${r.id}`, { version: r.version, workers: 12, submit: true,
    investment_period: 0, investment_year: Math.max(0, ...(await coord('GET', `/projects/${r.project_id}/reports`)).body.items
      .filter((x) => ['submitted', 'approved'].includes(x.status)).map((x) => x.investment_year)) });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const own = await coord('POST', `/reports/${r.id}/approve`, { version: sub.body.version });
  assert.equal(own.status, 409);
  assert.match(own.body.error.message, /report\.own_report/);
  assert.equal((await coord('GET', `/reports/${r.id}`)).body.status, 'submitted');
});

test('photos: PNG accepted, other types refused', async () => {
  const list = await unit('GET', '/reports?region=371524&status=pending');
  const r = list.body.items.find((x) => x.unit_name === '工业和信息化局' && x.due_date >= TODAY);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const up = await unit('POST', `/reports/${r.id}/photos?filename=site.png`, png, { 'Content-Type': 'image/png' });
  assert.equal(up.status, 201, JSON.stringify(up.body));
  const got = await unit('GET', `/report-photos/${up.body.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('content-type'), 'image/png');
  assert.equal(got.body.length, 12);
  const txt = await unit('POST', `/reports/${r.id}/photos?filename=a.txt`, 'hello');
  assert.equal(txt.status, 422);
});

test('lights: dashboard, list with reasons, one project as of a date, out of scope → 404', async () => {
  const d = await coord('GET', '/lights/dashboard?region=371524');
  assert.equal(d.status, 200);
  const { green, yellow, red } = d.body.counts;
  assert.equal(green + yellow + red, d.body.total);
  assert.ok(red > 0 && yellow > 0 && green > 0);
  const reds = await coord('GET', '/lights?region=371524&light=red&limit=5');
  assert.equal(reds.body.total_count, red);
  for (const item of reds.body.items) {
    assert.equal(item.light, 'red');
    assert.ok(item.reasons.some((x) => x.light === 'red'), 'a red light says why');
  }
  const id = reds.body.items[0].project_id;
  const one = await coord('GET', `/projects/${id}/light?as_of=${TODAY}`);
  assert.equal(one.body.light, 'red');
  const guan = api(srv.base, await login(srv.base, 'guanxmb'));
  assert.equal((await guan('GET', `/projects/${id}/light`)).status, 404);
  assert.equal((await coord('GET', '/lights?as_of=2026-13-01')).status, 400);
  const snap = await coord('GET', '/lights/snapshots?region=371524&period=' + (await coord('GET', '/reports?region=371524')).body.period);
  assert.equal(snap.status, 404); // the running week is not kept yet
});

test('targets: the seeds\' targets with status, forecast, and validation', async () => {
  const t = await coord('GET', '/targets?region=371524&as_of=2026-05-01');
  assert.equal(t.status, 200);
  const names = t.body.items.map((x) => x.name);
  assert.ok(names.some((n) => n.includes('60%')));
  assert.ok(t.body.items.filter((x) => x.metric === 'count_stage' && x.name.includes('420')).length === 3);
  for (const x of t.body.items) {
    assert.ok(['met', 'on_track', 'at_risk', 'missed'].includes(x.status));
    assert.equal(typeof x.projected, 'number');
  }
  const bad = await coord('POST', '/targets', { name: '', region: '371524', metric: 'speed', comparator: '~', threshold: 'x' });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.details.length >= 4);
  assert.equal((await viewer('POST', '/targets', { name: 'x', region: '371524', threshold: 1, deadline: '2026-12-31' })).status, 403);
});

test('bulletin: PDF and xlsx download; the CLI writes the same', async () => {
  const period = '2026-W23';
  const pdf = await coord('GET', `/bulletins?region=371524&period=${period}&format=pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
  const xlsx = await coord('GET', `/bulletins?region=371524&period=${period}&format=xlsx`);
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
  assert.equal((await coord('GET', `/bulletins?region=371524&period=W23&format=pdf`)).status, 422);
  const out = join(srv.dir, 'b.pdf');
  const r = spawnSync(BIN, ['bulletin', '--db', srv.dbPath, '--region', '371524', '--period', period, '-o', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(out));
  assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
  const bad = spawnSync(BIN, ['bulletin', '--db', srv.dbPath, '--region', '371524', '--period', period, '-o', join(srv.dir, 'b.doc')], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('reports tasks CLI: the running period of every county, once', async () => {
  const run = () => spawnSync(BIN, ['reports', 'tasks', '--db', srv.dbPath], { encoding: 'utf8' });
  const r = run();
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(lines.length >= 4, 'the demo city has four counties');
  const dong = lines.find((l) => l.region === '371524');
  assert.match(dong.period, /^\d{4}-W\d{2}$/);
  assert.equal(dong.projects, (await coord('GET', '/reports?region=371524&period=' + dong.period)).body.items.length);
  assert.ok(run().stdout.trim().split('\n').every((l) => JSON.parse(l).created === 0), 'idempotent');
  assert.equal(spawnSync(BIN, ['reports', 'tasks', '--db', srv.dbPath, '--region', '999999'], { encoding: 'utf8' }).status, 2);
});

test('metrics start-rate CLI output is unchanged', async () => {
  const r = spawnSync(BIN, ['metrics', 'start-rate', '--db', srv.dbPath, '--as-of', '2026-06-30', '--region', '371524'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\{"numerator":\d+,"denominator":\d+,"value":[\d.]+\}\n$/);
});

test('settings over HTTP: light rules per region (versioned) and the global rules apart; a mixed body changes nothing', async () => {
  const path = '/supervision/settings?region=371524';
  const s = (await coord('GET', path)).body;
  const cfg = (await coord('GET', '/supervision/config')).body;
  const rules = { ...s.light_rules, start_red_months: s.light_rules.start_red_months === 2 ? 4 : 2 };
  const mixed = await coord('PUT', path, { version: s.version, light_rules: rules, visit_rule: { window_days: cfg.visit_rule.window_days + 1, min_visits: 1 } });
  assert.equal(mixed.status, 400);
  assert.deepEqual((await coord('GET', path)).body, s);
  assert.deepEqual((await coord('GET', '/supervision/config')).body.visit_rule, cfg.visit_rule);
  const bad = await coord('PUT', path, { version: s.version, light_rules: { ...rules, start_red_months: 0 }, report_policy: s.report_policy });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.details.some((d) => d.field === 'start_red_months'));
  assert.equal((await viewer('PUT', path, { version: s.version, light_rules: rules, report_policy: s.report_policy })).status, 403);
  const ok = await coord('PUT', path, { version: s.version, light_rules: rules, report_policy: s.report_policy });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.light_rules.start_red_months, rules.start_red_months);
  assert.equal(ok.body.version, s.version + 1);
  assert.equal((await coord('PUT', path, { version: s.version, light_rules: s.light_rules, report_policy: s.report_policy })).status, 409);
  const global = await coord('PUT', '/supervision/settings', { visit_rule: { window_days: cfg.visit_rule.window_days + 1, min_visits: 1 } });
  assert.equal(global.status, 200);
  assert.equal(global.body.visit_rule.window_days, cfg.visit_rule.window_days + 1);
  assert.deepEqual((await coord('GET', path)).body.light_rules, ok.body.light_rules);
});

test('the map colours each project by its warning light, with the reasons', async () => {
  const map = (await coord('GET', '/map?region=371524')).body;
  const lights = (await coord('GET', '/lights?region=371524&limit=0')).body;
  const byId = new Map(lights.items.map((l) => [l.project_id, l]));
  assert.ok(map.items.length > 0);
  for (const p of map.items) {
    const l = byId.get(p.id);
    assert.ok(l, `project ${p.id} has a light`);
    assert.equal(p.light, l.light);
    assert.deepEqual(p.reasons, l.reasons);
  }
});

test('the server generates the running period\'s report tasks when it starts: a project added since gets its task', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gj-tasks-'));
  const dbPath = join(dir, 'tasks.db');
  try {
    const a = await startServer({ db: dbPath });
    const office = api(a.base, await login(a.base, 'dongezb'));
    const created = await office('POST', '/projects', {
      code: 'TASK-1', name: '报送任务测试项目', county_code: '371524', category: 'industrial', level: 'county',
      kind: 'new', track: 'implementation', stage: 'signed',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const before = (await office('GET', '/reports?region=371524')).body;
    assert.ok(!before.items.some((r) => r.project_id === created.body.id), 'no task until the next generation');
    assert.equal((await a.stop()).code, 0);

    // The generation runs beside serving: wait for it (at most 10 s).
    const b = await startServer({ demo: false, db: dbPath });
    const office2 = api(b.base, await login(b.base, 'dongezb'));
    let task;
    for (let i = 0; i < 100 && !task; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      task = (await office2('GET', '/reports?region=371524')).body.items.find((r) => r.project_id === created.body.id);
    }
    assert.ok(task, 'the restarted server generated the task');
    assert.equal(task.status, 'pending');
    for (let i = 0; i < 50 && !/report tasks generated: 1\n/.test(b.stderr()); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(b.stderr(), /report tasks generated: 1\n/);
    assert.equal((await b.stop()).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plausibility: a report above 1.5 × the annual plan is refused naming both figures; a jump saves with a warning the reviewer sees', async () => {
  const list = await unit('GET', '/reports?region=371524&status=pending');
  const mine = list.body.items.filter((x) => x.unit_name === '工业和信息化局' && x.due_date >= TODAY && x.annual_plan > 0);
  const r = mine[mine.length - 1];
  assert.ok(r, 'an open report of the unit on a project with a plan');
  const history = await unit('GET', `/projects/${r.project_id}/reports`);
  // The previous figure the rule holds against: the highest filed before this period, in its year
  // (a new year starts again from zero).
  const sameYear = (x) => x.period.slice(0, 4) === r.period.slice(0, 4) && x.period_end < r.period_end;
  const before = history.body.items.filter((x) => ['submitted', 'approved'].includes(x.status) && sameYear(x));
  const filed = Math.max(0, ...before.map((x) => x.investment_year));
  const plan = r.annual_plan;
  // Hard: the year's cumulative above 1.5 × the plan.
  const limit = Math.floor(plan * 1.5);
  const over = await unit('PATCH', `/reports/${r.id}`, { version: r.version, investment_period: 0, investment_year: limit + 10000 });
  assert.equal(over.status, 422, JSON.stringify(over.body));
  const d = over.body.error.details.find((x) => x.field === 'investment_year');
  assert.match(d.reason, /^rule plausible\.annual_completed_above_plan: /);
  assert.equal(d.value, String(limit + 10000));
  const fig = over.body.plausibility.find((x) => x.rule === 'plausible.annual_completed_above_plan');
  assert.deepEqual([fig.field, fig.value, fig.limit, fig.limit_of, fig.factor], ['investment_year', limit + 10000, limit, 'annual_plan', 1.5]);
  // Hard: the cumulative never falls below the previous report's.
  if (filed > 0) {
    const down = await unit('PATCH', `/reports/${r.id}`, { version: r.version, investment_period: 0, investment_year: filed - 10000 });
    assert.equal(down.status, 422);
    const f2 = down.body.plausibility.find((x) => x.rule === 'plausible.cumulative_below_previous');
    assert.deepEqual([f2.value, f2.limit], [filed - 10000, filed]);
  }
  // Soft: 40 more points of the plan in one week saves, with a warning.
  const jump = Math.round(plan * 0.4 / 10000) * 10000;
  assert.ok(filed + jump <= limit, `${filed} + ${jump} within ${limit}`);
  {
    const saved = await unit('PATCH', `/reports/${r.id}`, { version: r.version, investment_period: jump, investment_year: filed + jump, submit: true });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const w = saved.body.warnings.find((x) => x.code === 'plausible.progress_jump');
    if (before.length === 0) {
      // Nothing filed earlier this year (the year's first weeks): no jump to measure.
      assert.equal(w, undefined, JSON.stringify(saved.body.warnings));
    } else {
      assert.ok(w, JSON.stringify(saved.body.warnings));
      assert.equal(w.field, 'investment_year');
      assert.equal(w.value, filed + jump);
      assert.ok(w.points > 30);
    }
    // The reviewer sees the same warning on the report.
    const seen = await coord('GET', `/reports/${r.id}`);
    assert.deepEqual(seen.body.warnings, saved.body.warnings);
  }
  // A report within every rule carries no warnings.
  const quiet = (await coord('GET', '/reports?region=371524&status=pending')).body.items.find((x) => x.id !== r.id);
  assert.deepEqual(quiet.warnings, []);
});
