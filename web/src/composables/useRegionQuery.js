// The region / as-of query a supervision or overview page opens on and keeps in the URL (so a
// view can be shared and survives a reload): the URL's region, else the user's own, else the
// first the reference data offers; the as-of date, else today; and any further keys the page
// names ({light: '', q: ''}). A change of any of them rewrites the URL and calls onChange.
// `regionKey` names the region's key in the URL (亩产效益 keeps ?county=).
import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { today } from '../format.js'
import { initialRegion, queryText } from '../query.js'
import { useAuthStore } from '../stores/auth.js'
import { useReferenceStore } from '../stores/reference.js'

/** The URL query of the state: empty values left out. */
export function urlQuery(state) {
  const q = {}
  for (const [k, v] of Object.entries(state)) if (v !== '' && v !== null && v !== undefined) q[k] = v
  return q
}

export function useRegionQuery({ asOf = false, keys = {}, regionKey = 'region' } = {}, onChange = () => {}) {
  const route = useRoute()
  const router = useRouter()
  const auth = useAuthStore()
  const reference = useReferenceStore()
  const region = ref(initialRegion({ region: route.query[regionKey] }, auth.regionCode, reference.areaRegions))
  const date = ref(asOf ? queryText(route.query, 'as_of') || today() : '')
  const extra = Object.fromEntries(Object.entries(keys).map(([k, d]) => [k, ref(queryText(route.query, k) || d)]))

  const state = () => ({ [regionKey]: region.value, ...(asOf ? { as_of: date.value } : {}), ...Object.fromEntries(Object.entries(extra).map(([k, r]) => [k, r.value])) })
  watch([region, date, ...Object.values(extra)], () => {
    router.replace({ query: urlQuery(state()) })
    onChange()
  })
  return { region, asOf: date, ...extra, regions: () => reference.areaRegions }
}
