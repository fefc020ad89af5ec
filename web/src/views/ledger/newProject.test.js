import { describe, it, expect } from 'vitest'
import { NEW_PROJECT_GROUPS, emptyForm, newProjectBody, shown } from './newProject.js'

const filled = (more = {}) =>
  emptyForm({
    name: ' 东阿县新材料产业园 ',
    code: 'DE-2026-01',
    county_code: '371524',
    category: 'industrial',
    level: 'county',
    kind: 'new',
    track: 'implementation',
    stage: 'planned',
    ...more,
  })

describe('新建项目 form', () => {
  it('has the four groups in order', () => {
    expect(NEW_PROJECT_GROUPS.map((g) => g.key)).toEqual(['basic', 'investment', 'duty', 'progress'])
  })

  it('sends 万元 as yuan, trimmed text, and the year completed at 0', () => {
    const { body, errors } = newProjectBody(filled({ total_investment: '15000', annual_plan: '3,000.5', leader_id: 7, planned_start: '2026-03-01' }))
    expect(errors).toBeUndefined()
    expect(body).toMatchObject({ name: '东阿县新材料产业园', total_investment: 150000000, annual_plan: 30005000, annual_completed: 0, leader_id: 7, planned_start: '2026-03-01' })
    expect(body).not.toHaveProperty('town_code')
    expect(body).not.toHaveProperty('actual_start')
  })

  it('says which required fields are missing, in Chinese', () => {
    const { errors } = newProjectBody(emptyForm())
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['name', 'code', 'county_code', 'category', 'stage']))
    expect(errors.name).toBe('必填')
  })

  it('refuses a plan above the total with both figures in 万元', () => {
    const { errors } = newProjectBody(filled({ total_investment: '1000', annual_plan: '1200' }))
    expect(errors.annual_plan).toContain('1,200.00')
    expect(errors.annual_plan).toContain('1,000.00')
    expect(errors.annual_plan).toMatch(/超过总投资/)
  })

  it('refuses unreadable and negative money', () => {
    const { errors } = newProjectBody(filled({ total_investment: 'abc', annual_plan: '-5' }))
    expect(errors.total_investment).toMatch(/金额格式不正确/)
    expect(errors.annual_plan).toBe('不能为负数')
  })

  it('asks the actual start of a started project, and only then', () => {
    const started = filled({ stage: 'started' })
    const start = NEW_PROJECT_GROUPS[3].fields.find((f) => f.name === 'actual_start')
    expect(shown(start, started)).toBe(true)
    expect(shown(start, filled())).toBe(false)
    expect(newProjectBody(started).errors.actual_start).toMatch(/须填写/)
    expect(newProjectBody({ ...started, actual_start: '2026-04-01' }).body.actual_start).toBe('2026-04-01')
    expect(newProjectBody({ ...filled(), actual_start: '2026-04-01' }).body).not.toHaveProperty('actual_start')
  })

  it('refuses a planned completion before the planned start', () => {
    const { errors } = newProjectBody(filled({ planned_start: '2026-05-01', planned_completion: '2026-04-01' }))
    expect(errors.planned_completion).toMatch(/不能早于/)
  })
})
