import { describe, expect, it } from 'vitest'
import { holderKey, holderOf, splitAssignments } from './duty.js'

describe('holders of 包保', () => {
  it('reads and writes the picker value', () => {
    expect(holderOf('p:3')).toEqual({ person_id: 3 })
    expect(holderOf('u:12')).toEqual({ unit_id: 12 })
    expect(holderOf('x:1')).toBeNull()
    expect(holderOf('')).toBeNull()
    expect(holderKey({ person_id: 3, unit_id: null })).toBe('p:3')
    expect(holderKey({ person_id: null, unit_id: 12 })).toBe('u:12')
  })
  it('splits current from past, the latest ended first', () => {
    const items = [
      { id: 1, current: false, from_date: '2026-01-01', to_date: '2026-03-31' },
      { id: 2, current: true, from_date: '2026-04-01', to_date: null },
      { id: 3, current: false, from_date: '2026-01-01', to_date: '2026-05-10' },
    ]
    const { current, past } = splitAssignments(items)
    expect(current.map((a) => a.id)).toEqual([2])
    expect(past.map((a) => a.id)).toEqual([3, 1])
  })
})
