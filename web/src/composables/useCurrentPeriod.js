// The current report period, one rule for every page that shows a period (home, 一张表, the
// bulletin, kept lights): the period containing today by the region's report policy, the one
// reports are being filed for. The server decides it (GET /reports/period, ProgressService::
// CurrentPeriodOf with the domain's PeriodOf); this asks once per region and shares the answer.
// The bulletin offers the previous one (上一期) as a quick choice.
import { ref, unref, watch } from 'vue'
import { currentPeriod } from '../api/progress.js'

// region → { at, answer: Promise of {period, frequency, previous, next, start, end, due} }. Kept a
// minute: the pages of one visit share it, and a changed policy or a new day shows soon after.
const cache = new Map()
const KEEP_MS = 60e3

/** The current period of `region` ('' = the default policy). */
export function fetchCurrentPeriod(region) {
  const key = region || ''
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.answer
  const answer = currentPeriod(key).catch((e) => {
    cache.delete(key)
    throw e
  })
  cache.set(key, { at: Date.now(), answer })
  return answer
}

/** Forgets the answers (the policy changed, or another day began). */
export function forgetCurrentPeriods() {
  cache.clear()
}

/**
 * { current: ref of the answer (null until known), ready: a promise of it } following `region`
 * (a ref or a plain code).
 */
export function useCurrentPeriod(region = '') {
  const current = ref(null)
  let ready
  const load = (code) => {
    ready = fetchCurrentPeriod(code).then(
      (c) => (current.value = c),
      () => null,
    )
    return ready
  }
  load(unref(region))
  watch(() => unref(region), (code) => load(code))
  return { current, ready: () => ready }
}
