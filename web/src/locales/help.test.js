// Every page of the app has its help text (issue 13): help.<route name> for each route of
// router.js's PAGE_META, in both languages; the Chinese one is 2–5 plain sentences without
// English words.
import { describe, expect, it } from 'vitest'
import { PAGE_META, routes } from '../router.js'
import { tables } from '../messages.js'

const zh = tables['zh-CN'].help
const en = tables.en.help
const names = Object.keys(PAGE_META)
const layoutPages = routes.find((r) => r.path === '/').children.filter((r) => r.name).map((r) => r.name)

describe('help texts', () => {
  it('has a text for every page, in Chinese and in English', () => {
    expect(names.length).toBeGreaterThan(20)
    expect(names.filter((n) => !zh['help.' + n])).toEqual([])
    expect(names.filter((n) => !en['help.' + n])).toEqual([])
  })

  it('covers every page inside the layout and names no page that is not there', () => {
    expect(layoutPages.filter((n) => !(n in PAGE_META))).toEqual([])
    const pageKeys = Object.keys(zh).filter((k) => !['help.button', 'help.heading'].includes(k))
    expect(pageKeys.filter((k) => !(k.slice(5) in PAGE_META))).toEqual([])
  })

  it('writes each Chinese text in 2–5 sentences, without English words', () => {
    for (const n of names) {
      const text = zh['help.' + n]
      const sentences = text.split('。').filter((s) => s.trim())
      expect(sentences.length, n).toBeGreaterThanOrEqual(2)
      expect(sentences.length, n).toBeLessThanOrEqual(5)
      expect(text.match(/[A-Za-z]{2,}/g), n).toBeNull()
    }
  })
})
