import { describe, it, expect, beforeEach } from 'vitest'
import { t, setLang, lang, has, labelOf } from './i18n.js'
import { messages, tables } from './messages.js'

describe('i18n', () => {
  beforeEach(() => setLang('zh-CN'))

  it('translates in Chinese first', () => {
    expect(lang.value).toBe('zh-CN')
    expect(t('menu.projects')).toBe('项目库')
    expect(t('field.total_investment')).toBe('总投资')
  })

  it('switches language and remembers it', () => {
    setLang('en')
    expect(t('menu.projects')).toBe('Projects')
    expect(localStorage.getItem('gongjian.lang')).toBe('en')
    setLang('xx') // unknown: ignored
    expect(lang.value).toBe('en')
  })

  it('falls back to zh-CN, then to the key', () => {
    setLang('en')
    messages['zh-CN']['test.only_zh'] = '仅中文'
    try {
      expect(t('test.only_zh')).toBe('仅中文')
      expect(has('test.only_zh')).toBe(true)
    } finally {
      delete messages['zh-CN']['test.only_zh']
    }
    expect(t('no.such.key')).toBe('no.such.key')
    expect(has('no.such.key')).toBe(false)
  })

  it('fills placeholders and leaves unknown ones', () => {
    expect(t('project.total', { n: 12 })).toBe('共 12 个项目')
    expect(t('project.total')).toBe('共 {n} 个项目')
    expect(t('import.done', { created: 0, updated: 3 })).toBe('导入完成：新增 0 个，更新 3 个')
  })

  it('labels dictionary entries in the current language', () => {
    const e = { code: 'industrial', label_zh: '工业', label_en: 'Industrial' }
    expect(labelOf(e)).toBe('工业')
    setLang('en')
    expect(labelOf(e)).toBe('Industrial')
    expect(labelOf({ key: 'x', label_zh: '铜城街道' })).toBe('铜城街道')
    expect(labelOf(null)).toBe('')
  })

  it('has every English key in Chinese (zh-CN is the complete table)', () => {
    const missing = Object.keys(messages.en).filter((k) => !(k in messages['zh-CN']))
    expect(missing).toEqual([])
  })
})

// Keys only zh-CN has, on purpose: in English errorText shows the server's own (English) message,
// so the server's error codes need no English label.
const ZH_ONLY = new Set([
  'error.bad_request',
  'error.unauthenticated',
  'error.forbidden',
  'error.not_found',
  'error.conflict',
  'error.payload_too_large',
  'error.validation_failed',
  'error.too_many_requests',
])

// Latin words a zh-CN label may contain: file formats, units, brand and code names, formula symbols.
const LATIN_OK = new Set(['ID', 'PDF', 'PNG', 'JPG', 'MB', 'Excel', 'xlsx', 'CSV', 'JSON', 'http', 's', 'min', 'r', 'Q', 'shandong'])

const placeholders = (text) => [...new Set(text.match(/\{\w+\}/g) || [])].sort()

describe('message tables', () => {
  it('has the same capabilities in both languages', () => {
    expect(Object.keys(tables.en)).toEqual(Object.keys(tables['zh-CN']))
  })

  for (const cap of Object.keys(tables['zh-CN'])) {
    it(`${cap}: every key in both languages`, () => {
      const zh = tables['zh-CN'][cap]
      const en = tables.en[cap] || {}
      expect(Object.keys(en).filter((k) => !(k in zh))).toEqual([])
      expect(Object.keys(zh).filter((k) => !(k in en) && !ZH_ONLY.has(k))).toEqual([])
    })
  }

  it('defines each key in one capability only (a second definition would silently win)', () => {
    for (const lang of Object.keys(tables)) {
      const where = {}
      for (const [cap, table] of Object.entries(tables[lang])) {
        for (const k of Object.keys(table)) (where[k] ||= []).push(cap)
      }
      const twice = Object.entries(where).filter(([, caps]) => caps.length > 1)
      expect(twice, lang).toEqual([])
    }
  })

  it('lists only zh-only keys that exist', () => {
    for (const k of ZH_ONLY) {
      expect(messages['zh-CN'], k).toHaveProperty([k])
      expect(messages.en, k).not.toHaveProperty([k])
    }
  })

  it('uses the same placeholders in both languages', () => {
    const differ = Object.keys(messages.en).filter(
      (k) => placeholders(messages.en[k]).join() !== placeholders(messages['zh-CN'][k]).join(),
    )
    expect(differ).toEqual([])
  })

  it('has only strings; none empty in zh-CN (English may drop a counter word such as 个)', () => {
    for (const lang of Object.keys(messages)) {
      const bad = Object.entries(messages[lang]).filter(([, v]) => typeof v !== 'string')
      expect(bad, lang).toEqual([])
    }
    expect(Object.entries(messages['zh-CN']).filter(([, v]) => !v.trim())).toEqual([])
  })

  it('writes zh-CN labels in Chinese (no Latin words beyond formats, units and names)', () => {
    const latin = []
    for (const [k, v] of Object.entries(messages['zh-CN'])) {
      // Placeholders ({n}, {group, project_id}) and `code` are not prose.
      const prose = v.replace(/\{[^}]*\}/g, '').replace(/`[^`]*`/g, '')
      for (const word of prose.match(/[A-Za-z]+/g) || []) if (!LATIN_OK.has(word)) latin.push(`${k}: ${word}`)
    }
    expect(latin).toEqual([])
  })
})
