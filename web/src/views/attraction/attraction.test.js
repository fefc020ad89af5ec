import { describe, it, expect } from 'vitest'
import { boardColumns, summaryCards } from './attraction.js'

describe('boardColumns', () => {
  it('puts each lead under its step, ended ones last', () => {
    const cols = boardColumns([
      { id: 1, step: 'signed', ended: false },
      { id: 2, step: 'signed', ended: true },
      { id: 3, step: 'lead', ended: false, paused: true },
    ])
    expect(cols.map((c) => c.step)).toEqual(['lead', 'negotiating', 'signed', 'registered', 'started', 'operating', 'ended'])
    expect(cols[0].leads.map((l) => l.id)).toEqual([3])
    expect(cols[2].leads.map((l) => l.id)).toEqual([1])
    expect(cols[6].leads.map((l) => l.id)).toEqual([2])
  })
})

describe('summaryCards', () => {
  it('shows yuan in 万元 and rates as percentages', () => {
    const cards = summaryCards({ signed_count: 2, signed_amount: 123450000, signed_100m_count: 1, signed_100m_amount: 100000000, started_count: 1, funds_in_place: 5000000, funds_in_place_usd: 0, performance_rate: 0.5, funds_rate: null })
    const byKey = Object.fromEntries(cards.map((c) => [c.key, c.value]))
    expect(byKey.signed_amount).toBe('12,345.00')
    expect(byKey.signed_100m_count).toBe('1')
    expect(cards.find((c) => c.key === 'signed_100m_count').sub).toBe('10,000.00')
    expect(byKey.performance_rate).toBe('50.0%')
    expect(byKey.funds_rate).toBe('—')
  })
})
