// `gongjian observation score` as a user runs it: real CSV files in a temp dir, exact output,
// and exit status 2 with no output file for invalid input. Binary from GONGJIAN_BIN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = process.env.GONGJIAN_BIN ?? resolve('build/gongjian');
let dir;

before(() => { dir = mkdtempSync(join(tmpdir(), 'gj-observation-')); });
after(() => { rmSync(dir, { recursive: true, force: true }); });

function run(name, content, args) {
  const input = join(dir, `${name}.csv`);
  const output = join(dir, `${name}.out.csv`);
  writeFileSync(input, content);
  const r = spawnSync(BIN, ['observation', 'score', '--input', input, ...args, '-o', output],
    { encoding: 'utf8' });
  return { ...r, output, text: existsSync(output) ? readFileSync(output, 'utf8') : null };
}

test('ballots: points, ties share a rank, groups ranked apart', () => {
  // 张: 冠县 东阿 莘县 临清 → 100 97 94 91; 李: 冠县 莘县 东阿 临清.
  // 冠县 100, 东阿 (97+94)/2 = 95.5, 莘县 95.5, 临清 91 → 1, 2, 2, 4.
  const csv = 'judge,group,county,rank\n' +
    '张,县市区组,冠县,1\n张,县市区组,东阿,2\n张,县市区组,莘县,3\n张,县市区组,临清,4\n' +
    '李,县市区组,冠县,1\n李,县市区组,莘县,2\n李,县市区组,东阿,3\n李,县市区组,临清,4\n' +
    '张,城区组,东昌府区,2\n张,城区组,茌平区,1\n';
  const r = run('ballot', csv, ['--mode', 'ballot']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.text,
    'group,county,score,rank\n' +
    '县市区组,冠县,100,1\n县市区组,东阿,95.5,2\n县市区组,莘县,95.5,2\n县市区组,临清,91,4\n' +
    '城区组,茌平区,100,1\n城区组,东昌府区,97,2\n');
});

test('ballots: --step changes the points per place', () => {
  const csv = 'judge,group,county,rank\nA,g,x,1\nA,g,y,2\nA,g,z,3\n';
  const r = run('step', csv, ['--mode', 'ballot', '--step', '2.5']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.text, 'group,county,score,rank\ng,x,100,1\ng,y,97.5,2\ng,z,95,3\n');
});

test('sheets: trimming with 2, 3 and 5 judges, and --no-trim', () => {
  // a: 2 judges 80 90 → 85; b: 3 judges 70 80 95 → 80; c: 5 judges 60 85 85 90 99 → 260/3.
  const csv = 'judge,group,county,project,score\r\n' +
    'J1,g,a,p,80\r\nJ2,g,a,p,90\r\n' +
    'J1,g,b,p,70\r\nJ2,g,b,p,80\r\nJ3,g,b,p,95\r\n' +
    'J1,g,c,p,60\r\nJ2,g,c,p,85\r\nJ3,g,c,p,85\r\nJ4,g,c,p,90\r\nJ5,g,c,p,99\r\n';
  const r = run('sheet', '\uFEFF' + csv, ['--mode', 'sheet']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.text, 'group,county,score,rank\ng,c,86.66666666666667,1\ng,a,85,2\ng,b,80,3\n');
  const u = run('sheet-untrimmed', csv, ['--mode', 'sheet', '--no-trim']);
  assert.equal(u.status, 0, u.stderr);
  // b = 245/3 = 81.666…, c = 419/5 = 83.8.
  assert.equal(u.text, 'group,county,score,rank\ng,a,85,1\ng,c,83.8,2\ng,b,81.66666666666667,3\n');
});

test('sheets: county score is the mean of its projects', () => {
  const csv = 'judge,group,county,project,score\nJ1,g,x,p1,80\nJ1,g,x,p2,91\nJ1,g,y,q,85\n';
  const r = run('projects', csv, ['--mode', 'sheet']);
  assert.equal(r.status, 0, r.stderr);
  // x = (80 + 91) / 2 = 85.5 outranks y = 85.
  assert.equal(r.text, 'group,county,score,rank\ng,x,85.5,1\ng,y,85,2\n');
});

const invalid = [
  ['county ranked twice', 'ballot', 'judge,group,county,rank\nA,g,x,1\nA,g,x,2\n', /row 3, column county/],
  ['rank outside 1..n', 'ballot', 'judge,group,county,rank\nA,g,x,1\nA,g,y,3\n', /row 3, column rank, value 3/],
  ['score outside 0..100', 'sheet', 'judge,group,county,project,score\nA,g,x,p,100.5\n', /row 2, column score, value 100.5/],
  ['missing column', 'sheet', 'judge,group,county,score\nA,g,x,90\n', /missing column project/],
];
for (const [name, mode, csv, pattern] of invalid) {
  test(`invalid input (${name}): exit 2, problem on stderr, no output file`, () => {
    const r = run(`bad-${name.replaceAll(' ', '-')}`, csv, ['--mode', mode]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, pattern);
    assert.equal(r.text, null);
  });
}

test('every problem is reported at once', () => {
  const csv = 'judge,group,county,project,score\nA,g,x,p,101\nA,g,x,q,-1\nA,g,x,q,50\n';
  const r = run('many', csv, ['--mode', 'sheet']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /row 2, column score/);
  assert.match(r.stderr, /row 3, column score/);
  assert.match(r.stderr, /row 4, column project/);
  assert.equal(r.text, null);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('many.out')), []);
});

test('usage errors exit 2 too', () => {
  const r = spawnSync(BIN, ['observation', 'score', '--input', 'x.csv', '--mode', 'vote', '-o', 'y.csv'],
    { encoding: 'utf8' });
  assert.equal(r.status, 2);
});
