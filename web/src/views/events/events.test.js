import { describe, expect, it } from 'vitest'
import { bodyOf, cellClass, companiesText, emptyForm, formOf, parseCompanies, parseLeadIds, yearRange } from './events.js'

describe('promotion events page logic', () => {
  it('reads companies one a line, a trailing 18-character code as the credit code', () => {
    expect(parseCompanies('深圳华康生物科技有限公司 91440300MA5F000000\n\n 上海启明精密轴承有限公司 ')).toEqual([
      { name: '深圳华康生物科技有限公司', credit_code: '91440300MA5F000000' },
      { name: '上海启明精密轴承有限公司' },
    ])
    expect(companiesText([{ name: 'A', credit_code: '91440300MA5F000000' }, { name: 'B' }])).toBe('A 91440300MA5F000000\nB')
  })

  it('reads lead ids separated by commas or spaces', () => {
    expect(parseLeadIds('12, 5，7 x 0')).toEqual([12, 5, 7])
  })

  it('builds the body of a new event and of an edit', () => {
    const form = { ...emptyForm('2026-06-15', 3), destination_city: ' 深圳市 ', companies: 'A', leads: '4' }
    expect(bodyOf(form)).toEqual({
      held_on: '2026-06-15', leader_id: 3, team_id: null, destination_city: '深圳市', kind: 'industry_topic',
      companies_met: [{ name: 'A' }], note: '', lead_ids: [4],
    })
    const event = { held_on: '2026-05-02', leader_id: 3, team_id: 2, destination_city: '上海市', kind: 'expo', companies_met: [{ name: 'B' }], note: 'n', lead_ids: [1, 2] }
    expect(bodyOf(formOf(event), 4)).toEqual({ ...event, lead_ids: [1, 2], version: 4 })
  })

  it('names a year range and a cell class', () => {
    expect(yearRange(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(cellClass('in_progress')).toBe('cell-in-progress')
    expect(cellClass('missed')).toBe('cell-missed')
  })
})
