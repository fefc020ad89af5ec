import { describe, it, expect, vi, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../api/admin.js', () => ({ units: vi.fn(), leaders: vi.fn(), dictionaries: vi.fn(), regions: vi.fn() }))
const admin = await import('../api/admin.js')
const { useReferenceStore } = await import('./reference.js')

describe('reference store: units and people per region', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('caches a region\'s units until the organisation changes them (forget)', async () => {
    const reference = useReferenceStore()
    admin.units.mockResolvedValueOnce({ items: [] }).mockResolvedValueOnce({ items: [{ id: 7, name: '咸丰县经济和信息化局' }] })
    admin.leaders.mockResolvedValue({ items: [] })
    // A new county: the ledger asks first, before any unit exists.
    expect(await reference.units('422826')).toEqual([])
    expect(await reference.units('422826')).toEqual([])
    expect(admin.units).toHaveBeenCalledTimes(1)
    await reference.leaders('422826')
    // 单位管理 adds one: the account dialog's select must list it.
    reference.forget()
    expect(await reference.units('422826')).toEqual([{ id: 7, name: '咸丰县经济和信息化局' }])
    expect(admin.units).toHaveBeenCalledTimes(2)
    await reference.leaders('422826')
    expect(admin.leaders).toHaveBeenCalledTimes(2)
  })
})
