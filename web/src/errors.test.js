import { describe, it, expect, afterEach } from 'vitest'
import { errorText, fieldErrors, loginErrorText, problemText, reasonText } from './errors.js'
import { setLang } from './i18n.js'
import { ApiError } from './api.js'
import { messages } from './messages.js'

afterEach(() => setLang('zh-CN'))

const LATIN = /[A-Za-z]{2,}/

describe('errorText', () => {
  it('says the code in Chinese and never the server words', () => {
    const e = new ApiError(409, { error: { code: 'conflict', message: 'the project was changed meanwhile' } })
    expect(errorText(e)).toBe('已被他人修改')
    expect(errorText(new ApiError(403, { error: { code: 'forbidden', message: 'not yours' } }))).toBe('没有权限')
  })
  it('lists the problems of a 422 in Chinese', () => {
    const e = new ApiError(422, {
      error: {
        code: 'validation_failed',
        message: 'the change is not valid',
        details: [{ field: 'annual_plan', value: '-5', reason: 'must not be negative', rule: 'negative' }],
      },
    })
    expect(errorText(e)).toBe('数据校验未通过：年度计划投资：不能为负数')
  })
  it('uses the sentence of a rule the message names', () => {
    const e = new ApiError(409, {
      error: { code: 'conflict', message: 'rule report.own_report: nobody reviews their own report', rule: 'report.own_report' },
    })
    expect(errorText(e)).toBe('不能审核自己填报的报告')
  })
  it('says how long to wait when throttled', () => {
    const e = new ApiError(429, { error: { code: 'too_many_requests', message: 'slow down' }, retry_after: 30 })
    expect(errorText(e)).toBe('操作太频繁，请 30 秒后再试')
  })
  it('shows the server message in English, and a Chinese fallback for unknown codes', () => {
    expect(errorText(new ApiError(418, { error: { code: 'teapot', message: 'short and stout' } }))).toBe('操作失败')
    expect(errorText(new ApiError(500, null))).toBe('操作失败')
    setLang('en')
    expect(errorText(new ApiError(403, { error: { code: 'forbidden', message: 'not yours' } }))).toBe('not yours')
  })
})

describe('loginErrorText', () => {
  it('reads 账号或密码错误 for a wrong log-in', () => {
    const e = new ApiError(401, { error: { code: 'unauthenticated', message: 'wrong login or password' } })
    expect(loginErrorText(e)).toBe('账号或密码错误')
  })
})

describe('reasonText and problemText', () => {
  it('formats amounts in 万元 and fills figures', () => {
    const d = {
      field: 'investment_year',
      reason: 'below the cumulative figure of the previous report (22720000)',
      rule: 'below_previous_cumulative',
      params: { previous_yuan: '22720000' },
    }
    expect(reasonText(d)).toBe('不能低于上一期报送的累计数（2,272.00 万元）')
    expect(reasonText({ rule: 'range', params: { min: '1', max: '24' } })).toBe('须在 1 到 24 之间')
  })
  it('keeps the Chinese half of an old reason and never shows English', () => {
    expect(reasonText({ reason: '登录名已存在 (already exists)' })).toBe('登录名已存在')
    expect(reasonText({ reason: 'something new and English' })).toBe('填写有误')
  })
  it('names the field and hides identifiers without a label', () => {
    expect(problemText({ field: 'year', reason: 'must be between 2000 and 2100', rule: 'range', params: { min: '2000', max: '2100' } })).toBe(
      '年度：须在 2000 到 2100 之间',
    )
    expect(problemText({ field: 'zz_unknown', reason: 'required', rule: 'required' })).toBe('必填')
    const d = { field: 'preset', value: 'x', reason: 'unknown preset', rule: 'not_allowed_value', allowed: ['default', 'sanya'] }
    expect(problemText(d)).toBe('“x”不是可选值之一')
  })
  it('words every rule in Chinese', () => {
    for (const [k, text] of Object.entries(messages['zh-CN'])) {
      if (!k.startsWith('rule.')) continue
      expect(text.replace(/\{\w+\}/g, '').replace('http(s)', ''), k).not.toMatch(LATIN)
    }
  })
})

describe('fieldErrors', () => {
  const e = new ApiError(422, {
    error: {
      code: 'validation_failed',
      message: 'the settings are not valid',
      details: [
        { field: 'start_red_months', value: '99', reason: 'must be a number from 1 to 24', rule: 'range', params: { min: '1', max: '24' } },
        { field: 'light_rules.preset', value: 'x', reason: 'unknown preset', rule: 'not_allowed_value', allowed: ['default', 'sanya'] },
        { field: 'report_policy.due_weekday', value: '9', reason: '1 (Monday) to 7 (Sunday)' },
        { field: 'start_red_months', value: '99', reason: 'second', rule: 'required' },
      ],
    },
  })
  it('maps each detail to its field in Chinese, joining repeats', () => {
    const f = fieldErrors(e, 'light_rules.')
    expect(Object.keys(f).sort()).toEqual(['preset', 'report_policy.due_weekday', 'start_red_months'])
    expect(f.start_red_months).toBe('须在 1 到 24 之间；必填')
    expect(f.preset).toBe('不是可选值之一')
    expect(f['report_policy.due_weekday']).toBe('填写有误')
  })
  it('lists accepted values in English', () => {
    setLang('en')
    const f = fieldErrors(e, 'light_rules.')
    expect(f.preset).toContain('default / sanya')
    expect(f.start_red_months).toContain('must be from 1 to 24')
  })
  it('lets the caller reword a reason', () => {
    const f = fieldErrors(e, '', (field, reason) => (field === 'report_policy.due_weekday' ? '周一至周日' : reason))
    expect(f['report_policy.due_weekday']).toBe('周一至周日')
    expect(f['light_rules.preset']).toBe('不是可选值之一')
  })
  it('is empty without details', () => {
    expect(fieldErrors(new ApiError(409, { error: { code: 'conflict' } }))).toEqual({})
    expect(fieldErrors(null)).toEqual({})
  })
})

describe('the server catalog and the sentences', () => {
  it('has a sentence in both languages for every rule code the server names', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const url = await import('node:url')
    const src = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '../../src')
    const catalog = fs.readFileSync(path.join(src, 'common/reason_catalog.cpp'), 'utf8')
    const rules = new Set([...catalog.matchAll(/^\s*\{"([a-z_.]+)",\s*"/gm)].map((m) => m[1]))
    const walk = (dir) =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    for (const file of walk(src).filter((f) => /\.(cpp|h)$/.test(f))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/"rule ([a-z_]+\.[a-z_.]+):/g)) rules.add(m[1])
    }
    expect(rules.size).toBeGreaterThan(100)
    const missing = [...rules].filter((r) => !messages['zh-CN']['rule.' + r] || !messages.en['rule.' + r])
    expect(missing).toEqual([])
  })
})
