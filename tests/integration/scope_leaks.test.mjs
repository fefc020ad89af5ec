// Scope that cannot be forgotten (issue 14 item 3, its findings): regional reports answer the
// caller's read scope and nothing else, and a unit user reads the enterprises of its own remit only.
//   - /visits/compliance and /procedures/durations: a judge (no project.read) and 咸丰县's admin read
//     nothing of 聊城市; a ?region= of another county, or unknown, lists nothing (200 and empty, as
//     every list over a region outside the scope: scope.cases) — never every county's leaders;
//   - land efficiency: a unit's remit is its unit's region — a town's unit (铜城街道) reads its town's
//     enterprises only (the list, one row's journal and actions, a run's results and score cards;
//     the run's export and policy ledger list the whole county: 403), the county's 工信局 the
//     county's (a unit-role account always names its unit).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, login } from './server.mjs';
import { startTwoCounties } from './roles_harness.mjs';

let h;
let town; // a 铜城街道 unit account
const TOWN = '铜城街道';

async function freshAccount(body) {
  const FIRST = 'Chu-Shi-Mi-Ma-2026', CHOSEN = 'Xin-De-Mi-Ma-2026';
  const made = await h.call.admin('POST', '/users', { password: FIRST, ...body });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const first = api(h.srv.base, await login(h.srv.base, body.login, FIRST));
  assert.equal((await first('POST', '/auth/password', { old_password: FIRST, new_password: CHOSEN })).status, 200);
  return api(h.srv.base, await login(h.srv.base, body.login, CHOSEN));
}

before(async () => {
  h = await startTwoCounties('scope-leaks');
  const units = (await h.ok('dongezb', 'GET', '/units?region=371524', undefined, 200)).items;
  const tongcheng = units.find((u) => u.name === TOWN);
  assert.ok(tongcheng, 'the demo has 铜城街道 as a unit');
  town = await freshAccount({ login: 'tc-unit', name: '铜城街道经发办', grants: [{ role: 'unit', region_code: '371524', unit_id: tongcheng.id }] });
});
after(() => h.stop());

const REPORTS = ['/visits/compliance', '/procedures/durations'];

test('a judge and another county\'s admin read nothing of 聊城市\'s compliance and approval durations', async () => {
  for (const path of REPORTS) {
    for (const who of ['judge1', 'xfadmin']) {
      const res = await h.call[who]('GET', path);
      assert.equal(res.status, 200, `${who} ${path}`);
      assert.deepEqual(res.body.items, [], `${who} ${path}`);
    }
    // The office of 东阿县 does read them: the check above means something.
    assert.ok((await h.ok('dongezb', 'GET', path, undefined, 200)).items.length > 0, path);
  }
});

test('a ?region= the caller may not read, or that does not exist, lists nothing on compliance and durations', async () => {
  // As every list over a region outside the scope (scope.cases): 200 and empty, never every county.
  const cases = [
    ['judge1', '371524'], ['judge1', '371500'], // no project.read at all
    ['guanxmb', '371524'], // another county's office
    ['xfadmin', '371524'], ['xfadmin', '371500'],
    ['dongezb', '371525'], ['dongezb', '999999'], ['dongezb', 'x'], // a sibling county; unknown codes
    ['admin', '999999'], ['unit', '371525'], ['viewer', '422826'],
  ];
  for (const path of REPORTS) {
    for (const [who, region] of cases) {
      const res = await h.call[who]('GET', `${path}?region=${region}`);
      assert.equal(res.status, 200, `${who} ${path}?region=${region}`);
      assert.deepEqual(res.body.items, [], `${who} ${path}?region=${region}: ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    // In scope: rows (the city narrows to the office's county).
    for (const [who, region] of [['dongezb', '371524'], ['dongezb', '371500'], ['lcxmb', '371524'], ['viewer', '371524']]) {
      const res = await h.call[who]('GET', `${path}?region=${region}`);
      assert.equal(res.status, 200, `${who} ${path}?region=${region}`);
      assert.ok(res.body.items.length > 0, `${who} ${path}?region=${region}`);
    }
  }
});

test('land efficiency: a town\'s unit reads the enterprises of its town only', async () => {
  const all = (await h.ok('dongezb', 'GET', '/land/data?county=371524&year=2025', undefined, 200)).items;
  const towns = new Set(all.map((r) => r.town));
  assert.ok(towns.size > 1 && towns.has(TOWN), [...towns].join(','));
  // The county's 工信局 (the demo's unit) reviews the whole county.
  assert.equal((await h.ok('unit', 'GET', '/land/data?county=371524&year=2025', undefined, 200)).items.length, all.length);

  const mine = await town('GET', '/land/data?county=371524&year=2025');
  assert.equal(mine.status, 200, JSON.stringify(mine.body).slice(0, 300));
  assert.ok(mine.body.items.length > 0);
  assert.ok(mine.body.items.every((r) => r.town === TOWN), 'only 铜城街道\'s enterprises');
  assert.equal(mine.body.items.length, all.filter((r) => r.town === TOWN).length);
  const other = all.find((r) => r.town !== TOWN);
  const own = all.find((r) => r.town === TOWN);
  // One row's journal: another town's enterprise does not exist for it.
  assert.equal((await town('GET', `/land/data/${other.id}/journal`)).status, 404, 'another town\'s enterprise');
  const ownRead = await town('GET', `/land/data/${own.id}/journal`);
  assert.equal(ownRead.status, 200, JSON.stringify(ownRead.body));
  // A workflow action on another town's row: as if it did not exist.
  assert.equal((await town('POST', `/land/data/${other.id}/actions`, { action: 'review', version: other.version })).status, 404);

  // The published run: its results and score cards, the remit's enterprises only.
  const runs = (await town('GET', '/land/runs?county=371524')).body.items;
  assert.ok(runs.length > 0);
  const run = await town('GET', `/land/runs/${runs[0].id}`);
  assert.equal(run.status, 200, JSON.stringify(run.body).slice(0, 300));
  assert.ok(run.body.results.length > 0 && run.body.results.every((r) => r.town === TOWN));
  const full = (await h.ok('dongezb', 'GET', `/land/runs/${runs[0].id}`, undefined, 200)).results;
  const foreign = full.find((r) => r.town !== TOWN);
  assert.equal((await town('GET', `/land/runs/${runs[0].id}/enterprises/${foreign.credit_code}`)).status, 404);
  // Lists of every enterprise of the county are not the town's to read.
  for (const path of [`/land/runs/${runs[0].id}/export?format=csv`, `/land/runs/${runs[0].id}/policy-ledger`]) {
    assert.equal((await town('GET', path)).status, 403, path);
    assert.equal((await h.call.dongezb('GET', path)).status, 200, path);
  }
});
