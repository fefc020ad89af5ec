import { describe, it, expect, vi, beforeEach } from 'vitest'

vi.mock('../../api/org.js', () => ({ setupChecklist: vi.fn() }))
const { setupChecklist } = await import('../../api/org.js')
const { adminAreas, progressOf, setupLanding, stepLink } = await import('./setupChecklist.js')

const regions = [
  { code: '420000', name: '湖北省', level: 'province', parent_code: null },
  { code: '422800', name: '恩施土家族苗族自治州', level: 'city', parent_code: '420000' },
  { code: '422826', name: '咸丰县', level: 'county', parent_code: '422800' },
  { code: '422827', name: '来凤县', level: 'county', parent_code: '422800' },
  { code: '422826100', name: '高乐山镇', level: 'town', parent_code: '422826' },
]

describe('setup checklist', () => {
  it('links each step to its page, the rules and targets with the region', () => {
    expect(stepLink('units', '422826')).toEqual({ name: 'org-units' })
    expect(stepLink('accounts', '422826')).toEqual({ name: 'accounts' })
    expect(stepLink('rules', '422826')).toEqual({ name: 'sup-settings', query: { region: '422826' } })
    expect(stepLink('targets', '')).toEqual({ name: 'targets', query: {} })
  })

  it('counts the required steps only', () => {
    const steps = [
      { key: 'towns', done: true, optional: false },
      { key: 'units', done: false, optional: false },
      { key: 'teams', done: true, optional: true },
    ]
    expect(progressOf({ steps })).toEqual({ done: 1, total: 2 })
    expect(progressOf(null)).toEqual({ done: 0, total: 0 })
  })

  it('offers the counties and cities of the admin grants, not those above', () => {
    expect(adminAreas(regions, [{ role: 'admin', region_code: '422826' }]).map((r) => r.code)).toEqual(['422826'])
    expect(adminAreas(regions, [{ role: 'admin', region_code: '422800' }]).map((r) => r.code)).toEqual(['422800', '422826', '422827'])
    expect(adminAreas(regions, [{ role: 'viewer', region_code: '422800' }])).toEqual([])
  })
})

describe('landing on the checklist', () => {
  const admin = { sessionKey: 11, can: (p) => p === 'org.admin' }
  beforeEach(() => {
    sessionStorage.clear()
    setupChecklist.mockReset()
  })

  it('sends an admin whose county is not set up there, once per log-in', async () => {
    setupChecklist.mockResolvedValue({ complete: false, steps: [] })
    expect(await setupLanding({ name: 'projects' }, admin, 'projects')).toEqual({ name: 'setup-checklist' })
    expect(await setupLanding({ name: 'projects' }, admin, 'projects')).toBe(true)
    // A new log-in (another session) lands there again.
    expect(await setupLanding({ name: 'projects' }, { ...admin, sessionKey: 12 }, 'projects')).toEqual({ name: 'setup-checklist' })
    expect(setupChecklist).toHaveBeenCalledTimes(2)
  })

  it('leaves everyone else, other pages, a complete list and a failed look-up alone', async () => {
    setupChecklist.mockResolvedValue({ complete: true, steps: [] })
    expect(await setupLanding({ name: 'overview' }, admin, 'projects')).toBe(true)
    expect(await setupLanding({ name: 'projects' }, { sessionKey: 13, can: () => false }, 'projects')).toBe(true)
    expect(await setupLanding({ name: 'projects' }, admin, 'projects')).toBe(true)
    setupChecklist.mockRejectedValue(new Error('offline'))
    expect(await setupLanding({ name: 'projects' }, { ...admin, sessionKey: 14 }, 'projects')).toBe(true)
  })
})
