// Layout of the Gantt chart (挂图作战): dates → horizontal positions in percent of a common range,
// so the chart is plain HTML/CSS and prints as it shows.

const DAY = 86400000

/** The chart's colours, in one place (the legend and the bars read them). */
export const GANTT_COLOURS = {
  plan: '#409eff', // planned, still to come
  done: '#67c23a', // done (by its date, or by the project's stage)
  late: '#f56c6c', // planned before today, not done
  actual: '#303133', // the actual date
  today: '#e6a23c', // the as-of date
  window: '#ebeef5', // latest start → latest finish of the backward schedule
}

/**
 * A node's state as the server's rule says it (done | late | pending); older answers without
 * `state` fall back to `late` and the actual date.
 */
export function nodeState(m) {
  if (m.state) return m.state
  if (m.actual_date) return 'done'
  return m.late ? 'late' : 'pending'
}

/** The date a node was done: the server's done_on (milestone or project stage date), else its own. */
export function doneOn(m) {
  return m.done_on || m.actual_date || null
}

/** Whether the plan bar is drawn (not for a node done with no date whose plan lies ahead). */
export function planShown(m) {
  return m.plan_shown !== false
}

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC, no time-zone drift). */
export function dayNumber(iso) {
  if (!iso) return null
  const [y, m, d] = iso.split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / DAY)
}

/** The range [start, end] (day numbers) covering every bar and `today`, padded by a week each side. */
export function ganttRange(rows, today) {
  let lo = Infinity
  let hi = -Infinity
  const see = (iso) => {
    const n = dayNumber(iso)
    if (n === null) return
    lo = Math.min(lo, n)
    hi = Math.max(hi, n)
  }
  for (const r of rows) {
    for (const m of r.milestones || []) {
      if (planShown(m)) {
        see(m.planned_start)
        see(m.planned_date)
        if (nodeState(m) !== 'done') see(m.latest_finish)
      }
      see(doneOn(m))
    }
  }
  see(today)
  if (!Number.isFinite(lo)) return { start: 0, end: 1 }
  return { start: lo - 7, end: hi + 7 }
}

/** A bar from `from` to `to` (ISO dates) as {left, width} in percent of the range; width ≥ 0.4 %. */
export function bar(from, to, range) {
  const span = Math.max(1, range.end - range.start)
  const a = dayNumber(from)
  const b = dayNumber(to)
  if (a === null || b === null) return null
  const left = ((Math.min(a, b) - range.start) / span) * 100
  const width = Math.max(0.4, (Math.abs(b - a) / span) * 100)
  return { left: round(left), width: round(width) }
}

/** Month ticks inside the range: [{label: '2026-07', left}], thinned to at most `max` labels. */
export function monthTicks(range, max = 12) {
  const out = []
  const first = new Date(range.start * DAY)
  let y = first.getUTCFullYear()
  let m = first.getUTCMonth() + 1
  for (;;) {
    const n = Math.round(Date.UTC(y, m, 1) / DAY)
    if (n > range.end) break
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
    out.push({ label: `${y}-${String(m).padStart(2, '0')}`, left: round(((n - range.start) / (range.end - range.start)) * 100) })
  }
  const step = Math.ceil(out.length / max)
  return out.filter((_, i) => i % step === 0)
}

function round(x) {
  return Math.round(x * 100) / 100
}
