// CLI integration test: `gongjian evaluate land` on a small CSV (the spec's §10 worked example
// plus excluded and not-evaluated rows), and the all-or-nothing behaviour on invalid input.
// Needs GONGJIAN_BIN (path to the built binary).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from './csv.mjs';

const BIN = process.env.GONGJIAN_BIN ?? 'build/gongjian';

const SCHEME = {
  name: 'example10',
  class_shares: { A: 25, B: 45, C: 25 },
  groups: {
    above: {
      indicators: [
        ['tax_per_mu', 40, 20], ['revenue_per_energy', 15, 5], ['revenue_per_emission', 15, 800],
        ['rd_intensity', 15, 3], ['labour_productivity', 15, 100],
      ].map(([id, weight, value]) => ({ id, weight, benchmark: { mode: 'fixed', value }, cap: 1.5 })),
    },
  },
};

const HEADER = '统一社会信用代码,企业名称,行业代码,是否规上,用地面积(亩),税收(万元),营业收入(万元),工业增加值(万元),' +
  '综合能耗(吨标煤),排放当量(吨),研发经费(万元),年平均职工人数,减分,用电量(千瓦时)';
const ROWS = [
  '91371500MA3C00001J,"E1, Ltd",3311,是,100,3000,60000,15000,10000,50,1800,200,,1000',
  '91371500MA3C00002M,E2,3312,是,50,500,10000,2500,4000,20,100,100,5,',
  '91371500MA3C00003Q,E3,3313,是,80,80,4000,800,2000,,0,40,,',
  '000000000000000000,Power plant,4411,是,100,1,1,,,,,,,',
];

function run(dir, args) {
  return spawnSync(BIN, ['evaluate', 'land', ...args], { cwd: dir, encoding: 'utf8' });
}

// Runs `fn` with a new temporary directory, removed afterwards whatever happens.
function inTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'gj-land-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('evaluates the worked example and writes every row in input order', () => inTempDir((dir) => {
  writeFileSync(join(dir, 'in.csv'), [HEADER, ...ROWS].join('\r\n') + '\r\n');
  writeFileSync(join(dir, 'scheme.json'), JSON.stringify(SCHEME));
  const r = run(dir, ['--input', 'in.csv', '--scheme', 'scheme.json', '-o', 'out.csv', '--summary', 'summary.json']);
  assert.equal(r.status, 0, r.stderr);
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
  assert.deepEqual(header.slice(0, 9),
    ['credit_code', 'name', 'group', 'status', 'score', 'rank', 'class', 'tax_per_mu', 'tax_per_mu_score']);
  assert.deepEqual(header.slice(-2), ['surcharge_yuan', 'tax_to_next_class']);
  assert.equal(rows.length, 4);
  const col = (name) => header.indexOf(name);
  const get = (i, name) => rows[i][col(name)];
  assert.equal(get(0, 'name'), 'E1, Ltd');
  assert.deepEqual([0, 1, 2].map((i) => Number(get(i, 'score'))), [126.75, 40.625, 26.9375]);
  assert.deepEqual([0, 1, 2].map((i) => get(i, 'class')), ['A', 'B', 'C']);
  assert.deepEqual([0, 1, 2].map((i) => get(i, 'rank')), ['1', '2', '3']);
  assert.equal(get(2, 'revenue_per_emission'), '');
  assert.equal(Number(get(2, 'revenue_per_emission_score')), 15.9375);
  assert.equal(get(2, 'tax_to_next_class'), '547.50');
  assert.equal(get(1, 'tax_to_next_class'), '');
  assert.equal(get(0, 'surcharge_yuan'), '0.00');
  assert.equal(get(1, 'surcharge_yuan'), '');
  assert.deepEqual([get(3, 'group'), get(3, 'status'), get(3, 'score'), get(3, 'class')],
    ['excluded', 'excluded', '', '']);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  const above = summary.groups.find((g) => g.group === 'above');
  assert.deepEqual(above.class_counts, { A: 1, B: 1, C: 1, D: 0 });
  assert.equal(above.n, 3);
}));

