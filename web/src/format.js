// Display formatting shared by every screen.
//
// Money: the API speaks integer yuan; people read and type 万元 (10,000 yuan).
// Conversions are done on decimal strings / integers only, never by multiplying
// floats, so "1234.56" 万元 is exactly 12345600 yuan and back.

import { t } from './i18n.js'

const YUAN_PER_WAN = 10000

/** Inserts thousands separators into a string of digits. */
function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * Integer yuan → 万元 with exactly two decimals, rounded half away from zero.
 * 123450000 → "12,345.00". null/undefined/'' → '' (unknown is not zero).
 */
export function formatWan(yuan, { grouping = true } = {}) {
  if (yuan === null || yuan === undefined || yuan === '') return ''
  const n = Number(yuan)
  if (!Number.isFinite(n)) return ''
  const negative = n < 0
  const abs = Math.round(Math.abs(n)) // API promises integers; be tolerant
  // 1 hundredth of a 万元 = 100 yuan.
  let hundredths = Math.floor(abs / 100)
  if (abs % 100 >= 50) hundredths += 1
  const whole = String(Math.floor(hundredths / 100))
  const frac = String(hundredths % 100).padStart(2, '0')
  const text = `${grouping ? group(whole) : whole}.${frac}`
  return negative && hundredths !== 0 ? `-${text}` : text
}

/**
 * Integer yuan → 万元 as an editable string with no grouping and no rounding
 * beyond what is needed: 12345600 → "1234.56", 10000 → "1", 12345 → "1.2345".
 * Used to fill money inputs so that an untouched field round-trips exactly.
 */
