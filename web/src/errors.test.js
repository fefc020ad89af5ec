import { describe, it, expect, afterEach } from 'vitest'
import { errorText, fieldErrors } from './errors.js'
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

describe('fieldErrors', () => {
  const e = new ApiError(422, {
    error: {
      code: 'validation_failed',
      message: 'the settings are not valid',
      details: [
        { field: 'start_red_months', value: '99', reason: 'must be a number from 1 to 24' },
        { field: 'light_rules.preset', value: 'x', reason: 'unknown preset', allowed: ['default', 'sanya'] },
        { field: 'report_policy.due_weekday', value: '9', reason: '1 (Monday) to 7 (Sunday)' },
        { field: 'start_red_months', value: '99', reason: 'second' },
      ],
    },
  })
  it('maps each detail to its field, joining repeats and listing accepted values', () => {
    const f = fieldErrors(e, 'light_rules.')
    expect(Object.keys(f).sort()).toEqual(['preset', 'report_policy.due_weekday', 'start_red_months'])
    expect(f.preset).toContain('default / sanya')
    expect(f.start_red_months).toContain('must be a number from 1 to 24')
    expect(f.start_red_months).toContain('second')
  })
  it('lets the caller reword a reason', () => {
    const f = fieldErrors(e, '', (field, reason) => (field === 'report_policy.due_weekday' ? '周一至周日' : reason))
    expect(f['report_policy.due_weekday']).toBe('周一至周日')
    expect(f['light_rules.preset']).toContain('unknown preset')
  })
  it('is empty without details', () => {
    expect(fieldErrors(new ApiError(409, { error: { code: 'conflict' } }))).toEqual({})
    expect(fieldErrors(null)).toEqual({})
  })
})
