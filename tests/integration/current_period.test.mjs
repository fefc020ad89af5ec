// The current period (GET /reports/period): the one containing today by the region's report
// policy. Every page that shows a period opens on it, and GET /reports without a period lists it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, TODAY, stopCleanly } from './server.mjs';
import { isoWeekKey, addDays } from './clock.mjs';

let srv, office;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

test('the current period is the week containing today, with the previous and next weeks', async () => {
  const r = await office('GET', '/reports/period?region=371524');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.region, '371524');
  assert.equal(r.body.frequency, 'week');
  assert.equal(r.body.period, isoWeekKey(TODAY));
  assert.equal(r.body.previous, isoWeekKey(addDays(TODAY, -7)));
  assert.equal(r.body.next, isoWeekKey(addDays(TODAY, 7)));
  assert.ok(r.body.start <= TODAY && TODAY <= r.body.end, JSON.stringify(r.body));
  // The reports list opens on the same period.
  assert.equal((await office('GET', '/reports?region=371524')).body.period, r.body.period);
  // Without a region: the default policy, as the reports list without a region.
  assert.equal((await office('GET', '/reports/period')).body.period, (await office('GET', '/reports')).body.period);
});

test('an unknown region is refused', async () => {
  const r = await office('GET', '/reports/period?region=999999');
  assert.equal(r.status, 422, JSON.stringify(r.body));
});
