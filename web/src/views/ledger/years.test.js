import { describe, it, expect } from 'vitest'
import { changePercent, yoyRows, rolloverBody, rolloverSummary, projectYearBody, yearOptions, listYear } from './years.js'
import { undoneDates, withClearFlags } from './stageDates.js'

describe('同比 change in percent', () => {
  it('signs the change with one decimal against last year', () => {
    expect(changePercent(120, 100)).toBe('+20.0%')
    expect(changePercent(90, 120)).toBe('-25.0%')
    expect(changePercent(100, 100)).toBe('0.0%')
    // 3 projects against 7: (3 − 7) / 7 = −57.142…%
    expect(changePercent(3, 7)).toBe('-57.1%')
    // 2.5 亿 plan against 2 亿 (yuan): +25%
    expect(changePercent(250000000, 200000000)).toBe('+25.0%')
  })
  it('has nothing to compare with when last year is zero or missing', () => {
    expect(changePercent(5, 0)).toBe('')
    expect(changePercent(5, null)).toBe('')
    expect(changePercent(null, 5)).toBe('')
    expect(changePercent('x', 5)).toBe('')
  })
  it('a change too small for one decimal is no change', () => {
    expect(changePercent(100001, 100000)).toBe('0.0%')
  })
})

describe('the overview 同比 rows', () => {
  it('pairs each figure with last year and the change', () => {
    const o = {
      year: 2027,
      project_count: 12,
      total_investment: 1000,
      annual_plan: 300,
      annual_completed: 150,
      previous: { year: 2026, as_of: '2026-06-15', project_count: 10, total_investment: 1000, annual_plan: 400, annual_completed: 0 },
    }
    expect(yoyRows(o)).toEqual([
      { key: 'project_count', current: 12, previous: 10, change: '+20.0%' },
      { key: 'total_investment', current: 1000, previous: 1000, change: '0.0%' },
      { key: 'annual_plan', current: 300, previous: 400, change: '-25.0%' },
      { key: 'annual_completed', current: 150, previous: 0, change: '' },
    ])
  })
  it('is empty without a previous year', () => {
    expect(yoyRows({ project_count: 3, previous: null })).toEqual([])
    expect(yoyRows(null)).toEqual([])
  })
})

describe('the roll-over request', () => {
  it('turns 万元 plans into yuan and leaves blank ones out', () => {
    const { body, errors } = rolloverBody({ dryRun: false, region: '371524', plans: { 7: '1234.56', 9: '', 11: ' 50 ' } })
    expect(errors).toBe(null)
    expect(body).toEqual({ dry_run: false, region: '371524', plans: { 7: 12345600, 11: 500000 } })
  })
  it('sends no plans or region when none are given', () => {
    expect(rolloverBody({ dryRun: true }).body).toEqual({ dry_run: true })
  })
  it('names every plan that is not an amount', () => {
    const { body, errors } = rolloverBody({ dryRun: false, plans: { 7: 'abc', 8: '1.23456', 9: '-5', 10: '3' } })
    expect(body).toBe(null)
    expect(errors).toEqual({ 7: 'invalid_money', 8: 'invalid_money', 9: 'invalid_money' })
  })
  it('counts the preview by reason', () => {
    const items = [
      { project_id: 1, carries: true, reason: 'unfinished' },
      { project_id: 2, carries: true, reason: 'unfinished' },
      { project_id: 3, carries: false, reason: 'completed' },
      { project_id: 4, carries: false, reason: 'already_listed' },
    ]
    expect(rolloverSummary(items)).toEqual({ total: 4, carried: 2, byReason: { unfinished: 2, completed: 1, archived: 0, already_listed: 1 } })
  })
})

describe('a project-year PUT', () => {
  it('updates with the version, money in yuan', () => {
    expect(projectYearBody({ kind: 'continuing', annual_plan: '800', annual_completed: '120.5' }, 3)).toEqual({
      body: { version: 3, kind: 'continuing', annual_plan: 8000000, annual_completed: 1205000 },
      errors: null,
    })
  })
  it('creates without a version; blank money is null', () => {
    expect(projectYearBody({ kind: 'new', annual_plan: '', annual_completed: null }, null).body).toEqual({
      kind: 'new',
      annual_plan: null,
      annual_completed: null,
    })
  })
  it('reports each amount that is not one', () => {
    expect(projectYearBody({ annual_plan: 'x', annual_completed: '-1' }, 1).errors).toEqual({ annual_plan: 'invalid_money', annual_completed: 'invalid_money' })
  })
})

describe('years offered and the list year', () => {
  it('runs from one after the latest to three before the earliest, newest first', () => {
    expect(yearOptions(2026, null, 2027)).toEqual([2028, 2027, 2026, 2025, 2024, 2023])
    expect(yearOptions([2026])).toEqual([2027, 2026, 2025, 2024, 2023])
    expect(yearOptions(null, 'x')).toEqual([])
  })
  it('reads the year of a list answer', () => {
    expect(listYear({ year: 2027, items: [] })).toBe(2027)
    expect(listYear({ items: [{ year: 2026 }] })).toBe(2026)
    expect(listYear({ items: [] })).toBe(null)
  })
})

describe('moving back before 开工', () => {
  const refusal = {
    status: 422,
    details: [
      { field: 'actual_start', value: '2026-03-02', reason: 'stage.back_before_start' },
      { field: 'actual_completion', value: '2026-09-30', reason: 'stage.back_before_completion' },
    ],
  }
  it('reads the dates the server would clear', () => {
    expect(undoneDates(refusal)).toEqual([
      { field: 'actual_start', date: '2026-03-02', reason: 'stage.back_before_start' },
      { field: 'actual_completion', date: '2026-09-30', reason: 'stage.back_before_completion' },
    ])
  })
  it('ignores other refusals', () => {
    expect(undoneDates({ status: 422, details: [{ field: 'actual_start', value: '', reason: 'required' }] })).toEqual([])
    expect(undoneDates({ status: 409, details: refusal.details })).toEqual([])
  })
  it('confirms by sending the clear flags with the same change', () => {
    expect(withClearFlags({ version: 4, stage: 'signed' }, undoneDates(refusal))).toEqual({
      version: 4,
      stage: 'signed',
      clear_actual_start: true,
      clear_actual_completion: true,
    })
  })
})
