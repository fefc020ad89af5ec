// Pure helpers of the land-efficiency pages (unit-tested in land.test.js).

export const CLASSES = ['A', 'B', 'C', 'D']

/** The year of a URL's ?year= (a whole year 2000–2100), else `fallback`. */
export function yearOf(text, fallback) {
  const n = Number(text)
  return /^\d{4}$/.test(String(text)) && n >= 2000 && n <= 2100 ? n : fallback
}

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

// ---- the evaluation scheme as a form (spec §9) ----

/** The name the built-in scheme carries (spec §9: a code, not a title). */
export const BUILTIN_SCHEME = 'shandong'

/**
 * The scheme as the form edits it: a deep copy whose name, when it is the built-in's code, reads
 * `builtinTitle` (山东省亩产效益评价（默认方案）); saving the form then stores that title.
 */
export function schemeForForm(scheme, builtinTitle) {
  const doc = JSON.parse(JSON.stringify(scheme || {}))
  if (doc.name === BUILTIN_SCHEME) doc.name = builtinTitle
  return doc
}

export const INDICATORS = ['tax_per_mu', 'revenue_per_energy', 'revenue_per_emission', 'rd_intensity', 'labour_productivity', 'revenue_per_mu', 'value_added_per_mu']
export const MODES = ['aggregate', 'mean', 'fixed']
export const GROUPS = ['above', 'below']

/** A new indicator of a group: the first one the group does not have yet, weight 0. */
export function newIndicator(group) {
  const used = new Set(((group && group.indicators) || []).map((i) => i.id))
  const id = INDICATORS.find((x) => !used.has(x)) || INDICATORS[0]
  return { id, weight: 0, benchmark: { mode: 'aggregate', multiplier: 1 }, cap: 2 }
}

/** What is left for class D after the shares of A, B and C (percent, to 6 decimals). */
export function restShare(shares) {
  const s = shares || {}
  return Math.round((100 - (Number(s.A) || 0) - (Number(s.B) || 0) - (Number(s.C) || 0)) * 1e6) / 1e6
}

/** The sum of a group's weights. */
export function weightSum(group) {
  return Math.round(((group && group.indicators) || []).reduce((a, i) => a + (Number(i.weight) || 0), 0) * 1e6) / 1e6
}

/**
 * The document the form edits, ready to send: a benchmark keeps only the keys of its mode
 * (fixed: value; the others: multiplier), an emptied cap is no cap (null), an emptied number 0.
 */
export function cleanScheme(doc) {
  const out = JSON.parse(JSON.stringify(doc || {}))
  for (const g of GROUPS) {
    const group = out.groups && out.groups[g]
    if (!group || !Array.isArray(group.indicators)) continue
    group.indicators = group.indicators.map((ind) => {
      const b = ind.benchmark || { mode: 'aggregate' }
      const benchmark = b.mode === 'fixed' ? { mode: 'fixed', value: b.value ?? 0 } : { mode: b.mode, multiplier: b.multiplier ?? 1 }
      return { id: ind.id, weight: ind.weight ?? 0, benchmark, cap: ind.cap === undefined || ind.cap === '' ? null : ind.cap }
    })
  }
  return out
}

/**
 * Where the form shows a server problem: its field path as the form names it
 * ("excluded_industries[2]" → "excluded_industries"); others as they are.
 */
export function schemeErrorKey(field) {
  return String(field || '').replace(/^excluded_industries\[\d+\]$/, 'excluded_industries')
}

/** The field paths the form of `doc` has a place for (a problem elsewhere is listed above it). */
export function schemePaths(doc) {
  const paths = new Set(['name', 'below_min_mu', 'excluded_industries', 'class_shares', 'surcharge_per_kwh', 'groups'])
  for (const c of CLASSES) {
    if (c !== 'D') paths.add('class_shares.' + c)
    paths.add('surcharge_per_kwh.' + c)
  }
  for (const g of GROUPS) {
    paths.add(`groups.${g}`).add(`groups.${g}.indicators`)
    const list = (doc && doc.groups && doc.groups[g] && doc.groups[g].indicators) || []
    list.forEach((_, i) => {
      for (const k of ['id', 'weight', 'benchmark', 'benchmark.mode', 'benchmark.multiplier', 'benchmark.value', 'cap']) paths.add(`groups.${g}.indicators[${i}].${k}`)
    })
  }
  return paths
}

/** An imported document made safe to bind: objects the form edits are objects (else taken from `base`). */
export function formDoc(doc, base) {
  const out = JSON.parse(JSON.stringify(doc))
  const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v)
  for (const k of ['class_shares', 'surcharge_per_kwh']) if (!isObject(out[k])) out[k] = JSON.parse(JSON.stringify(base[k]))
  if (!Array.isArray(out.excluded_industries)) out.excluded_industries = [...(base.excluded_industries || [])]
  if (!isObject(out.groups)) out.groups = {}
  for (const g of GROUPS) {
    const group = out.groups[g]
    if (group === undefined) continue
    if (!isObject(group) || !Array.isArray(group.indicators)) out.groups[g] = { indicators: [] }
    for (const ind of out.groups[g].indicators) if (isObject(ind) && !isObject(ind.benchmark)) ind.benchmark = { mode: 'aggregate', multiplier: 1 }
    out.groups[g].indicators = out.groups[g].indicators.filter(isObject)
  }
  return out
}
