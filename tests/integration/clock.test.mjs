// One clock (issue 10): the server, the demo and every CLI command believe the date GONGJIAN_NOW
// pins, refuse a malformed one, and follow the system clock when it is unset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, api, BIN, NOW, TODAY, stopCleanly } from './server.mjs';
import { chinaDay, isoWeekKey } from './clock.mjs';

let srv;
let coord;
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
});
after(() => stopCleanly(srv));

test('the server tells its date and time: the pinned ones', async () => {
  const r = await fetch(`${srv.base}/api/v1/clock`);
  assert.equal(r.status, 200);
  const c = await r.json();
  assert.equal(c.today, TODAY);
  assert.equal(c.time_zone, 'Asia/Shanghai');
  // The clock starts at the pinned instant and runs on from there.
  const elapsed = Date.parse(c.now) - Date.parse(NOW);
  assert.ok(elapsed >= 0 && elapsed < 15 * 60e3, `${c.now} is minutes after ${NOW}`);
});

test('the demo is built around the pinned date: its annual list, this week\'s reports', async () => {
  const reports = await coord('GET', '/reports?region=371524');
  assert.equal(reports.status, 200);
  assert.equal(reports.body.period, isoWeekKey(TODAY));
  assert.ok(reports.body.items.length > 0, 'the running week has its report tasks');
  // The demo's list is this year's from April, last year's in January–March (service/demo/demo_calendar.h).
  const [y, m] = TODAY.split('-').map(Number);
  const projects = await coord('GET', '/projects?region=371524&limit=5');
  assert.ok(projects.body.items.length > 0);
  for (const p of projects.body.items) assert.equal(p.year, m <= 3 ? y - 1 : y);
});

test('a malformed GONGJIAN_NOW is refused by every command, naming the variable; nothing runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-clock-'));
  try {
    const db = join(dir, 'x.db');
    for (const args of [['demo', '--db', db], ['serve', '--db', db, '--port', '1'], ['migrate', '--db', db]]) {
      const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, GONGJIAN_NOW: '2026-02-30' }, timeout: 20000 });
      assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
      assert.match(r.stderr, /GONGJIAN_NOW: "2026-02-30" is not a date or time/);
    }
    assert.equal(existsSync(db), false, 'a database left behind would mean a refused command ran');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The one API test that reads the real clock: unset, the product follows the system's.
test('unpinned, the server\'s today is the real China day', async () => {
  const real = await startServer({ demo: false, env: { GONGJIAN_NOW: undefined } });
  try {
    const before = chinaDay(Date.now());
    const c = await (await fetch(`${real.base}/api/v1/clock`)).json();
    const after = chinaDay(Date.now());
    assert.ok([before, after].includes(c.today), `${c.today} is today in Beijing`);
    assert.ok(Math.abs(Date.parse(c.now) - Date.now()) < 60e3);
  } finally {
    await real.stop();
  }
});
