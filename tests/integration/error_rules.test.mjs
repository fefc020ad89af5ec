// Every problem the server reports carries a stable rule code (and its figures), so a client can
// word it in its reader's language: details[i].rule / .params beside the unchanged field, value and
// reason; a message that names a rule says which in error.rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, api, stopCleanly } from './server.mjs';

let srv, office;
before(async () => {
  srv = await startServer();
  office = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

test('a 422 names the rule of each problem and keeps field, value and reason', async () => {
  const p = (await office('GET', '/projects?limit=1')).body.items[0];
  const r = await office('PATCH', `/projects/${p.id}`, { version: p.version, land_mu: -3, latitude: 123 });
  assert.equal(r.status, 422, JSON.stringify(r.body));
  const byField = Object.fromEntries(r.body.error.details.map((d) => [d.field, d]));
  assert.equal(byField.land_mu.rule, 'negative');
  assert.equal(byField.land_mu.reason, 'must not be negative');
  assert.equal(byField.latitude.rule, 'range');
  assert.deepEqual(byField.latitude.params, { min: '-90', max: '90' });
});

test('a bad query parameter names its rule too', async () => {
  const r = await office('GET', '/problems?as_of=2026-13-45');
  assert.equal(r.status, 400);
  assert.equal(r.body.error.details[0].rule, 'date_format');
});

test('a wrong log-in is a 401 with a stable code', async () => {
  const res = await fetch(srv.base + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'dongezb', password: 'nope-nope' }),
  });
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'unauthenticated');
});
