import { describe, expect, it } from 'vitest'
import { sectionsFor, startRate, todoLink } from './home.js'

describe('home sections', () => {
  it('gives each role its own page', () => {
    expect(sectionsFor(['coordinator'])).toEqual(['office', 'todos'])
    expect(sectionsFor(['leader'])).toEqual(['leader', 'todos'])
    expect(sectionsFor(['unit'])).toEqual(['unit', 'todos'])
    expect(sectionsFor(['judge'])).toEqual(['judge'])
    expect(sectionsFor(['admin'])).toEqual(['setup', 'todos'])
    expect(sectionsFor(['viewer'])).toEqual(['viewer'])
  })
  it('joins the sections of several roles once each, in page order', () => {
    expect(sectionsFor(['unit', 'admin', 'leader'])).toEqual(['setup', 'leader', 'unit', 'todos'])
  })
  it('shows the to-dos to a caller with no known role', () => {
    expect(sectionsFor([])).toEqual(['todos'])
    expect(sectionsFor(['someone'])).toEqual(['todos'])
  })
})

describe('start rate', () => {
  it('counts started, completed and operating new-start projects', () => {
    // 40 new starts: 12 started, 3 completed, 1 operating → 16 / 40 = 40 %
    expect(startRate(40, { started: 12, completed: 3, operating: 1 })).toEqual({ total: 40, started: 16, rate: 0.4 })
  })
  it('has no rate without new-start projects', () => {
    expect(startRate(0, {}).rate).toBeNull()
  })
})

describe('todo links', () => {
  it('leads each kind to its page', () => {
    expect(todoLink('problem', { id: 7 })).toEqual({ name: 'problem', params: { id: 7 } })
    expect(todoLink('report_fill', { id: 3 })).toEqual({ name: 'reports', query: { report: 3 } })
    expect(todoLink('visit', { id: 9, project_id: 9 })).toEqual({ name: 'project', params: { id: 9 } })
    expect(todoLink('observation', { id: 2 })).toEqual({ name: 'observation-score', params: { id: 2 } })
  })
})
