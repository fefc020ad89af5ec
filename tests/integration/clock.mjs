// The date every API, CLI and browser test believes it is. Tests never read the real calendar:
// the server, the demo and every CLI command take "now" from GONGJIAN_NOW (see common/clock.h),
// which this module sets for the test process and so for every child it spawns. scripts/test.sh
// runs the date-sensitive suites again at the calendar's hard days by setting GONGJIAN_NOW.
//
// Default: a Monday in June, 09:00 China Standard Time.
export const DEFAULT_NOW = '2026-06-15T09:00:00+08:00';

/** "2026-06-15" alone means 09:00 China Standard Time that day (as the server reads it). */
export function normaliseNow(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T09:00:00+08:00` : value;
}

process.env.GONGJIAN_NOW = normaliseNow(process.env.GONGJIAN_NOW || DEFAULT_NOW);
export const NOW = process.env.GONGJIAN_NOW;
const NOW_MS = Date.parse(NOW);
if (Number.isNaN(NOW_MS)) throw new Error(`GONGJIAN_NOW is not a time: ${NOW}`);

/** The China Standard Time day of an instant (ms), as 2026-06-15. */
export const chinaDay = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 10);
/** The pinned day (tests run for minutes, not across midnight: the pin is 09:00 unless set otherwise). */
export const TODAY = chinaDay(NOW_MS);
/** A day `n` days after an ISO day. */
export const addDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
/** Monday = 1 … Sunday = 7 of an ISO day. */
export const isoWeekday = (iso) => ((new Date(iso + 'T00:00:00Z').getUTCDay() + 6) % 7) + 1;
/** The ISO week of an ISO day as "2026-W53" (the week belongs to the year of its Thursday). */
export function isoWeekKey(iso) {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(thursday + 'T00:00:00Z') - Date.parse(`${year}-01-01T00:00:00Z`)) / (7 * 86400e3)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
