import { describe, it, expect } from 'vitest'
import { nextPeriodLabel, manualFigures, latestRuns, rankTrend, warningList, movement, ballotProblems, sheetTotal, nominationsByGroup, percent } from './assessment.js'

const run = (label, version, entries, period = 'month') => ({ period, period_label: label, run_version: version, entries })

describe('assessment helpers', () => {
  it('shows the latest version of each period, in period order', () => {
    const runs = [run('2026-09', 1, []), run('2026-08', 1, []), run('2026-09', 2, [])]
    expect(latestRuns(runs).map((r) => [r.period_label, r.run_version])).toEqual([['2026-08', 1], ['2026-09', 2]])
  })
  it('builds rank trends with gaps for subjects missing in a period', () => {
    const runs = [
      run('2026-08', 1, [{ subject: '刘集镇', rank: 1 }, { subject: '铜城街道', rank: 2 }]),
      run('2026-09', 1, [{ subject: '铜城街道', rank: 1 }]),
      run('2026-Q3', 1, [{ subject: '刘集镇', rank: 1 }], 'quarter'),
    ]
    const t = rankTrend(runs, 'month')
    expect(t.labels).toEqual(['2026-08', '2026-09'])
    expect(t.series).toEqual([{ name: '刘集镇', data: [1, null] }, { name: '铜城街道', data: [2, 1] }])
  })
  it('lists red before yellow, each by rank', () => {
    const r = run('2026-09', 1, [
      { subject: 'a', rank: 3, light: 'yellow' }, { subject: 'b', rank: 5, light: 'red' },
      { subject: 'c', rank: 1, light: 'none' }, { subject: 'd', rank: 4, light: 'red' },
    ])
    expect(warningList(r).map((e) => e.subject)).toEqual(['d', 'b', 'a'])
  })
  it('prints movement arrows', () => {
    expect(movement({ movement: 'up', places_moved: 2 }).text).toBe('↑2')
    expect(movement({ movement: 'down', places_moved: -1 }).text).toBe('↓1')
    expect(movement({ movement: 'same', places_moved: 0 }).text).toBe('—')
    expect(movement({ movement: 'new', places_moved: 0 }).text).toBe('新')
  })
  it('checks a ballot is a permutation of 1..n', () => {
    expect(ballotProblems([{ county: 'a', rank: 1 }, { county: 'b', rank: 2 }])).toEqual([])
    const p = ballotProblems([{ county: 'a', rank: 1 }, { county: 'b', rank: 1 }, { county: 'c', rank: 4 }])
    expect(p.map((x) => x.key)).toEqual(['assessment.ballot_twice', 'assessment.ballot_range'])
  })
  it('computes a sheet total like the server', () => {
    const criteria = [{ name: '投资规模', weight: 30 }, { name: '建设进度', weight: 30 }, { name: '产业层次与科技含量', weight: 20 }, { name: '综合效益', weight: 20 }]
    // (30·80 + 30·90 + 20·70 + 20·100) / 100 = 85
    expect(sheetTotal(criteria, { 投资规模: 80, 建设进度: 90, 产业层次与科技含量: 70, 综合效益: 100 })).toBe(85)
    expect(sheetTotal(criteria, { 投资规模: 80 })).toBeNull()
    expect(percent(0.5912)).toBe('59.1%')
  })
  it('groups nominations by group and county', () => {
    const event = { groups: ['县市区组'], nominations: [
      { group: '县市区组', county_name: '冠县', project_id: 1 }, { group: '县市区组', county_name: '东阿县', project_id: 2 },
      { group: '县市区组', county_name: '冠县', project_id: 3 }] }
    const g = nominationsByGroup(event)
    expect(g[0].counties.map((c) => [c.county, c.projects.length])).toEqual([['东阿县', 1], ['冠县', 2]])
  })
  it('names the next period', () => {
    expect(nextPeriodLabel('month', '2026-10')).toBe('2026-11')
    expect(nextPeriodLabel('month', '2026-12')).toBe('2027-01')
    expect(nextPeriodLabel('quarter', '2026-Q3')).toBe('2026-Q4')
    expect(nextPeriodLabel('quarter', '2026-Q4')).toBe('2027-Q1')
    expect(nextPeriodLabel('year', '2026')).toBe('2027')
  })
  it('takes the hand-entered figures of a run', () => {
    const metrics = [{ id: 'start_rate', source: 'ledger' }, { id: 'review', source: 'manual' }]
    const run = { figures: { 刘集镇: { start_rate: 0.5, review: 80 } } }
    expect(manualFigures(run, metrics)).toEqual({ 刘集镇: { review: 80 } })
    expect(manualFigures(run, [{ id: 'start_rate', source: 'ledger' }])).toEqual({})
  })
})
