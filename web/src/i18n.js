// A deliberately tiny i18n: one table per language, zh-CN first (the users'
// language), en second. t(key) looks in the current language, then in zh-CN,
// then shows the key itself, so a missing translation is visible but harmless.
import { ref } from 'vue'
import { messages } from './messages.js'

export const LANGS = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
]
export const DEFAULT_LANG = 'zh-CN'
const STORAGE_KEY = 'gongjian.lang'

function initialLang() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (saved && messages[saved]) return saved
  } catch {
    /* storage unavailable (private mode): fall through */
  }
  return DEFAULT_LANG
}

/** The current language; reactive so every t() in a template re-renders on switch. */
export const lang = ref(initialLang())

export function setLang(code) {
  if (!messages[code]) return
  lang.value = code
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code)
  } catch {
    /* ignore */
  }
  if (globalThis.document) document.documentElement.lang = code
}

/** Looks a key up in one language's table; keys are dotted paths ("field.name"). */
function lookup(table, key) {
  if (!table) return undefined
  if (Object.prototype.hasOwnProperty.call(table, key)) return table[key]
  return undefined
}

/**
 * Translates key, replacing {name} placeholders from params.
 * Fallback: current language → zh-CN → the key.
 */
export function t(key, params) {
  let text = lookup(messages[lang.value], key)
  if (text === undefined) text = lookup(messages[DEFAULT_LANG], key)
  if (text === undefined) text = key
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (all, name) =>
      params[name] === undefined || params[name] === null ? all : String(params[name]),
    )
  }
  return text
}

/** True when key exists in the current language or in the fallback. */
export function has(key) {
  return lookup(messages[lang.value], key) !== undefined || lookup(messages[DEFAULT_LANG], key) !== undefined
}

/**
 * Label of a server-side dictionary entry ({label_zh, label_en}) or of an
 * aggregate bucket ({label_zh}) in the current language.
 */
export function labelOf(item) {
  if (!item) return ''
  if (lang.value === 'en' && item.label_en) return item.label_en
  return item.label_zh || item.label_en || item.code || item.key || ''
}
