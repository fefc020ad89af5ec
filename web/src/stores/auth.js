// The signed-in user. The token lives in localStorage (see api.js) so a
// reload keeps the session; the user is re-read from /auth/me on start.
import { defineStore } from 'pinia'
import { getToken, setToken } from '../api.js'
import * as authApi from '../api/auth.js'

const USER_KEY = 'gongjian.user'

function savedUser() {
  try {
    return JSON.parse(localStorage.getItem(USER_KEY) || 'null')
  } catch {
    return null
  }
}

export const useAuthStore = defineStore('auth', {
  state: () => ({
    token: getToken(),
    user: getToken() ? savedUser() : null,
  }),
  getters: {
    loggedIn: (s) => !!s.token,
    /** The first role decides the default region of the overview and filters. */
    primaryRole: (s) => (s.user && s.user.roles && s.user.roles[0]) || null,
    regionCode() {
      return this.primaryRole ? this.primaryRole.region_code : null
    },
    /** The role names the caller holds (admin, coordinator, leader, unit, viewer, judge), once each. */
    roleNames: (s) => [...new Set(((s.user && s.user.roles) || []).map((r) => r.role))],
    /** The units the caller's grants name (a 责任单位 account's own unit). */
    unitIds: (s) => [...new Set(((s.user && s.user.roles) || []).map((r) => r.unit_id).filter((u) => u != null))],
    /**
     * Whether the caller has projects of their own (access::Mine on the server: a unit's projects,
     * a 包保 leader's): their lists open on 我的项目 / 本单位, with a switch to everything they read.
     */
    ownsProjects() {
      return this.unitIds.length > 0 || !!(this.user && this.user.person_id && this.roleNames.includes('leader'))
    },
  },
  actions: {
    can(permission) {
      return !!(this.user && (this.user.permissions || []).includes(permission))
    },
    /**
     * The county a county-level page (亩产效益) opens on: the caller's own when their region is a
     * county, else the first county below it (a city account), else the first county listed.
     * `counties`: the reference store's counties ({code, parent_code}).
     */
    defaultCounty(counties) {
      const own = this.regionCode
      const list = counties || []
      const hit = list.find((c) => c.code === own) || list.find((c) => c.parent_code === own) || list[0]
      return hit ? hit.code : own || ''
    },
    setSession(token, user) {
      this.token = token
      this.user = user
      setToken(token)
      try {
        localStorage.setItem(USER_KEY, JSON.stringify(user))
      } catch {
        /* ignore */
      }
    },
    async login(login, password) {
      const res = await authApi.login(login, password)
      this.setSession(res.token, res.user)
      return res.user
    },
    async refresh() {
      const user = await authApi.me()
      this.setSession(this.token, user)
      return user
    },
    /** Forget the session locally (after a 401 or a logout). */
    clear() {
      this.token = null
      this.user = null
      setToken(null)
      try {
        localStorage.removeItem(USER_KEY)
      } catch {
        /* ignore */
      }
    },
    async logout() {
      try {
        await authApi.logout()
      } catch {
        /* the token may already be gone; leaving is what matters */
      }
      this.clear()
    },
  },
})
