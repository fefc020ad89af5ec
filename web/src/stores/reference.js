// Reference data the screens share: dictionaries, regions in scope, units and
// people per region. Loaded once per session and cached (they change rarely).
import { defineStore } from 'pinia'
import * as refApi from '../api/admin.js'

// The load in progress, shared by every caller (the router's early start and the layout's).
let loading = null

export const DICT_KINDS = ['category', 'level', 'kind', 'track', 'stage']

export const useReferenceStore = defineStore('reference', {
  state: () => ({
    dictionaries: {},
    regions: [],
    unitsByRegion: {},
    leadersByRegion: {},
    loaded: false,
  }),
  getters: {
    counties: (s) => s.regions.filter((r) => r.level === 'county'),
    /** Regions a project can be filtered on: cities and counties. */
    areaRegions: (s) => s.regions.filter((r) => r.level === 'city' || r.level === 'county'),
  },
  actions: {
    /** Dictionaries and regions, once (a load in progress is shared: the router starts it early). */
    load(force = false) {
      if (this.loaded && !force) return Promise.resolve()
      if (!loading || force) {
        loading = Promise.all([refApi.dictionaries(), refApi.regions()])
          .then(([dicts, regions]) => {
            this.dictionaries = dicts || {}
            this.regions = (regions && regions.items) || []
            this.loaded = true
          })
          .finally(() => (loading = null))
      }
      return loading
    },
    reset() {
      this.$reset()
    },
    /** Drops the cached units and people (after the organisation admin changed them). */
    forget() {
      this.unitsByRegion = {}
      this.leadersByRegion = {}
    },
    /** Active dictionary entries of one kind, in their sort order. */
    dict(kind) {
      const list = this.dictionaries[kind] || []
      return list.filter((e) => e.active !== false).slice().sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
    },
    /** The entry for a code, inactive ones included (old projects may use them). */
    entry(kind, code) {
      return (this.dictionaries[kind] || []).find((e) => e.code === code) || null
    },
    region(code) {
      return this.regions.find((r) => r.code === code) || null
    },
    /** Towns and zones under a county (or every town in scope without one). */
    towns(countyCode) {
      return this.regions.filter(
        (r) => (r.level === 'town' || r.level === 'zone') && (!countyCode || r.parent_code === countyCode),
      )
    },
    units(region) {
      return this.cached('unitsByRegion', refApi.units, region)
    },
    leaders(region) {
      return this.cached('leadersByRegion', refApi.leaders, region)
    },
    /** One region's list from the cache `slot`, fetched with `fetch` on first use. */
    async cached(slot, fetch, region) {
      const key = region || ''
      if (!this[slot][key]) {
        const res = await fetch(region)
        this[slot][key] = (res && res.items) || []
      }
      return this[slot][key]
    },
  },
})
