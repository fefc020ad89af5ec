import { describe, it, expect, vi } from 'vitest'
import { nextTick } from 'vue'
import { ApiError } from '../api.js'
import { useLoad } from './useLoad.js'
import { useVersionedSave, conflict, reloadConflict, closeConflict } from './useVersionedSave.js'
import { urlQuery } from './useRegionQuery.js'

const fail = (status, body = { error: { code: 'not_found', message: 'no such project' } }) => () => Promise.reject(new ApiError(status, body))

describe('useLoad', () => {
  it('keeps the data and clears loading', async () => {
    const l = useLoad(() => Promise.resolve({ n: 1 }), { initial: { n: 0 } })
    expect(l.data.value).toEqual({ n: 0 })
    const p = l.reload()
    expect(l.loading.value).toBe(true)
    await p
    expect(l.loading.value).toBe(false)
    expect(l.data.value).toEqual({ n: 1 })
    expect(l.error.value).toBe('')
  })

  it('sets the error in Chinese on failure and keeps the old data', async () => {
    const l = useLoad(fail(404), { initial: [] })
    expect(await l.reload()).toBeUndefined()
    expect(l.error.value).toContain('不存在')
    expect(l.data.value).toEqual([])
    expect(l.loading.value).toBe(false)
  })

  it('leaves a 401 to the app (no error text)', async () => {
    const l = useLoad(fail(401))
    await l.reload()
    expect(l.error.value).toBe('')
  })

  it('keeps only the latest answer', async () => {
    let answer
    const slow = new Promise((r) => (answer = r))
    const calls = [() => slow, () => Promise.resolve('new')]
    const l = useLoad(() => calls.shift()())
    const first = l.reload()
    await l.reload()
    answer('old')
    await first
    expect(l.data.value).toBe('new')
  })

  it('passes arguments and can start at once', async () => {
    const fetch = vi.fn((x) => Promise.resolve(x || 'now'))
    const l = useLoad(fetch, { immediate: true })
    await nextTick()
    await Promise.resolve()
    expect(l.data.value).toBe('now')
    await l.reload('later')
    expect(l.data.value).toBe('later')
  })
})

describe('useVersionedSave', () => {
  it('answers the saved value', async () => {
    const s = useVersionedSave()
    expect(await s.save(() => Promise.resolve({ version: 2 }))).toEqual({ version: 2 })
    expect(s.saving.value).toBe(false)
    expect(conflict.open).toBe(false)
  })

  it('opens the shared conflict on 409 and reloads with the stored record', async () => {
    const reload = vi.fn()
    const rows = (current) => [{ field: '名称', mine: '甲', theirs: current.name }]
    const s = useVersionedSave({ reload, rows, textTest: 'target-error' })
    const res = await s.save(fail(409, { error: { code: 'conflict', message: 'stale' }, current: { name: '乙', version: 3 } }))
    expect(res).toBeUndefined()
    expect(conflict.open).toBe(true)
    expect(conflict.current).toEqual({ name: '乙', version: 3 })
    expect(conflict.rows).toEqual([{ field: '名称', mine: '甲', theirs: '乙' }])
    expect(conflict.textTest).toBe('target-error')
    expect(s.error.value).toBe('')
    await reloadConflict()
    expect(conflict.open).toBe(false)
    expect(reload).toHaveBeenCalledWith({ name: '乙', version: 3 })
  })

  it('opens the conflict without a body too; cancel just closes it', async () => {
    const reload = vi.fn()
    const s = useVersionedSave({ reload })
    await s.save(fail(409, null))
    expect(conflict.open).toBe(true)
    expect(conflict.current).toBeNull()
    expect(conflict.rows).toBeNull()
    closeConflict()
    expect(conflict.open).toBe(false)
    expect(reload).not.toHaveBeenCalled()
  })

  it('other failures: error text, or the caller’s handler', async () => {
    const s = useVersionedSave()
    await s.save(fail(422, { error: { code: 'validation_failed', message: 'bad' } }))
    expect(s.error.value).toBe('数据校验未通过') // the code in Chinese, not the server's English
    expect(conflict.open).toBe(false)
    const onError = vi.fn()
    const s2 = useVersionedSave({ onError })
    await s2.save(fail(500))
    expect(onError).toHaveBeenCalledOnce()
    expect(s2.error.value).toBe('不存在或不在管辖范围内')
  })
})

describe('urlQuery', () => {
  it('leaves out empty values', () => {
    expect(urlQuery({ region: '371524', as_of: '2026-06-30', light: '', q: undefined })).toEqual({ region: '371524', as_of: '2026-06-30' })
  })
})
