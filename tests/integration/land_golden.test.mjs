// `gongjian evaluate land` output, byte for byte, against golden files made before the compact
// data layout (issue 16 item 1: results byte-identical). Inputs come from bench/land_gen.py
// (deterministic); see tests/integration/golden/README.md. Needs GONGJIAN_BIN and python3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.GONGJIAN_BIN ?? 'build/gongjian';
const GEN = new URL('../../bench/land_gen.py', import.meta.url).pathname;
const GOLDEN = new URL('./golden/', import.meta.url).pathname;

// The first line where two texts differ, for a readable failure instead of two megabytes.
function firstDifference(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  got      ${la[i]}\n  expected ${lb[i]}`;
  }
  return 'none';
}

function evaluate(dir, input, scheme) {
  const args = ['evaluate', 'land', '--input', input, '-o', join(dir, 'out.csv'), '--summary', join(dir, 'sum.json')];
  if (scheme) args.push('--scheme', scheme);
  const r = spawnSync(BIN, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return [readFileSync(join(dir, 'out.csv'), 'utf8'), readFileSync(join(dir, 'sum.json'), 'utf8')];
}

test('10,000 generated enterprises (built-in scheme and a mixed one) give the golden bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gj-land-golden-'));
  try {
    const input = join(dir, 'in10k.csv');
    const gen = spawnSync('python3', [GEN, '10000', input], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
    const [out, summary] = evaluate(dir, input);
    const golden = gunzipSync(readFileSync(join(GOLDEN, 'land_10k.csv.gz'))).toString('utf8');
    assert.ok(out === golden, `differs from land_10k.csv.gz at ${firstDifference(out, golden)}`);
    assert.equal(summary, readFileSync(join(GOLDEN, 'land_10k_summary.json'), 'utf8'));

    const lines = readFileSync(input, 'utf8').split('\n');
    const input1k = join(dir, 'in1k.csv');
    writeFileSync(input1k, lines.slice(0, 1001).join('\n') + '\n');
    const [mixOut, mixSummary] = evaluate(dir, input1k, join(GOLDEN, 'land_mix_scheme.json'));
    const mixGolden = gunzipSync(readFileSync(join(GOLDEN, 'land_1k_mix.csv.gz'))).toString('utf8');
    assert.ok(mixOut === mixGolden, `differs from land_1k_mix.csv.gz at ${firstDifference(mixOut, mixGolden)}`);
    assert.equal(mixSummary, readFileSync(join(GOLDEN, 'land_1k_mix_summary.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
