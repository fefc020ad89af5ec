import { describe, it, expect, afterEach } from 'vitest'
import { formatWan, parseWan, yuanToWanInput, formatDate, formatDateTime, formatMu, formatPercent, setServerNow, today, now, formatPeriod, isoWeekKey, shiftPeriod, parsePeriod } from './format.js'

describe('money: 万元 ↔ integer yuan', () => {
  it('parses 万元 text into exact yuan', () => {
    expect(parseWan('1234.56')).toBe(12345600)
    expect(parseWan('0.01')).toBe(100)
    expect(parseWan('0.0001')).toBe(1)
    expect(parseWan('1,234.5')).toBe(12345000)
    expect(parseWan(' 120000 ')).toBe(1200000000)
    expect(parseWan('.5')).toBe(5000)
    expect(parseWan('-3.2')).toBe(-32000)
    expect(parseWan('1.10000')).toBe(11000) // trailing zeros are not precision
  })

  it('has no float drift where naive multiplication has', () => {
    // 1.1 * 10000 = 11000.000000000002 and 0.29 * 10000 = 2899.9999999999995 in floats.
    expect(parseWan('1.1')).toBe(11000)
    expect(parseWan('0.29')).toBe(2900)
    expect(parseWan('4.35')).toBe(43500)
    for (let cents = 0; cents < 2000; cents++) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
      expect(parseWan(text)).toBe(cents * 100)
      expect(formatWan(cents * 100, { grouping: false })).toBe(text)
    }
  })

  it('treats empty as null and garbage as NaN', () => {
    expect(parseWan('')).toBeNull()
    expect(parseWan('  ')).toBeNull()
    expect(parseWan(null)).toBeNull()
    expect(parseWan('abc')).toBeNaN()
    expect(parseWan('1.2.3')).toBeNaN()
    expect(parseWan('.')).toBeNaN()
    expect(parseWan('1.23456')).toBeNaN() // finer than one yuan
    expect(parseWan('1e5')).toBeNaN()
  })

  it('formats yuan as 万元 with two decimals', () => {
    expect(formatWan(123450000)).toBe('12,345.00')
    expect(formatWan(12345600)).toBe('1,234.56')
    expect(formatWan(12345600, { grouping: false })).toBe('1234.56')
    expect(formatWan(0)).toBe('0.00')
    expect(formatWan(49)).toBe('0.00')
    expect(formatWan(50)).toBe('0.01') // half rounds away from zero
    expect(formatWan(12345)).toBe('1.23')
    expect(formatWan(-12345600)).toBe('-1,234.56')
    expect(formatWan(null)).toBe('')
    expect(formatWan(undefined)).toBe('')
  })

  it('round-trips input text exactly', () => {
    expect(yuanToWanInput(12345600)).toBe('1234.56')
    expect(yuanToWanInput(10000)).toBe('1')
    expect(yuanToWanInput(12345)).toBe('1.2345')
    expect(yuanToWanInput(0)).toBe('0')
    expect(yuanToWanInput(null)).toBe('')
    for (const y of [1, 99, 100, 123456789, 1200000000, 987654321012]) {
      expect(parseWan(yuanToWanInput(y))).toBe(y)
    }
  })
})

