import { describe, it, expect } from 'vitest'
import { filtersFromQuery, queryFromFilters, listParams, filterParams, emptyFilters } from './query.js'

describe('URL query ↔ list filters', () => {
  it('reads filters from the query with the right types', () => {
    const f = filtersFromQuery({ region: '371524', category: 'industrial', leader: '3', unit: '5', q: '阿胶', page: '2', limit: '50' })
    expect(f.region).toBe('371524')
    expect(f.category).toBe('industrial')
    expect(f.leader).toBe(3)
    expect(f.unit).toBe(5)
    expect(f.q).toBe('阿胶')
    expect(f.page).toBe(2)
    expect(f.limit).toBe(50)
    expect(f.town).toBeNull()
  })

  it('drops malformed values', () => {
    const f = filtersFromQuery({ leader: 'abc', page: '-1', limit: '7', sort: 'drop table', order: 'desc' })
    expect(f.leader).toBeNull()
    expect(f.page).toBe(1)
    expect(f.limit).toBe(20)
    expect(f.sort).toBeNull()
    expect(f.order).toBeNull()
  })

  it('writes short queries (no empties, no defaults)', () => {
    expect(queryFromFilters(emptyFilters())).toEqual({})
    const f = { ...emptyFilters(), stage: 'started', q: ' 钢球 ', sort: 'total_investment', order: 'desc', page: 3 }
    expect(queryFromFilters(f)).toEqual({ stage: 'started', q: '钢球', sort: 'total_investment', order: 'desc', page: '3' })
  })

  it('round-trips query → filters → query', () => {
    const q = { region: '371524', town: '371524001', kind: 'new', track: 'implementation', level: 'provincial', leader: '3', sort: 'name', order: 'asc', limit: '100' }
    expect(queryFromFilters(filtersFromQuery(q))).toEqual(q)
  })

  it('maps the page to offset/limit for the API', () => {
    const f = filtersFromQuery({ category: 'service', page: '3', limit: '50' })
    expect(listParams(f)).toEqual({ category: 'service', offset: 100, limit: 50 })
    expect(filterParams(f)).toEqual({ category: 'service' })
    expect(listParams(emptyFilters())).toEqual({ offset: 0, limit: 20 })
  })

  it('accepts repeated keys by taking the first', () => {
    expect(filtersFromQuery({ stage: ['started', 'signed'] }).stage).toBe('started')
  })

  it('keeps the list year as a number, in the URL and the API params', () => {
    const f = filtersFromQuery({ year: '2027', stage: 'started' })
    expect(f.year).toBe(2027)
    expect(queryFromFilters(f)).toEqual({ year: '2027', stage: 'started' })
    expect(filterParams(f)).toEqual({ year: 2027, stage: 'started' })
    expect(filtersFromQuery({ year: 'abc' }).year).toBe(null)
  })
})
