import { describe, it, expect, afterEach } from 'vitest'
import { errorText } from './errors.js'
import { setLang } from './i18n.js'
import { ApiError } from './api.js'

afterEach(() => setLang('zh-CN'))

describe('errorText', () => {
  it('leads with the Chinese meaning of the code and keeps the server words', () => {
    const e = new ApiError(422, { error: { code: 'validation_failed', message: 'the change is not valid' } })
    expect(errorText(e)).toBe('数据校验未通过：the change is not valid')
  })
  it('shows the server message alone in English or for unknown codes', () => {
    const e = new ApiError(418, { error: { code: 'teapot', message: 'short and stout' } })
    expect(errorText(e)).toBe('short and stout')
    setLang('en')
    expect(errorText(new ApiError(403, { error: { code: 'forbidden', message: 'not yours' } }))).toBe('not yours')
  })
  it('never shows an empty message', () => {
    expect(errorText(new ApiError(500, null))).toBe('HTTP 500')
  })
})