describe('dates and other units', () => {
  it('keeps API dates as they are', () => {
    expect(formatDate('2026-06-30')).toBe('2026-06-30')
    expect(formatDate(null)).toBe('')
    expect(formatDate('')).toBe('')
  })
  it('formats Date objects as local YYYY-MM-DD', () => {
    expect(formatDate(new Date(2026, 5, 3))).toBe('2026-06-03')
    expect(formatDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31')
  })
  it('formats timestamps in local time', () => {
    const d = new Date(Date.UTC(2026, 10, 23, 10, 15))
    const expected = `${formatDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    expect(formatDateTime('2026-11-23T10:15:00Z')).toBe(expected)
    expect(formatDateTime(null)).toBe('')
  })
  it('formats land and percentages', () => {
    expect(formatMu(150.5)).toBe('150.50')
    expect(formatMu(null)).toBe('')
    expect(formatPercent(120000000, 300000000)).toBe('40.0%')
    expect(formatPercent(1, 0)).toBe('')
  })
})

describe('one clock: the server\'s', () => {
  afterEach(() => setServerNow(new Date().toISOString()))
  it('takes today from the server in China Standard Time, whatever the browser\'s clock says', () => {
    setServerNow('2026-12-31T16:30:00Z') // 2027-01-01 00:30 in Beijing
    expect(today()).toBe('2027-01-01')
    setServerNow('2026-12-31T15:59:00Z') // 23:59 on the 31st in Beijing
    expect(today()).toBe('2026-12-31')
    setServerNow('2028-02-29T01:00:00+08:00')
    expect(today()).toBe('2028-02-29') // 01:00 in Beijing is still the 29th there
  })
  it('runs on from the server\'s instant and ignores a malformed one', () => {
    setServerNow('2026-06-15T01:00:00Z')
    const t = now().getTime()
    expect(Math.abs(t - Date.parse('2026-06-15T01:00:00Z'))).toBeLessThan(5000)
    setServerNow('not a time')
    expect(today()).toBe('2026-06-15')
  })
})

describe('periods', () => {
  it('reads week, month, quarter and year keys in words', () => {
    expect(formatPeriod('2026-W48')).toBe('2026年第48周')
    expect(formatPeriod('2026-W05')).toBe('2026年第5周')
    expect(formatPeriod('2026-W53')).toBe('2026年第53周')
    expect(formatPeriod('2027-01')).toBe('2027年1月')
    expect(formatPeriod('2026-11')).toBe('2026年11月')
    expect(formatPeriod('2026-Q4')).toBe('2026年第4季度')
    expect(formatPeriod('2026')).toBe('2026年')
    expect(formatPeriod('')).toBe('')
    expect(formatPeriod(null)).toBe('')
    expect(formatPeriod('next week')).toBe('next week')
  })
  it('gives a date its ISO week: the year of its Thursday', () => {
    expect(isoWeekKey('2026-06-15')).toBe('2026-W25')
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53') // a Friday: 2026 has 53 weeks
    expect(isoWeekKey('2026-12-28')).toBe('2026-W53')
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01')
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01') // a Monday whose Thursday is 2026-01-01
    expect(isoWeekKey('2025-12-28')).toBe('2025-W52')
    // The hard days: a Sunday ends its week, 2027-01-03 still in 2026's week 53, a leap day.
    expect(isoWeekKey('2026-12-06')).toBe('2026-W49')
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53')
    expect(isoWeekKey('2028-02-29')).toBe('2028-W09')
  })
  it('steps weeks and months across the year boundary', () => {
    expect(shiftPeriod('2026-W53', 1)).toBe('2027-W01')
    expect(shiftPeriod('2027-W01', -1)).toBe('2026-W53')
    expect(shiftPeriod('2026-W01', -1)).toBe('2025-W52')
    expect(shiftPeriod('2026-W25', -1)).toBe('2026-W24')
    expect(shiftPeriod('2026-W25', 0)).toBe('2026-W25')
    expect(shiftPeriod('2026-W25', -52)).toBe('2025-W25')
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01')
    expect(shiftPeriod('2027-01', -1)).toBe('2026-12')
    expect(shiftPeriod('2026-06', -24)).toBe('2024-06')
    expect(shiftPeriod('2026-Q4', 1)).toBe('2026-Q4')
  })
  it('reads a period typed as a key or in words', () => {
    expect(parsePeriod('2026-W48')).toBe('2026-W48')
    expect(parsePeriod(' 2026-w5 ')).toBe('2026-W05')
    expect(parsePeriod('2026年第53周')).toBe('2026-W53')
    expect(parsePeriod('2026-06')).toBe('2026-06')
    expect(parsePeriod('2027年1月')).toBe('2027-01')
    expect(parsePeriod('2026年第4季度')).toBe('2026-Q4')
    expect(parsePeriod('2026-W54')).toBeNull()
    expect(parsePeriod('2026-13')).toBeNull()
    expect(parsePeriod('week 48')).toBeNull()
    for (const key of ['2026-W53', '2027-01', '2026-Q4']) expect(parsePeriod(formatPeriod(key))).toBe(key)
  })
})
