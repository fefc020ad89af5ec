// Pure helpers of the land-efficiency pages (unit-tested in land.test.js).

export const CLASSES = ['A', 'B', 'C', 'D']

/** A score or ratio with two decimals; null/undefined → ''. */
export function fixed2(v) {
  if (v === null || v === undefined || v === '') return ''
  const n = Number(v)
  return Number.isFinite(n) ? n.toFixed(2) : ''
}

/** Counts per class over the groups of a run ({above: {A: 3, …}, below: {…}}) → {A, B, C, D, undetermined, total}. */
export function classTotals(counts) {
  const out = { A: 0, B: 0, C: 0, D: 0, undetermined: 0, total: 0 }
  for (const group of Object.values(counts || {})) {
    for (const [k, n] of Object.entries(group)) {
      if (k in out) {
        out[k] += n
        out.total += n
      }
    }
  }
  return out
}

/** by_town ({town: {A: n, …}}) → ECharts series input: towns sorted by total desc, one array per class. */
export function townSeries(byTown) {
  const towns = Object.keys(byTown || {}).sort((a, b) => total(byTown[b]) - total(byTown[a]) || a.localeCompare(b))
  const keys = [...CLASSES, 'undetermined']
  const series = Object.fromEntries(keys.map((k) => [k, towns.map((tn) => byTown[tn][k] || 0)]))
  return { towns, series }
}

function total(o) {
  return Object.values(o || {}).reduce((a, b) => a + b, 0)
}

/** The label of a result's class: undetermined enterprises are shown as "B（不定等级）" (spec §5). */
export function classLabel(row, undeterminedText) {
  if (row.final_class) return row.final_class
  if (row.status === 'undetermined') return `B（${undeterminedText}）`
  return ''
}

const GROUP_ORDER = { above: 0, below: 1, not_evaluated: 2, excluded: 3 }

/** Results in reading order: 规上 then 规下 by rank, then the enterprises not evaluated (input order). */
export function byRank(results) {
  return results
    .map((r, i) => [r, i])
    .sort(([a, i], [b, j]) => (GROUP_ORDER[a.group] ?? 9) - (GROUP_ORDER[b.group] ?? 9) || (a.rank || 1e9) - (b.rank || 1e9) || i - j)
    .map(([r]) => r)
}
