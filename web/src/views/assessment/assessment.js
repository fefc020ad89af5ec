// Pure helpers of the assessment screens (tested in assessment.test.js).

/** The run to show for each period: the latest version, by period label. */
export function latestRuns(runs) {
  const byLabel = new Map()
  for (const r of runs || []) {
    const have = byLabel.get(r.period_label)
    if (!have || r.run_version > have.run_version) byLabel.set(r.period_label, r)
  }
  return [...byLabel.values()].sort((a, b) => (a.period_label < b.period_label ? -1 : a.period_label > b.period_label ? 1 : 0))
}

/**
 * Trend of ranks over periods, one line per subject, for ECharts:
 * { labels: ['2026-08', …], series: [{ name, data: [rank | null, …] }] }.
 * Only periods of one kind (month, quarter, year) are mixed.
 */
export function rankTrend(runs, period) {
  const shown = latestRuns((runs || []).filter((r) => !period || r.period === period))
  const labels = shown.map((r) => r.period_label)
  const subjects = []
  for (const r of shown) for (const e of r.entries) if (!subjects.includes(e.subject)) subjects.push(e.subject)
  const series = subjects.map((name) => ({
    name,
    data: shown.map((r) => {
      const e = r.entries.find((x) => x.subject === name)
      return e ? e.rank : null
    }),
  }))
  return { labels, series }
}

/** The red/yellow list of a run: red first, then yellow, each by rank. */
export function warningList(run) {
  if (!run) return []
  const order = { red: 0, yellow: 1 }
  return run.entries
    .filter((e) => e.light === 'red' || e.light === 'yellow')
    .slice()
    .sort((a, b) => order[a.light] - order[b.light] || a.rank - b.rank)
}

/** "↑2" / "↓1" / "—" / "新" with a class for colour. */
export function movement(entry) {
  switch (entry.movement) {
    case 'up':
      return { text: '↑' + entry.places_moved, cls: 'up' }
    case 'down':
      return { text: '↓' + -entry.places_moved, cls: 'down' }
    case 'same':
      return { text: '—', cls: 'same' }
    default:
      return { text: '新', cls: 'new' }
  }
}

/** Score with two decimals; null (rank-only publication) → ''. */
export function score2(v) {
  return v === null || v === undefined ? '' : Number(v).toFixed(2)
}

/** Percent with one decimal: 0.5912 → "59.1%". */
export function percent(v) {
  return v === null || v === undefined ? '' : (Number(v) * 100).toFixed(1) + '%'
}

/**
 * Problems of a ballot before it is sent: every county ranked once, ranks a
 * permutation of 1..n. Returns a list of message keys with params.
 */
export function ballotProblems(places) {
  const n = places.length
  const problems = []
  const seen = new Set()
  for (const p of places) {
    if (!Number.isInteger(p.rank) || p.rank < 1 || p.rank > n) problems.push({ key: 'assessment.ballot_range', county: p.county, n })
    else if (seen.has(p.rank)) problems.push({ key: 'assessment.ballot_twice', county: p.county, rank: p.rank })
    else seen.add(p.rank)
  }
  return problems
}

/** Weighted total of a sheet, as the server computes it: Σ w·r / Σ w. */
export function sheetTotal(criteria, ratings) {
  let sum = 0
  let weights = 0
  for (const c of criteria) {
    const r = ratings[c.name]
    if (r === null || r === undefined || r === '' || !Number.isFinite(Number(r))) return null
    sum += c.weight * Number(r)
    weights += c.weight
  }
  return weights > 0 ? sum / weights : null
}

/** Nominations grouped: [{ group, counties: [{ county, projects: [...] }] }]. */
export function nominationsByGroup(event) {
  const out = []
  for (const g of event.groups || []) {
    const counties = []
    for (const n of event.nominations || []) {
      if (n.group !== g) continue
      let c = counties.find((x) => x.county === n.county_name)
      if (!c) counties.push((c = { county: n.county_name, projects: [] }))
      c.projects.push(n)
    }
    counties.sort((a, b) => (a.county < b.county ? -1 : a.county > b.county ? 1 : 0))
    out.push({ group: g, counties })
  }
  return out
}

/** The period after `label`: 2026-12 → 2027-01, 2026-Q4 → 2027-Q1, 2026 → 2027. */
export function nextPeriodLabel(period, label) {
  const year = Number(String(label).slice(0, 4))
  if (!Number.isInteger(year)) return ''
  if (period === 'year') return String(year + 1)
  if (period === 'quarter') {
    const q = Number(String(label).slice(6))
    return q >= 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`
  }
  const m = Number(String(label).slice(5, 7))
  return m >= 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

/** Manual figures of a run for the metrics that are entered by hand: { subject: { metric: value } }. */
export function manualFigures(run, metrics) {
  const ids = metrics.filter((m) => m.source === 'manual').map((m) => m.id)
  const out = {}
  if (!ids.length || !run) return out
  for (const [subject, values] of Object.entries(run.figures || {})) {
    out[subject] = Object.fromEntries(ids.map((id) => [id, values[id] ?? null]))
  }
  return out
}
