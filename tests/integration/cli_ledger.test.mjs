// The ledger from the command line: export a demo's sheet, import it into an organisation-only
// database (dry run, then for real), and check `metrics start-rate` against a count computed here
// from the exported CSV — an independent implementation of the rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './server.mjs';
import { parseCsv } from './csv.mjs';

let dir;
const run = (...args) => spawnSync(BIN, args, { encoding: 'utf8' });

before(() => { dir = mkdtempSync(join(tmpdir(), 'gongjian-cli-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('export → import into an organisation-only database → the same start rate', () => {
  const a = join(dir, 'a.db'), b = join(dir, 'b.db'), xlsx = join(dir, 'ledger.xlsx'), csv = join(dir, 'ledger.csv');
  assert.equal(run('demo', '--db', a).status, 0);
  assert.equal(run('ledger', 'export', '--db', a, '-o', xlsx, '--region', '371524').status, 0);
  assert.equal(run('ledger', 'export', '--db', a, '-o', csv, '--region', '371524').status, 0);
  const org = run('demo', '--db', b, '--organisation-only');
  assert.equal(org.status, 0, org.stderr);

  const dry = run('ledger', 'import', xlsx, '--db', b, '--dry-run');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /150 rows: 150 to create, 0 to update, 0 unchanged, 0 problem/);
  const none = run('metrics', 'start-rate', '--db', b, '--as-of', '2026-06-30', '--region', '371524');
  assert.deepEqual(JSON.parse(none.stdout), { numerator: 0, denominator: 0, value: null }, 'a dry run writes nothing');
  assert.equal(run('ledger', 'import', xlsx, '--db', b).status, 0);

  // Independent count from the CSV: 建设性质 新开工, 实际开工日期 ≤ as-of.
  const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8').replace(/^\ufeff/, '')).filter((r) => r.length > 1);
  const kind = header.indexOf('建设性质'), start = header.indexOf('实际开工日期'), track = header.indexOf('项目类型');
  for (const asOf of ['2026-03-31', '2026-06-30', '2026-09-30']) {
    for (const onlyImpl of [false, true]) {
      const set = rows.filter((r) => r[kind] === '新开工' && (!onlyImpl || r[track] === '实施类'));
      const started = set.filter((r) => r[start] && r[start] <= asOf).length;
      const args = ['metrics', 'start-rate', '--db', b, '--as-of', asOf, '--region', '371524'];
      if (onlyImpl) args.push('--track', 'implementation');
      const got = JSON.parse(run(...args).stdout);
      assert.equal(got.numerator, started, `${asOf} numerator`);
      assert.equal(got.denominator, set.length, `${asOf} denominator`);
      assert.equal(got.value, started / set.length);
      const fromA = JSON.parse(run(...args.map((x) => (x === b ? a : x))).stdout);
      assert.deepEqual(got, fromA, 'the imported ledger gives the same figure as the original');
    }
  }
});

test('invalid input: bad date, unknown track, corrupt sheet → exit 2 with the problem on stderr', () => {
  const b = join(dir, 'c.db');
  assert.equal(run('demo', '--db', b, '--organisation-only').status, 0);
  const date = run('metrics', 'start-rate', '--db', b, '--as-of', '2026/6/30');
  assert.equal(date.status, 2);
  assert.match(date.stderr, /as-of/);
  const track = run('metrics', 'start-rate', '--db', b, '--as-of', '2026-06-30', '--track', 'fast');
  assert.equal(track.status, 2);
  assert.match(track.stderr, /track 'fast'/);
  const bogus = join(dir, 'bogus.xlsx');
  spawnSync('sh', ['-c', `printf 'not a zip' > ${bogus}`]);
  const imp = run('ledger', 'import', bogus, '--db', b, '--dry-run');
  assert.equal(imp.status, 2);
  assert.match(imp.stderr, /zip|xlsx/i);
});
