import { describe, it, expect, vi, beforeEach } from 'vitest'
import { nextTick, ref } from 'vue'

const asked = []
vi.mock('../api/progress.js', () => ({
  currentPeriod: (region) => {
    asked.push(region)
    if (region === 'bad') return Promise.reject(new Error('no'))
    return Promise.resolve({ region, period: region === '371500' ? '2026-06' : '2026-W25', previous: '2026-W24' })
  },
}))
const { useCurrentPeriod, fetchCurrentPeriod, forgetCurrentPeriods } = await import('./useCurrentPeriod.js')

beforeEach(() => {
  asked.length = 0
  forgetCurrentPeriods()
})

describe('useCurrentPeriod', () => {
  it('asks the server once per region and shares the answer', async () => {
    const a = useCurrentPeriod('371524')
    const b = useCurrentPeriod('371524')
    await a.ready()
    await b.ready()
    expect(a.current.value.period).toBe('2026-W25')
    expect(b.current.value.period).toBe('2026-W25')
    expect(asked).toEqual(['371524'])
  })
  it('follows the region', async () => {
    const region = ref('371524')
    const c = useCurrentPeriod(region)
    await c.ready()
    region.value = '371500'
    await nextTick()
    await c.ready()
    expect(c.current.value.period).toBe('2026-06')
  })
  it('asks again after a failure', async () => {
    await expect(fetchCurrentPeriod('bad')).rejects.toThrow()
    await expect(fetchCurrentPeriod('bad')).rejects.toThrow()
    expect(asked).toEqual(['bad', 'bad'])
  })
})
