import { describe, it, expect } from 'vitest'
import { dayNumber, ganttRange, bar, monthTicks, nodeState, doneOn, planShown } from './gantt.js'

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

  it('takes the state and the done date from the server, with a fallback', () => {
    expect(nodeState({ state: 'done', late: true })).toBe('done')
    expect(nodeState({ late: true })).toBe('late')
    expect(nodeState({ actual_date: '2026-06-01', late: true })).toBe('done')
    expect(nodeState({})).toBe('pending')
    expect(doneOn({ done_on: '2026-05-10', actual_date: null })).toBe('2026-05-10')
    expect(doneOn({ actual_date: '2026-06-01' })).toBe('2026-06-01')
    expect(planShown({})).toBe(true)
    expect(planShown({ plan_shown: false })).toBe(false)
  })

  it('leaves a hidden plan out of the range (no 立项 next year for a started project)', () => {
    const rows = [{ milestones: [
      { state: 'done', plan_shown: false, planned_start: '2027-02-01', planned_date: '2027-03-01', latest_finish: '2027-04-01' },
      { state: 'done', done_on: '2026-05-10', planned_start: '2026-06-01', planned_date: '2026-07-01', latest_finish: '2026-08-01' },
    ] }]
    const r = ganttRange(rows, '2026-12-07')
    expect(r.start).toBe(dayNumber('2026-05-03'))
    expect(r.end).toBe(dayNumber('2026-12-14'))
  })
})
