import { describe, it, expect } from 'vitest'
import { changedFields, sameValue, projectToForm, patchBody } from './diff.js'

const FIELDS = ['name', 'total_investment', 'annual_plan', 'land_mu', 'planned_start', 'leader_id', 'content']
const MONEY = ['total_investment', 'annual_plan']
const project = {
  id: 12,
  version: 3,
  name: '东阿阿胶生物科技产业园',
  total_investment: 1200000000,
  annual_plan: 300000000,
  land_mu: 150.5,
  planned_start: '2026-03-01',
  leader_id: 3,
  content: null,
}

describe('changed-fields diff for PATCH', () => {
  it('treats empty values as equal', () => {
    expect(sameValue(null, '')).toBe(true)
    expect(sameValue(undefined, null)).toBe(true)
    expect(sameValue('  ', null)).toBe(true)
    expect(sameValue(150.5, '150.50')).toBe(true)
    expect(sameValue(0, null)).toBe(false)
  })

  it('returns only what changed; cleared fields become null', () => {
    expect(changedFields({ a: 1, b: 'x', c: 'y' }, { a: 1, b: 'z', c: '' })).toEqual({ b: 'z', c: null })
    expect(changedFields({ a: null }, { a: '' })).toEqual({})
    expect(changedFields({ a: 'x' }, { a: ' x2 ' })).toEqual({ a: 'x2' })
  })

  it('sends nothing when the form is untouched (money round-trips exactly)', () => {
    const form = projectToForm(project, FIELDS, MONEY)
    expect(form.total_investment).toBe('120000')
    expect(form.annual_plan).toBe('30000')
    expect(patchBody(project, form, FIELDS, MONEY)).toEqual({ body: null })
  })

  it('sends version and only the changed fields, money in yuan', () => {
    const form = projectToForm(project, FIELDS, MONEY)
    form.name = '东阿阿胶生物科技产业园（二期）'
    form.total_investment = '120000.01'
    form.content = '建设厂房'
    expect(patchBody(project, form, FIELDS, MONEY)).toEqual({
      body: { version: 3, name: '东阿阿胶生物科技产业园（二期）', total_investment: 1200000100, content: '建设厂房' },
    })
  })

  it('clears a money field with null and reports unreadable money', () => {
    const form = projectToForm(project, FIELDS, MONEY)
    form.annual_plan = ''
    expect(patchBody(project, form, FIELDS, MONEY).body).toEqual({ version: 3, annual_plan: null })
    form.annual_plan = '3万'
    expect(patchBody(project, form, FIELDS, MONEY)).toEqual({ errors: { annual_plan: 'invalid_money' } })
  })
})
