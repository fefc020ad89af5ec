// Settings per region with inheritance from the city (issue 14 item 3). The finding: any county
// coordinator changed settings that apply to every county (map tile URL, escalation ladder,
// procedure kinds). Now a county's value is its own if set, else its city's, else the default; an
// office writes only its own region (and below); every read says whose the value is; the global
// dictionaries are the system admin's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, login, startServer, stopCleanly } from './server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const who of ['admin', 'lcxmb', 'dongezb', 'guanxmb', 'leader']) as[who] = api(srv.base, await login(srv.base, who));
});
after(async () => {
  if (srv) await stopCleanly(srv);
});

const config = async (who, region) => (await as[who]('GET', `/supervision/config${region ? `?region=${region}` : ''}`)).body;

test('a county office sets its own tile URL and visit rule; other counties keep theirs; clearing inherits again', async () => {
  const url = 'https://tiles.example/dong-e/{z}/{x}/{y}.png';
  const put = await as.dongezb('PUT', '/supervision/settings', { map_tile_url: url, visit_rule: { window_days: 14, min_visits: 1 } });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.region, '371524');
  assert.deepEqual(put.body.sources.map_tile_url, { source: 'own', region: '371524' });
  const guan = await config('guanxmb');
  assert.equal(guan.map_tile_url, '', '冠县 does not read 东阿县’s tile URL');
  assert.equal(guan.sources.map_tile_url.source, 'default');
  assert.equal(guan.visit_rule.window_days, 7);
  // The county's office cannot write its city's or another county's.
  assert.equal((await as.dongezb('PUT', '/supervision/settings?region=371500', { map_tile_url: url })).status, 403);
  assert.equal((await as.dongezb('PUT', '/supervision/settings?region=371525', { map_tile_url: url })).status, 404);
  assert.equal((await as.leader('PUT', '/supervision/settings', { map_tile_url: url })).status, 403);
  // null drops the own value.
  const cleared = await as.dongezb('PUT', '/supervision/settings', { map_tile_url: null, visit_rule: null });
  assert.equal(cleared.status, 200);
  assert.equal(cleared.body.map_tile_url, '');
  assert.equal(cleared.body.sources.visit_rule.source, 'default');
});

test('the city office sets the default of its counties; a county’s own wins over it', async () => {
  const city = await as.lcxmb('GET', '/supervision/config?region=371500');
  const ladder = city.body.escalation.map((s, i) => ({ ...s, after_days: s.after_days + i + 1 }));
  const put = await as.lcxmb('PUT', '/supervision/settings?region=371500', { escalation: ladder });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  for (const who of ['dongezb', 'guanxmb']) {
    const c = await config(who);
    assert.deepEqual(c.escalation.map((s) => s.after_days), ladder.map((s) => s.after_days), who);
    assert.deepEqual(c.sources.escalation, { source: 'inherited', region: '371500' }, who);
  }
  const own = ladder.map((s, i) => ({ ...s, after_days: s.after_days + 10 * (i + 1) }));
  assert.equal((await as.dongezb('PUT', '/supervision/settings', { escalation: own })).status, 200);
  assert.deepEqual((await config('dongezb')).escalation.map((s) => s.after_days), own.map((s) => s.after_days));
  assert.deepEqual((await config('guanxmb')).escalation.map((s) => s.after_days), ladder.map((s) => s.after_days));
  // A problem of 东阿县 escalates by 东阿县’s ladder.
  const problems = (await as.dongezb('GET', '/problems?region=371524')).body.items;
  const escalated = problems.find((p) => p.escalation);
  if (escalated) assert.ok(own.some((s) => s.level === escalated.escalation.level));
});

test('light rules: the city office sets the city’s; a county without its own says it inherits them', async () => {
  const before = (await as.lcxmb('GET', '/supervision/settings?region=371500')).body;
  const put = await as.lcxmb('PUT', '/supervision/settings?region=371500', {
    version: before.version, light_rules: { ...before.light_rules, problem_red_days: 45 },
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.source, 'own');
  let county = (await as.dongezb('GET', '/supervision/settings?region=371524')).body;
  if (county.source === 'own') {
    // The demo confirms each county's shipped rules: drop 东阿县's so it inherits the city's.
    const r = await as.dongezb('PUT', '/supervision/settings?region=371524', { version: county.version, inherit: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    county = r.body;
  }
  assert.equal(county.source, 'inherited');
  assert.equal(county.source_region, '371500');
  assert.equal(county.light_rules.problem_red_days, 45);
  // The county's office sets its own, then drops it.
  const own = await as.dongezb('PUT', '/supervision/settings?region=371524', {
    version: county.version, light_rules: { ...county.light_rules, problem_red_days: 20 },
  });
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.equal(own.body.source, 'own');
  const back = await as.dongezb('PUT', '/supervision/settings?region=371524', { version: own.body.version, inherit: true });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal(back.body.source, 'inherited');
  assert.equal(back.body.light_rules.problem_red_days, 45);
  assert.equal((await as.dongezb('PUT', '/supervision/settings?region=371500', { version: put.body.version, inherit: true })).status, 404);
});

test('procedure kinds: a county’s new kind and its own guide stay in the county', async () => {
  const add = await as.dongezb('PUT', '/procedure-kinds/fire_check', { label_zh: '消防验收', required_for_start: false, guide: { office: '东阿县住建局' } });
  assert.equal(add.status, 200, JSON.stringify(add.body));
  assert.equal(add.body.find((k) => k.code === 'fire_check').source, 'own');
  const guide = await as.dongezb('PUT', '/procedure-kinds/project_approval', { label_zh: '立项/备案', guide: { phone: '0635-1111111' } });
  assert.equal(guide.status, 200, JSON.stringify(guide.body));
  const mine = guide.body.find((k) => k.code === 'project_approval');
  assert.deepEqual([mine.source, mine.guide.phone], ['own', '0635-1111111']);
  const theirs = (await as.guanxmb('GET', '/procedure-kinds')).body;
  assert.ok(!theirs.some((k) => k.code === 'fire_check'), '冠县 does not list 东阿县’s kind');
  const pa = theirs.find((k) => k.code === 'project_approval');
  assert.deepEqual([pa.source, pa.guide.phone], ['default', '']);
  // Another county's kind code is not the office's to rewrite.
  assert.equal((await as.guanxmb('PUT', '/procedure-kinds/fire_check', { label_zh: 'x' })).status, 409);
  assert.equal((await as.dongezb('PUT', '/procedure-kinds/fire_check?region=371525', { label_zh: 'x' })).status, 404);
});

test('global dictionaries and plausibility rules: the system admin only', async () => {
  const items = (await as.admin('GET', '/dictionaries')).body.category;
  for (const who of ['lcxmb', 'dongezb', 'leader']) {
    assert.equal((await as[who]('PUT', '/dictionaries/category', { items })).status, 403, who);
    assert.equal((await as[who]('PUT', '/settings/plausibility', { jump_points: 31 })).status, 403, who);
  }
  assert.equal((await as.admin('PUT', '/dictionaries/category', { items })).status, 200);
  assert.equal((await as.admin('PUT', '/settings/plausibility', { jump_points: 31 })).status, 200);
});
