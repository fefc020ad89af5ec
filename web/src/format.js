// Display formatting shared by every screen.
//
// Money: the API speaks integer yuan; people read and type 万元 (10,000 yuan).
// Conversions are done on decimal strings / integers only, never by multiplying
// floats, so "1234.56" 万元 is exactly 12345600 yuan and back.

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
