// The current report period, one rule for every page that shows a period (home, 一张表, the
// bulletin, kept lights): the period containing today by the region's report policy, the one
// reports are being filed for. The server decides it (GET /reports/period, ProgressService::
// CurrentPeriodOf with the domain's PeriodOf); this asks once per region and shares the answer.
// The bulletin offers the previous one (上一期) as a quick choice.
import { ref, unref, watch } from 'vue'
import { currentPeriod } from '../api/progress.js'

const cache = new Map() // region → Promise of {period, frequency, previous, next, start, end, due}

/** The current period of `region` (a code or a ref to one; '' = the default policy). */
export function fetchCurrentPeriod(region) {
  const key = region || ''
  if (!cache.has(key)) {
    const p = currentPeriod(key).catch((e) => {
      cache.delete(key)
      throw e
    })
    cache.set(key, p)
  }
  return cache.get(key)
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
