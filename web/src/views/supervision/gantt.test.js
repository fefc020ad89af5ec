import { describe, it, expect } from 'vitest'
import { dayNumber, ganttRange, bar, monthTicks } from './gantt.js'

describe('gantt layout', () => {
  it('counts days without time zones', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2026-07-01') - dayNumber('2026-06-01')).toBe(30)
    expect(dayNumber('')).toBe(null)
  })

  it('covers every date and today with a week each side', () => {
    const rows = [{ milestones: [{ planned_start: '2026-06-01', planned_date: '2026-06-21', latest_finish: '2026-07-01' }] }]
    const r = ganttRange(rows, '2026-05-25')
    expect(r.start).toBe(dayNumber('2026-05-18'))
    expect(r.end).toBe(dayNumber('2026-07-08'))
  })

  it('places bars in percent of the range', () => {
    const range = { start: dayNumber('2026-06-01'), end: dayNumber('2026-06-01') + 100 }
    expect(bar('2026-06-11', '2026-07-01', range)).toEqual({ left: 10, width: 20 })
    expect(bar('2026-06-11', '2026-06-11', range)).toEqual({ left: 10, width: 0.4 })
    expect(bar(null, '2026-06-11', range)).toBe(null)
  })

  it('ticks each month start', () => {
    const range = { start: dayNumber('2026-06-15'), end: dayNumber('2026-08-15') }
    expect(monthTicks(range).map((t) => t.label)).toEqual(['2026-07', '2026-08'])
    const long = { start: dayNumber('2026-01-15'), end: dayNumber('2028-01-15') }
    expect(monthTicks(long).length).toBe(12) // 24 month starts, every second one labelled
  })
})
