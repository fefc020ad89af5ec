import { describe, it, expect } from 'vitest'
import { breachText, breachErrors, isBreachReason, warningTexts } from './plausibility.js'

describe('plausibility sentences', () => {
  it('names both figures in 万元', () => {
    const s = breachText({ code: 'plausible.annual_completed_above_plan', field: 'annual_completed', value: 8000000, limit: 7500000, factor: 1.5 })
    expect(s).toContain('800')
    expect(s).toContain('750')
    expect(s).toContain('1.5')
    expect(s).not.toMatch(/[A-Za-z]{3,}/)
  })
  it('maps a 422 body to field messages', () => {
    const e = {
      body: {
        plausibility: [
          { rule: 'plausible.annual_plan_above_total', field: 'annual_plan', value: 120000000, limit: 100000000 },
          { rule: 'plausible.unknown_rule', field: 'x', value: 1, limit: 2 },
        ],
      },
    }
    const out = breachErrors(e)
    expect(Object.keys(out)).toEqual(['annual_plan'])
    expect(out.annual_plan).toContain('12,000')
    expect(out.annual_plan).toContain('10,000')
  })
  it('recognises the rule reasons and writes warnings', () => {
    expect(isBreachReason('rule plausible.cumulative_below_previous: below')).toBe(true)
    expect(isBreachReason('must not be negative')).toBe(false)
    const w = warningTexts([{ code: 'plausible.progress_jump', field: 'investment_year', value: 8000000, limit: 2000000, points: 60 }])
    expect(w).toHaveLength(1)
    expect(w[0]).toContain('60.0')
  })
})