export function yuanToWanInput(yuan) {
  if (yuan === null || yuan === undefined || yuan === '') return ''
  const n = Math.round(Number(yuan))
  if (!Number.isFinite(n)) return ''
  const negative = n < 0
  const abs = Math.abs(n)
  const whole = Math.floor(abs / YUAN_PER_WAN)
  const frac = String(abs % YUAN_PER_WAN).padStart(4, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${frac ? '.' + frac : ''}`
}

/**
 * 万元 text typed by a person → integer yuan.
 * "1234.56" → 12345600; "1,234.5" → 12345000; "" → null; "abc" or more than
 * four decimals (finer than one yuan) → NaN.
 */
export function parseWan(text) {
  if (text === null || text === undefined) return null
  if (typeof text === 'number') text = String(text)
  const s = String(text).trim().replace(/[,，\s]/g, '')
  if (s === '') return null
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return NaN
  const fracDigits = (m[3] || '').replace(/0+$/, '')
  if (fracDigits.length > 4) return NaN
  const whole = Number(m[2] || '0')
  const frac = Number((fracDigits + '0000').slice(0, 4))
  const yuan = whole * YUAN_PER_WAN + frac
  if (!Number.isSafeInteger(yuan)) return NaN
  return m[1] === '-' ? -yuan : yuan
}

/** Land in 亩: up to two decimals, trailing zeros kept for a tidy column. */
export function formatMu(mu) {
  if (mu === null || mu === undefined || mu === '') return ''
  const n = Number(mu)
  return Number.isFinite(n) ? n.toFixed(2) : ''
}

function pad2(n) {
  return String(n).padStart(2, '0')
}

/**
 * A date as 2026-06-30. Accepts the API's "2026-06-30" strings (returned as
 * they are: no time-zone shift), timestamps and Date objects (local date).
 */
export function formatDate(value) {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** A UTC timestamp "2026-11-23T10:15:00Z" as local "2026-11-23 18:15". */
export function formatDateTime(value) {
  if (value === null || value === undefined || value === '') return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return `${formatDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`
}

/** Ratio as a percentage with one decimal; '' when the denominator is 0. */
export function formatPercent(numerator, denominator) {
  const num = Number(numerator)
  const den = Number(denominator)
  if (!den || !Number.isFinite(num) || !Number.isFinite(den)) return ''
  return `${((num / den) * 100).toFixed(1)}%`
}

// The product has one clock, the server's (GET /api/v1/clock; GONGJIAN_NOW pins it there). The
// app keeps the difference between it and the browser's clock, so "today" is the server's China
// Standard Time day even on a PC whose clock is wrong.
let clockOffsetMs = 0

/** Adopts the server's "now" (an ISO instant); ignored when malformed. */
export function setServerNow(iso) {
  const t = Date.parse(iso)
  if (!Number.isNaN(t)) clockOffsetMs = t - Date.now()
}

/** Now by the server's clock. */
export function now() {
  return new Date(Date.now() + clockOffsetMs)
}

/** Today (China Standard Time, by the server's clock) as 2026-06-30. */
export function today() {
  return new Date(now().getTime() + 8 * 3600e3).toISOString().slice(0, 10)
}

// Periods. The API names them by key: ISO weeks 2026-W48 (a week belongs to the year of its
// Thursday, so 2027-01-01 is in 2026-W53), months 2026-11, quarters 2026-Q4, years 2026. People
// read them in words: 2026年第48周, 2026年11月, 2026年第4季度, 2026年. The key stays the value.
const DAY_MS = 86400e3

function utcDay(iso) {
  const [y, m, d] = iso.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}

/** The ISO week key "2026-W23" of a yyyy-mm-dd date. */
export function isoWeekKey(iso) {
  const date = new Date(utcDay(iso))
  const day = date.getUTCDay() || 7
  date.setUTCDate(date.getUTCDate() + 4 - day) // the week's Thursday
  const year = date.getUTCFullYear()
  const week = Math.floor((date - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** A period key in words (zh-CN: 2026年第48周); anything else unchanged. */
export function formatPeriod(key) {
  if (key === null || key === undefined || key === '') return ''
  const s = String(key)
  let m = /^(\d{4})-W(\d{1,2})$/.exec(s)
  if (m) return t('period.week', { year: m[1], n: Number(m[2]) })
  m = /^(\d{4})-(\d{1,2})$/.exec(s)
  if (m) return t('period.month', { year: m[1], n: Number(m[2]) })
  m = /^(\d{4})-Q([1-4])$/.exec(s)
  if (m) return t('period.quarter', { year: m[1], n: Number(m[2]) })
  if (/^\d{4}$/.test(s)) return t('period.year', { year: s })
  return s
}

/**
 * The key `n` periods after `key` (before, when n < 0), of the key's own kind: weeks by ISO week
 * (2026-W53 + 1 → 2027-W01), months by month (2026-12 + 1 → 2027-01). Other keys unchanged.
 */
export function shiftPeriod(key, n) {
  let m = /^(\d{4})-W(\d{2})$/.exec(key || '')
  if (m) {
    const jan4 = Date.UTC(Number(m[1]), 0, 4)
    const monday = jan4 - (((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS)
    const day = new Date(monday + ((Number(m[2]) - 1 + n) * 7 + 3) * DAY_MS)
    return isoWeekKey(day.toISOString().slice(0, 10))
  }
  m = /^(\d{4})-(\d{2})$/.exec(key || '')
  if (m) {
    const months = Number(m[1]) * 12 + Number(m[2]) - 1 + n
    return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`
  }
  return key
}

/**
 * A period typed by a person → its key: "2026-W48", "2026-w5", "2026年第48周", "2026-11",
 * "2026年11月", "2026-Q4", "2026年第4季度"; null when it is none of them.
 */
export function parsePeriod(text) {
  const s = String(text || '').trim().replace(/\s+/g, '')
  let m = /^(\d{4})(?:-[Ww]|年第)(\d{1,2})周?$/.exec(s)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 53) return `${m[1]}-W${m[2].padStart(2, '0')}`
  m = /^(\d{4})(?:-|年)(\d{1,2})月?$/.exec(s)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, '0')}`
  m = /^(\d{4})(?:-[Qq]|年第)([1-4])(?:季度)?$/.exec(s)
  if (m) return `${m[1]}-Q${m[2]}`
  return null
}
