import { describe, expect, it } from 'vitest'
import { fundsText, partRows, usdText, wholeOf, yuanText } from './logic.js'

describe('funds amounts', () => {
  it('shows yuan in 亿元 from 1 亿 up, else 万元', () => {
    expect(yuanText(4000000000)).toBe('40 亿元')
    expect(yuanText(1250000000)).toBe('12.5 亿元')
    expect(yuanText(12345600)).toBe('1,234.56 万元')
    expect(yuanText(null)).toBe('—')
  })
  it('shows USD in 万美元', () => {
    expect(usdText(10000000)).toBe('1,000 万美元')
    expect(usdText(1234500)).toBe('123.45 万美元')
  })
  it('picks the unit by metric', () => {
    expect(fundsText({ metric: 'funds_in_place' }, 4000000000)).toBe('40 亿元')
    expect(fundsText({ metric: 'funds_in_place_usd' }, 10000000)).toBe('1,000 万美元')
    expect(fundsText({ metric: 'start_rate' }, 0.5)).toBeNull()
  })
})

describe('composite targets', () => {
  const tg = {
    metric: 'composite',
    threshold: 4,
    ratio: 0.5625,
    parts: [
      { name: '工业重点项目开工', goal: 20, value: 25, met: true },
      { name: '骨干企业发展良好', goal: 20, value: 6, met: false },
      { name: '意向项目签约落地', goal: 20, value: 4, met: false },
      { name: '农业、服务业、基础设施项目开工', goal: 20, value: 0, met: false },
    ],
  }
  it('gives each part its figure, goal and a capped progress', () => {
    const rows = partRows(tg)
    expect(rows.map((r) => r.percent)).toEqual([100, 30, 20, 0])
    expect(rows[0]).toMatchObject({ name: '工业重点项目开工', value: 25, goal: 20, met: true })
  })
  it('gives the whole: parts met and the overall ratio', () => {
    expect(wholeOf(tg)).toEqual({ met: 1, count: 4, needed: 4, percent: 56.3 })
    expect(wholeOf({ metric: 'composite', parts: [] })).toEqual({ met: 0, count: 0, needed: 0, percent: 0 })
  })
})
