// After `vite build`: writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) beside each
// text file of dist/ (scripts, styles, index.html, SVG, JSON), with node's own zlib. The server
// (src/api/http/static_files.cpp) sends one of them when the browser's Accept-Encoding allows it,
// so nothing is compressed per request. A variant that would not be smaller is not written.
//   node scripts/precompress.mjs [DIR]   (default dist/; npm run build runs it)
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/
const MIN_BYTES = 256

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield full
  }
}

/** Compresses every text file under `dir`; returns { files, bytes, br, gzip } (byte totals). */
export function precompress(dir) {
  const total = { files: 0, bytes: 0, br: 0, gzip: 0 }
  for (const file of files(dir)) {
    const raw = fs.readFileSync(file)
    if (raw.length < MIN_BYTES) continue
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    })
    const gz = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION })
    total.files++
    total.bytes += raw.length
    // A stale variant from an earlier build must not outlive its file's new content.
    for (const [ext, bytes] of [['.br', br], ['.gz', gz]]) {
      if (bytes.length < raw.length) fs.writeFileSync(file + ext, bytes)
      else fs.rmSync(file + ext, { force: true })
    }
    total.br += Math.min(br.length, raw.length)
    total.gzip += Math.min(gz.length, raw.length)
  }
  return total
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'))
  const t = precompress(dir)
  const kb = (n) => (n / 1024).toFixed(0) + ' KB'
  console.log(`precompressed ${t.files} files of ${path.relative(process.cwd(), dir) || dir}: ${kb(t.bytes)} → br ${kb(t.br)}, gzip ${kb(t.gzip)}`)
}
