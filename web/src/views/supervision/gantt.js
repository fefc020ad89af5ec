// Layout of the Gantt chart (挂图作战): dates → horizontal positions in percent of a common range,
// so the chart is plain HTML/CSS and prints as it shows.

const DAY = 86400000

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
      see(m.planned_start)
      see(m.planned_date)
      see(m.actual_date)
      see(m.latest_finish)
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
