// Reading an .xlsx the server wrote (libxlsxwriter: shared or inline strings, numbers as stored),
// without a spreadsheet library: the zip's entries, then the cells of a sheet by name — a string
// cell as its text, a number cell as a number (so a test can tell that a score was written as a
// number, not as text), an empty cell as ''. The one reader of the integration tests.
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip (an .xlsx) by name, inflated to text. */
export function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10), size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

const unescape = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The sheet names of a workbook, in order. */
export function sheetNames(buf) {
  const files = unzip(buf);
  return [...files['xl/workbook.xml'].matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]));
}

/**
 * The rows of the sheet `name` as arrays of cells ('' for an empty cell; rows without cells
 * left out): strings as text, numbers as numbers.
 */
export function sheetRows(buf, name) {
  const files = unzip(buf);
  const index = sheetNames(buf).indexOf(name);
  if (index < 0) throw new Error(`no sheet ${name}`);
  const shared = [...(files['xl/sharedStrings.xml'] || '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const xml = files[`xl/worksheets/sheet${index + 1}.xml`];
  const rows = [];
  for (const row of xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const type = (/t="(\w+)"/.exec(c[2]) || [])[1];
      const v = (/<v>([\s\S]*?)<\/v>/.exec(c[3] || '') || [])[1];
      const inline = (/<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] || '') || [])[1];
      while (cells.length < col) cells.push('');
      if (type === 's') cells[col] = shared[Number(v)];
      else if (type === 'inlineStr') cells[col] = unescape(inline || '');
      else if (type === 'str') cells[col] = unescape(v || '');
      else cells[col] = v === undefined ? '' : Number(v);
    }
    if (cells.length) rows.push(cells);
  }
  return rows;
}

const texts = (xml) => [...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join('');
const columnIndex = (ref) => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/** { sheet name: rows } in workbook order, each row at its index (an empty row as []). */
export function readXlsx(buf) {
  const files = unzip(Buffer.from(buf));
  const shared = files['xl/sharedStrings.xml']
    ? [...files['xl/sharedStrings.xml'].matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]))
    : [];
  const rels = Object.fromEntries(
    [...(files['xl/_rels/workbook.xml.rels'] || '').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const out = {};
  for (const m of files['xl/workbook.xml'].matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = files['xl/' + rels[m[2]].replace(/^\/?xl\//, '')];
    const rows = [];
    for (const row of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells = [];
      for (const c of row[2].matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const type = /t="(\w+)"/.exec(c[2]);
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] || '');
        let value = '';
        if (type && type[1] === 's') value = shared[Number(v[1])];
        else if (type && type[1] === 'inlineStr') value = texts(c[3]);
        else if (type && type[1] === 'str') value = v ? unescape(v[1]) : '';
        else if (v) value = Number(v[1]);
        cells[columnIndex(c[1])] = value;
      }
      rows[Number(row[1]) - 1] = Array.from(cells, (x) => (x === undefined ? '' : x));
    }
    out[unescape(m[1])] = Array.from(rows, (x) => x || []);
  }
  return out;
}
