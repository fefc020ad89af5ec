// Proves the per-language, per-capability tables under locales/ hold exactly the old tables
// (messages.js + views/*/messages*.js): the same keys with the same values in both languages.
import { describe, it, expect } from 'vitest'
import { messages as old } from '../messages.js'

const CAPS = ['app', 'ledger', 'overview', 'admin', 'supervision', 'supervision_settings', 'assessment', 'land_efficiency']

async function merged(lang) {
  const out = {}
  for (const cap of CAPS) {
    const table = (await import(`./${lang}/${cap}.js`)).default
    for (const k of Object.keys(table)) expect(out, `${lang} ${k} twice`).not.toHaveProperty([k])
    Object.assign(out, table)
  }
  return out
}

describe('locales split', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`${lang}: same keys and values as the old tables`, async () => {
      const now = await merged(lang)
      expect(Object.keys(now).sort()).toEqual(Object.keys(old[lang]).sort())
      expect(now).toEqual(old[lang])
      console.log(lang, 'keys before', Object.keys(old[lang]).length, 'after', Object.keys(now).length)
    })
  }
})