test('writes JSON output with results and summary', () => inTempDir((dir) => {
  writeFileSync(join(dir, 'in.csv'), [HEADER, ...ROWS].join('\n') + '\n');
  writeFileSync(join(dir, 'scheme.json'), JSON.stringify(SCHEME));
  const r = run(dir, ['--input', 'in.csv', '--scheme', 'scheme.json', '-o', 'out.json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  assert.equal(out.results.length, 4);
  assert.equal(out.results[2].tax_to_next_class, 547.5);
  assert.equal(out.results[3].score, null);
  assert.equal(out.scheme.name, 'example10');
}));

test('invalid input: exit 2, every problem on stderr, no output file', () => inTempDir((dir) => {
  const bad = [HEADER, ROWS[0],
    '91371500MA3C00002X,E2,3312,是,0,500,10000,,,,,,,',   // row 3: bad check char, land 0
    '91371500MA3C00001J,Dup,3312,否,10,abc,1,,,,,,,'];      // row 4: duplicate, tax not a number
  writeFileSync(join(dir, 'in.csv'), bad.join('\n') + '\n');
  const r = run(dir, ['--input', 'in.csv', '-o', 'out.csv', '--summary', 'summary.json']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /row 3, column 统一社会信用代码, value 91371500MA3C00002X: check character should be 'M'/);
  assert.match(r.stderr, /row 3, column 用地面积\(亩\), value 0: must be > 0/);
  assert.match(r.stderr, /row 4, column 统一社会信用代码, value 91371500MA3C00001J: duplicate credit code \(first in row 2\)/);
  assert.match(r.stderr, /row 4, column 税收\(万元\), value abc: not a number/);
  assert.deepEqual(readdirSync(dir).sort(), ['in.csv']);
  assert.equal(existsSync(join(dir, 'out.csv')), false);
}));

test('bad scheme: exit 2 with a clear message', () => inTempDir((dir) => {
  writeFileSync(join(dir, 'in.csv'), [HEADER, ...ROWS].join('\n') + '\n');
  writeFileSync(join(dir, 'scheme.json'), JSON.stringify({ groups: { above: { indicators: [{ id: 'taxes', weight: -1 }] } } }));
  const r = run(dir, ['--input', 'in.csv', '--scheme', 'scheme.json', '-o', 'out.csv']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /groups\.above\.indicators\[0\]\.id \("taxes"\): unknown indicator id/);
  assert.match(r.stderr, /weight \(-1\): must not be negative/);
  assert.equal(existsSync(join(dir, 'out.csv')), false);
}));

// The CLI reads CSV through its own reserved-table path (src/cli/evaluate_land.cpp): whatever the
// shared reader accepts must read the same there (BOM, CRLF, lone CR, blank lines, quoted cells
// with escaped quotes and newlines, no final line end), with the same row numbers and messages.
test('CSV edges (BOM, CRLF, lone CR, blank lines, quotes, no final newline) read as plain CSV', () => inTempDir((dir) => {
  const rows = [...ROWS.slice(0, 1), '91371500MA3C00002M,"E2 ""Best""\nLtd",3312,是,50,500,10000,2500,4000,20,100,100,5,', ...ROWS.slice(2)];
  writeFileSync(join(dir, 'plain.csv'), [HEADER, ...rows].join('\n') + '\n');
  const quotedHeader = HEADER.split(',').map((h, i) => (i === 1 ? `"${h}"` : h)).join(',');
  writeFileSync(join(dir, 'edges.csv'), '\uFEFF' + quotedHeader + '\r\n' + rows[0] + '\r\n\r\n' + rows[1] + '\r' +
    ',,,\n' + rows[2] + '\n\n' + rows[3]);
  writeFileSync(join(dir, 'scheme.json'), JSON.stringify(SCHEME));
  for (const name of ['plain', 'edges']) {
    const r = run(dir, ['--input', `${name}.csv`, '--scheme', 'scheme.json', '-o', `${name}.out.csv`]);
    assert.equal(r.status, 0, r.stderr);
  }
  const out = readFileSync(join(dir, 'edges.out.csv'), 'utf8');
  assert.equal(out, readFileSync(join(dir, 'plain.out.csv'), 'utf8'));
  assert.equal(parseCsv(out)[2][1], 'E2 "Best"\nLtd');

  // Row numbers count the blank lines; an empty or BOM-only file has no header.
  writeFileSync(join(dir, 'bad.csv'), '\uFEFF' + HEADER + '\r\n\r\n' + rows[0].replace(',3000,', ',x,') + '\r\n');
  const bad = run(dir, ['--input', 'bad.csv', '-o', 'bad.out.csv']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /row 3, column 税收\(万元\), value x: not a number/);
  for (const text of ['', '\uFEFF']) {
    writeFileSync(join(dir, 'empty.csv'), text);
    const r = run(dir, ['--input', 'empty.csv', '-o', 'empty.out.csv']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the input is empty \(no header row\)/);
  }
  writeFileSync(join(dir, 'open.csv'), HEADER + '\n"unclosed,1\n');
  const open = run(dir, ['--input', 'open.csv', '-o', 'open.out.csv']);
  assert.equal(open.status, 2);
  assert.match(open.stderr, /the quoted field in row 2 is never closed/);
}));
