// Dates are facts with a meaning: moving a started project back to 签约 with "the start date was
// wrong" clears its actual start in the same journaled write, and from then on the warning
// lights and the start rate (开工率) count it as not started.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';

let srv, coord;
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

/** d plus n months, the day kept within the month (as the light rule counts). */
function addMonths(iso, n) {
  let [y, m, d] = iso.split('-').map(Number);
  m += n;
  while (m > 12) (m -= 12), (y += 1);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

test('moving back before 开工 with the start cleared: lights and the start rate no longer count it as started', async () => {
  // A new-start implementation project of 东阿县 that has started, planned to start before today.
  const list = (await coord('GET', '/projects?region=371524&stage=started&kind=new&track=implementation&limit=100')).body.items;
  const p = list.find((x) => x.actual_start && x.planned_start && x.planned_start < TODAY && x.actual_start <= TODAY);
  assert.ok(p, 'the demo has a started new-start project planned before today');

  // The start rate target of 东阿县 counts it among the started new starts.
  const targets = (await coord('GET', `/targets?region=371524&as_of=${TODAY}`)).body.items;
  const rate = targets.find((x) => x.metric === 'start_rate');
  assert.ok(rate, 'the demo has a start-rate target in 东阿县');
  const before = { numerator: rate.numerator, denominator: rate.denominator };
  assert.ok(before.numerator > 0, JSON.stringify(rate));

  // Started: no start light.
  let light = (await coord('GET', `/projects/${p.id}/light?as_of=${TODAY}`)).body;
  assert.ok(!light.reasons.some((r) => r.rule === 'start'), JSON.stringify(light));

  // Without the answer the move is refused, naming the date; nothing is written.
  const refused = await coord('POST', `/projects/${p.id}/stage`, { version: p.version, stage: 'signed' });
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.deepEqual(refused.body.error.details.map((d) => [d.field, d.value, d.reason]), [['actual_start', p.actual_start, 'stage.back_before_start']]);
  assert.equal((await coord('GET', `/projects/${p.id}`)).body.version, p.version);

  // "The start date was wrong": one write, one journal entry with the date old → null.
  const moved = await coord('POST', `/projects/${p.id}/stage`, { version: p.version, stage: 'signed', clear_actual_start: true });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.stage, 'signed');
  assert.equal(moved.body.actual_start, null);
  assert.equal(moved.body.version, p.version + 1);
  const entry = (await coord('GET', `/projects/${p.id}/journal`)).body.items[0];
  assert.equal(entry.action, 'stage');
  const changes = Object.fromEntries(entry.changes.map((c) => [c.field, [c.old, c.new]]));
  assert.deepEqual(changes.stage, ['started', 'signed']);
  assert.deepEqual(changes.actual_start, [p.actual_start, null]);

  // The light rule now sees a project planned to start on planned_start that has not:
  // red from three months late (the demo's start_red_months), yellow before.
  const expected = addMonths(p.planned_start, 3) <= TODAY ? 'red' : 'yellow';
  light = (await coord('GET', `/projects/${p.id}/light?as_of=${TODAY}`)).body;
  const start = light.reasons.find((r) => r.rule === 'start');
  assert.ok(start, JSON.stringify(light));
  assert.equal(start.light, expected);

  // And the start rate has one started new start fewer, of as many.
  const after = (await coord('GET', `/targets/${rate.id}?as_of=${TODAY}`)).body;
  assert.equal(after.denominator, before.denominator);
  assert.equal(after.numerator, before.numerator - 1);
});
