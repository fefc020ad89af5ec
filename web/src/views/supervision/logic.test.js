import { describe, expect, it } from 'vitest'
import { formToBody, reportToForm, targetProgress, targetValueText, initialRegion, queryText } from './logic.js'

describe('report form', () => {
  it('round-trips yuan through 万元 text', () => {
    const form = reportToForm({ investment_period: 12345600, investment_year: 50000000, workers: 30, by_source: { enterprise: 12345600 } })
    expect(form.investment_period).toBe('1234.56')
    const { body } = formToBody(form, 3, true)
    expect(body).toMatchObject({ version: 3, submit: true, investment_period: 12345600, investment_year: 50000000, workers: 30 })
    expect(body.by_source.enterprise).toBe(12345600)
  })
  it('names every bad field', () => {
    const form = reportToForm({ investment_period: 0, investment_year: 0 })
    form.investment_period = '100'
    form.investment_year = '50'
    form.by_source.bank_loan = '30'
    form.by_source.other = 'abc'
    const { errors } = formToBody(form, 1, false)
    expect(errors).toEqual({ investment_year: 'below_period', by_source: 'sum', 'by_source.other': 'invalid' })
  })
})

describe('targets', () => {
  it('progress towards the threshold', () => {
    expect(targetProgress({ comparator: '>=', threshold: 0.6, value: 0.3 })).toBe(50)
    expect(targetProgress({ comparator: '>=', threshold: 20, value: 32 })).toBe(100)
    expect(targetProgress({ comparator: '<=', threshold: 5, value: 10 })).toBe(50)
  })
  it('value texts', () => {
    expect(targetValueText({ metric: 'start_rate' }, 0.529)).toBe('52.9%')
    expect(targetValueText({ metric: 'count_stage' }, 32)).toBe('32')
    expect(targetValueText({ metric: 'sum_amount' }, 10000, (v) => `${v / 10000}.00`)).toBe('1.00')
  })
})


describe('initialRegion', () => {
  it('prefers the URL, then the user, then the first region offered', () => {
    expect(initialRegion({ region: '371524' }, '371500', [{ code: '371525' }])).toBe('371524')
    expect(initialRegion({}, '371500', [{ code: '371525' }])).toBe('371500')
    expect(initialRegion({ region: ['a', 'b'] }, '', [{ code: '371525' }])).toBe('371525')
    expect(initialRegion({}, '', [])).toBeUndefined()
    expect(queryText({ as_of: '2026-06-30' }, 'as_of')).toBe('2026-06-30')
    expect(queryText({}, 'as_of')).toBe('')
  })
})
