import { describe, it, expect, beforeEach } from 'vitest'
import { t, setLang, lang, has, labelOf } from './i18n.js'
import { messages } from './messages.js'

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
