import { describe, it, expect } from 'vitest'
import { byRank, classLabel, classTotals, fixed2, townSeries } from './land.js'

describe('land helpers', () => {
  it('formats scores with two decimals, unknown as empty', () => {
    expect(fixed2(126.75)).toBe('126.75')
    expect(fixed2(26.9375)).toBe('26.94')
    expect(fixed2(null)).toBe('')
    expect(fixed2(0)).toBe('0.00')
  })

  it('adds the counts of every group', () => {
    const t = classTotals({ above: { A: 2, B: 3, undetermined: 1 }, below: { A: 1, D: 4 } })
    expect(t).toEqual({ A: 3, B: 3, C: 0, D: 4, undetermined: 1, total: 11 })
  })

  it('orders towns by total and fills missing classes with 0', () => {
    const { towns, series } = townSeries({ 刘集镇: { A: 1 }, 铜城街道: { A: 2, D: 1 } })
    expect(towns).toEqual(['铜城街道', '刘集镇'])
    expect(series.A).toEqual([2, 1])
    expect(series.D).toEqual([1, 0])
    expect(series.undetermined).toEqual([0, 0])
  })

  it('shows undetermined enterprises as B（不定等级）', () => {
    expect(classLabel({ final_class: 'C', status: 'classed' }, '不定等级')).toBe('C')
    expect(classLabel({ final_class: null, status: 'undetermined' }, '不定等级')).toBe('B（不定等级）')
    expect(classLabel({ final_class: null, status: 'excluded' }, '不定等级')).toBe('')
  })

  it('orders results by group then rank, unranked last in input order', () => {
    const rows = [
      { n: 1, group: 'excluded', rank: null },
      { n: 2, group: 'below', rank: 1 },
      { n: 3, group: 'above', rank: 2 },
      { n: 4, group: 'above', rank: 1 },
      { n: 5, group: 'not_evaluated', rank: null },
    ]
    expect(byRank(rows).map((r) => r.n)).toEqual([4, 3, 2, 5, 1])
  })
})
