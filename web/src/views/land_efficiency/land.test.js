import { describe, it, expect } from 'vitest'
import { BUILTIN_SCHEME, yearOf, byRank, classLabel, classTotals, cleanScheme, fixed2, formDoc, newIndicator, restShare, schemeErrorKey, schemeForForm, schemePaths, townSeries, weightSum } from './land.js'

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

describe('the year in the URL', () => {
  it('takes a whole year, else the fallback', () => {
    expect(yearOf('2024', 2025)).toBe(2024)
    expect(yearOf('', 2025)).toBe(2025)
    expect(yearOf('20x4', 2025)).toBe(2025)
    expect(yearOf('1999', 2025)).toBe(2025)
    expect(yearOf(undefined, 2025)).toBe(2025)
  })
})

describe('the scheme form', () => {
  const doc = {
    name: 'shandong',
    class_shares: { A: 25, B: 45, C: 25 },
    groups: {
      above: { indicators: [{ id: 'tax_per_mu', weight: 40, benchmark: { mode: 'fixed', multiplier: 1, value: 20 }, cap: '' }, { id: 'rd_intensity', weight: 15, benchmark: { mode: 'mean', value: 3 } }] },
    },
  }
  it('cleans benchmarks and caps for the server', () => {
    const out = cleanScheme(doc)
    expect(out.groups.above.indicators[0]).toEqual({ id: 'tax_per_mu', weight: 40, benchmark: { mode: 'fixed', value: 20 }, cap: null })
    expect(out.groups.above.indicators[1].benchmark).toEqual({ mode: 'mean', multiplier: 1 })
    expect(doc.groups.above.indicators[0].benchmark.multiplier).toBe(1) // the form's copy is untouched
  })
  it('shows the built-in scheme under its Chinese title, other names as they are', () => {
    const form = schemeForForm(doc, '山东省亩产效益评价（默认方案）')
    expect(form.name).toBe('山东省亩产效益评价（默认方案）')
    expect(doc.name).toBe(BUILTIN_SCHEME) // the server's copy is untouched
    expect(form.groups).toEqual(doc.groups)
    expect(schemeForForm({ ...doc, name: '东阿县方案' }, '山东').name).toBe('东阿县方案')
  })
  it('adds the first indicator a group does not have', () => {
    expect(newIndicator(doc.groups.above).id).toBe('revenue_per_energy')
    expect(newIndicator(undefined).id).toBe('tax_per_mu')
  })
  it('sums shares and weights', () => {
    expect(restShare(doc.class_shares)).toBe(5)
    expect(restShare({ A: 30, B: 40.1, C: 20 })).toBe(9.9)
    expect(weightSum(doc.groups.above)).toBe(55)
  })
  it('places the server problems on the form', () => {
    expect(schemeErrorKey('excluded_industries[1]')).toBe('excluded_industries')
    const paths = schemePaths(doc)
    expect(paths.has('groups.above.indicators[1].weight')).toBe(true)
    expect(paths.has('groups.above.indicators[2].weight')).toBe(false)
    expect(paths.has('class_shares')).toBe(true)
  })
})

describe('an imported scheme', () => {
  it('is made safe to bind to the form', () => {
    const base = { class_shares: { A: 25, B: 45, C: 25 }, surcharge_per_kwh: { A: 0, B: 0, C: 0.05, D: 0.1 }, excluded_industries: ['44'] }
    const out = formDoc({ name: 'x', class_shares: 'bad', groups: { above: { indicators: [{ id: 'tax_per_mu', weight: 1 }, 3] }, below: 'x' } }, base)
    expect(out.class_shares).toEqual(base.class_shares)
    expect(out.excluded_industries).toEqual(['44'])
    expect(out.groups.above.indicators).toEqual([{ id: 'tax_per_mu', weight: 1, benchmark: { mode: 'aggregate', multiplier: 1 } }])
    expect(out.groups.below).toEqual({ indicators: [] })
  })
})
