// Pure helpers of the assessment screens (tested in assessment.test.js).
import { reasonText as problemReason } from '../../errors.js'

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
      return e && e.rank > 0 ? e.rank : null // rank 0: not ranked (no metric applied)
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
    case 'none':
      return { text: '', cls: 'none' } // not ranked
    default:
      return { text: '新', cls: 'new' }
  }
}

/**
 * A metric cell of a run entry: { na: true } when the metric did not apply to the subject
 * (不适用: nothing was due; its weight went to the subject's other metrics), else { text } with
 * the metric's score to two decimals.
 */
export function metricCell(entry, id) {
  if ((entry.not_applicable || []).includes(id)) return { na: true, text: '' }
  return { na: false, text: score2(entry.metric_scores ? entry.metric_scores[id] : null) }
}

/** Whether any entry of a run has a metric that did not apply (the table then explains 不适用). */
export function hasNotApplicable(run) {
  return !!run && (run.entries || []).some((e) => (e.not_applicable || []).length > 0)
}

/** The subject kinds a scheme of a region may rank: a city's counties only for a city. */
export function subjectKinds(region) {
  return region && region.level === 'city' ? ['county', 'department', 'chain'] : ['town', 'department', 'chain']
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

/** Full marks of a score sheet: the criteria's points added up (100 with the default criteria). */
export function fullMarks(criteria) {
  return (criteria || []).reduce((sum, c) => sum + Number(c.weight || 0), 0)
}

/**
 * The running total of a sheet marked in points (each criterion out of its weight, as on paper):
 * the sum of the points, or null while a criterion is blank. Summed in hundredths so that
 * 25.5 + 17.3 shows 42.8, not 42.800000000000004.
 */
export function sheetPoints(criteria, points) {
  let hundredths = 0
  for (const c of criteria || []) {
    const p = points ? points[c.name] : undefined
    if (p === null || p === undefined || p === '' || !Number.isFinite(Number(p))) return null
    hundredths += Math.round(Number(p) * 100)
  }
  return hundredths / 100
}

/** The points of a judge's stored sheet: as given, else from its 0..100 ratings (r·w/100). */
export function sheetPointsOf(sheet, criteria) {
  if (sheet.points && Object.keys(sheet.points).length) return { ...sheet.points }
  const out = {}
  for (const c of criteria || []) {
    const r = sheet.ratings ? sheet.ratings[c.name] : undefined
    if (r !== undefined && r !== null) out[c.name] = Math.round(r * c.weight) / 100
  }
  return out
}

/** "88" / "87.5": a points figure without trailing zeros (two decimals at most). */
export function pointsText(v) {
  return v === null || v === undefined ? '' : String(Math.round(Number(v) * 100) / 100)
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

// ---- validation messages -----------------------------------------------------------------

// The server writes its reasons in English (docs/api.md); each known one maps to a key of
// messages.js (assessment.reason.*). Unknown reasons are shown as the server wrote them.
const REASONS = [
  [/^(required|required integer|required when returning|must not be empty)$/, 'required'],
  [/^unknown region/, 'unknown_region'],
  [/^you may not set up (events|rankings) there$/, 'not_your_region'],
  [/^must be city or county$/, 'level'],
  [/^a date like /, 'date'],
  [/^before start_date$/, 'before_start'],
  [/^a group is a non-empty name$/, 'group_name'],
  [/^listed twice$/, 'twice'],
  [/^subject listed twice$/, 'twice'],
  [/^at least one group/, 'one_group'],
  [/^must be sheet or ballot$/, 'mode'],
  [/^(must be )?a number ≥ 0( is required for every subject)?$/, null, (m) => (m[2] ? 'manual_required' : 'number_ge0')],
  [/^must be a number > 0$/, 'number_gt0'],
  [/^must be a number$/, 'number'],
  [/^must be ≥ 0$/, 'ge0'],
  [/^must be ≥ 1$/, 'ge1'],
  [/^must be > 0$/, 'gt0'],
  [/^must be true or false$/, 'boolean'],
  [/^a non-empty list of \{name, weight\}$/, 'criteria_list'],
  [/^weights ≥ 0, not both 0$/, 'blend'],
  [/^must be (a number )?within 0\.\.100$/, 'within_100'],
  [/^must be within 0\.\.([\d.]+)$/, 'within_max', (m) => ({ max: m[1] })],
  [/^not a user with the judge role$/, 'not_judge'],
  [/^at least one judge$/, 'one_judge'],
  [/^not a group of the event$/, 'not_group'],
  [/^no such project in (.+)$/, 'no_project', (m) => ({ region: m[1] })],
  [/^nominated twice$/, 'nominated_twice'],
  [/^must be \{group, project_id\}$/, 'nomination'],
  [/^cannot change; /, 'region_fixed'],
  [/^must be town, department, chain or county$/, 'subject_kind'],
  [/^counties are ranked by a scheme of their city$/, 'county_city'],
  [/^(at least one metric|a scheme needs at least one metric)$/, 'one_metric'],
  [/^must be an object$/, 'object'],
  [/^not a metric kind$/, 'metric_kind'],
  [/^a chain metric ranks chains only$/, 'chain_only'],
  [/^must be ratio or rank$/, 'scoring'],
  [/^yellow_below ≥ 0, red_after ≥ 1$/, 'warning'],
  [/^duplicate metric id$/, 'duplicate_id'],
  [/^missing figure$/, 'missing_figure'],
  [/^not a (town|department|chain|county) of this region$/, 'not_subject'],
  [/^must be month, quarter or year$/, 'period'],
  [/^like 2026-03 /, 'period_label'],
]

/** A server reason → { key, params } of assessment.reason.*, or null when unknown. */
export function reasonMessage(reason) {
  for (const [re, key, extra] of REASONS) {
    const m = re.exec(String(reason || ''))
    if (!m) continue
    if (key === null) return { key: 'assessment.reason.' + extra(m), params: undefined }
    return { key: 'assessment.reason.' + key, params: extra ? extra(m) : undefined }
  }
  return null
}

/** The reason in the reader's language (`t` is the i18n translator); a problem ({reason, rule,
 * params}) the table does not know is worded by its rule code (errors.js). */
export function reasonText(reason, t, detail) {
  const r = reasonMessage(reason)
  if (r) return t(r.key, r.params)
  return detail ? problemReason(detail) : String(reason || '')
}

/**
 * The label of a server field name: "metrics[2].weight" → "评比指标第 3 项 · 权重",
 * "name" → "活动名称" (assessment.f_*; the raw name when there is no label).
 */
export function fieldLabel(field, t) {
  const m = /^([a-z_]+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(String(field || ''))
  if (!m) return String(field || '')
  const [, base, index, sub] = m
  const known = (key, fallback) => {
    const s = t(key)
    return s === key ? fallback : s
  }
  let label = known('assessment.f_' + base, base)
  if (index !== undefined) label += t('assessment.item_no', { n: Number(index) + 1 })
  if (sub) label += ' · ' + known(`assessment.f_${base}.${sub}`, sub)
  return label
}

/** One problem of a 422 as a line: "评分标准第 1 项 · 权重：0 — 须为大于 0 的数". */
export function problemText(d, t) {
  const value = d.value && d.value !== '""' && d.value !== 'null' ? d.value + ' — ' : ''
  return `${fieldLabel(d.field, t)}：${value}${reasonText(d.reason, t, d)}`
}

/** Problems by field for showing beside the inputs: { field: "reason；reason" }. */
export function fieldErrors(details, t) {
  const out = {}
  for (const d of details || []) {
    const f = d.field || ''
    const text = reasonText(d.reason, t, d)
    out[f] = out[f] ? `${out[f]}；${text}` : text
  }
  return out
}

/**
 * What the event form can tell before sending (the server checks again, and more): a list of
 * { key, params } of assessment.check.*.
 */
export function eventFormProblems(form, nominations) {
  const out = []
  if (!String(form.name || '').trim()) out.push({ key: 'assessment.check.name' })
  if (!form.dates || !form.dates[0] || !form.dates[1]) out.push({ key: 'assessment.check.dates' })
  if (!form.groups || !form.groups.length) out.push({ key: 'assessment.check.groups' })
  if (!form.judges || !form.judges.length) out.push({ key: 'assessment.check.judges' })
  if (form.mode !== 'ballot') {
    const seen = new Set()
    ;(form.criteria || []).forEach((c, i) => {
      const name = String(c.name || '').trim()
      if (!name) out.push({ key: 'assessment.check.criterion_name', params: { n: i + 1 } })
      else if (seen.has(name)) out.push({ key: 'assessment.check.criterion_twice', params: { name } })
      else seen.add(name)
      if (name && !(Number(c.weight) > 0)) out.push({ key: 'assessment.check.criterion_weight', params: { name } })
    })
    // Judges mark each criterion out of its points; the sheet's total is their sum, out of 100.
    const sum = fullMarks(form.criteria)
    if ((form.criteria || []).length && Math.abs(sum - 100) > 1e-9) {
      out.push({ key: 'assessment.check.weights_sum', params: { sum: pointsText(sum) } })
    }
  }
  for (const n of nominations || []) {
    if (!(form.groups || []).includes(n.group)) {
      out.push({ key: 'assessment.check.nomination_group', params: { name: n.project.name, group: n.group } })
    }
  }
  return out
}

/** The form of an existing event (for editing): the shape EventForm edits. */
export function eventToForm(ev) {
  return {
    form: {
      name: ev.name,
      region_code: ev.region_code,
      dates: [ev.start_date, ev.end_date],
      groups: [...(ev.groups || [])],
      mode: ev.mode || 'sheet',
      step: ev.step ?? 3,
      trim: ev.trim ?? true,
      criteria: (ev.criteria || []).map((c) => ({ name: c.name, weight: c.weight })),
      judges: [...(ev.judges || [])],
    },
    nominations: (ev.nominations || []).map((n) => ({
      group: n.group,
      project: { id: n.project_id, name: n.project_name, code: n.project_code, county_name: n.county_name },
    })),
  }
}

// ---- ranking schemes ---------------------------------------------------------------------

export const METRIC_KINDS = ['start_rate', 'investment_rate', 'problems_closed_on_time', 'reports_on_time', 'manual']
/** 链长制: the metrics of a chain's figures (schemes of chains only; docs/assessment.md). */
export const CHAIN_METRIC_KINDS = ['chain_reports_on_time', 'chain_visits', 'problems_not_overdue', 'chain_projects', 'chain_investment', 'leads_signed']

/** Kinds whose figure is a count or an amount: ranked by default. */
export const RANKED_KINDS = ['chain_projects', 'chain_investment']

/** The metric kinds a scheme of `subjectKind` may use: chains also their own. */
export function metricKinds(subjectKind) {
  return subjectKind === 'chain' ? [...CHAIN_METRIC_KINDS, ...METRIC_KINDS] : METRIC_KINDS
}

/** Where a metric kind's figures come from (the server's `source`). */
export function metricSource(kind) {
  if (kind === 'manual') return 'manual'
  if (CHAIN_METRIC_KINDS.includes(kind)) return 'chain'
  return ['start_rate', 'investment_rate'].includes(kind) ? 'ledger' : 'supervision'
}

/** A usual scheme's metrics: start rate, investment rate and reports on time; for chains the
 * 链长制 figures (weekly reports, visits, problems, start rate, investment, leads signed). */
export function defaultMetrics(subjectKind) {
  if (subjectKind === 'chain') {
    return [
      { ...newMetric('chain_reports_on_time'), weight: 25 },
      { ...newMetric('chain_visits'), weight: 15, target: 2 },
      { ...newMetric('problems_not_overdue'), weight: 15 },
      { ...newMetric('start_rate'), weight: 15, target: 0.8, cap: 1.2 },
      { ...newMetric('chain_investment'), weight: 15, scoring: 'rank', step: 5 },
      { ...newMetric('leads_signed'), weight: 15, target: 2 },
    ]
  }
  return [
    { ...newMetric('start_rate'), weight: 40, target: 0.8, cap: 1.2 },
    { ...newMetric('investment_rate'), weight: 30 },
    { ...newMetric('reports_on_time'), weight: 30 },
  ]
}

/** A chain subject's leaders as the run keeps them: "总链长 张三 · 链长 李四" ('' for others). */
export function subjectLeaders(run, subject, t) {
  const d = run && run.subject_details ? run.subject_details[subject] : null
  if (!d) return ''
  const parts = []
  if (d.chief_leader) parts.push(`${t('assessment.chief_leader')} ${d.chief_leader}`)
  if (d.leader) parts.push(`${t('assessment.chain_leader')} ${d.leader}`)
  return parts.join(' · ')
}

/** A new metric row of the scheme dialog. Rates aim at fractions (0.8 = 80 %), manual scores at 100. */
export function newMetric(kind = 'manual', taken = []) {
  let id = kind
  for (let i = 2; taken.includes(id); i++) id = `${kind}_${i}`
  // A count or an amount (chain projects, investment in yuan) is ranked rather than held to a target.
  const scoring = RANKED_KINDS.includes(kind) ? 'rank' : 'ratio'
  return { id, kind, label: '', weight: 10, scoring, target: kind === 'manual' ? 100 : 1, cap: 1, step: 3 }
}

/** The body of POST /ranking-schemes from the dialog's form (yellow line entered in %). */
export function schemeBody(f) {
  return {
    name: String(f.name || '').trim(),
    region_code: f.region_code || '',
    subject_kind: f.subject_kind,
    metrics: f.metrics.map((m) => {
      const x = { id: String(m.id || '').trim(), kind: m.kind, weight: m.weight, scoring: m.scoring }
      if (m.label && m.label.trim()) x.label = m.label.trim()
      if (m.scoring === 'rank') x.step = m.step
      else {
        x.target = m.target
        x.cap = m.cap
      }
      return x
    }),
    warning: { yellow_below: Number(f.yellow_percent) / 100, red_after: f.red_after },
  }
}

/** The dialog's form for a scheme of GET /ranking-schemes/{id} (to edit it; yellow line in %). */
export function schemeToForm(s) {
  return {
    name: s.name,
    region_code: s.region_code,
    subject_kind: s.subject_kind,
    metrics: (s.metrics || []).map((m) => ({
      ...newMetric(m.kind),
      id: m.id,
      label: m.label || '',
      weight: m.weight,
      scoring: m.scoring === 'rank' ? 'rank' : 'ratio',
      ...(m.target != null ? { target: m.target } : {}),
      ...(m.cap != null ? { cap: m.cap } : {}),
      ...(m.step != null ? { step: m.step } : {}),
    })),
    yellow_percent: Math.round(Number(s.warning?.yellow_below ?? 0.6) * 100),
    red_after: s.warning?.red_after ?? 2,
  }
}

/**
 * The rows of the manual figures in the new-run dialog: the subjects of the latest run (with
 * their figures) and every other subject of the scheme, those with projects first.
 */
export function manualRows(scheme, lastRun) {
  const ids = (scheme?.metrics || []).filter((m) => m.source === 'manual').map((m) => m.id)
  if (!ids.length) return {}
  const out = manualFigures(lastRun, scheme.metrics)
  const subjects = (scheme.subjects || []).slice().sort((a, b) => (b.projects > 0) - (a.projects > 0))
  for (const s of subjects) if (!out[s.name]) out[s.name] = Object.fromEntries(ids.map((id) => [id, null]))
  return out
}

/** Manual figures to send: subjects with no figure entered at all are left out. */
export function manualToSend(manual) {
  const out = {}
  for (const [subject, values] of Object.entries(manual || {})) {
    if (Object.values(values).some((v) => v !== null && v !== undefined && v !== '')) out[subject] = values
  }
  return out
}

/** The label of the period before `today` of a kind: the last full month, quarter or year. */
export function previousPeriodLabel(period, today) {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  if (period === 'year') return String(y - 1)
  if (period === 'quarter') {
    const q = Math.floor((m - 1) / 3) // the current quarter is q + 1
    return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`
  }
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}
