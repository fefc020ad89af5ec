import { describe, expect, it } from 'vitest'
import { STATUS_TYPES, statusType } from './status.js'

const TYPES = ['info', 'primary', 'warning', 'success', 'danger']

describe('the status colour table', () => {
  it('maps every value of every family to an Element Plus tag type', () => {
    for (const [family, table] of Object.entries(STATUS_TYPES)) for (const [v, type] of Object.entries(table)) expect(TYPES, `${family}.${v}`).toContain(type)
  })
  it('colours the same meaning the same way across families', () => {
    expect(statusType('light', 'red')).toBe('danger')
    expect(statusType('target', 'missed')).toBe('danger')
    expect(statusType('land_class', 'D')).toBe('danger')
    expect(statusType('light', 'green')).toBe('success')
    expect(statusType('report', 'approved')).toBe('success')
    expect(statusType('problem', 'closed')).toBe('success')
    expect(statusType('stage', 'completed')).toBe('success')
  })
  it('is grey for what it does not know', () => {
    expect(statusType('light', 'purple')).toBe('info')
    expect(statusType('nothing', 'red')).toBe('info')
  })
})
