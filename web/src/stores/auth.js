// The signed-in user. The session itself is the server's HttpOnly cookie (gj_session), which page
// scripts cannot read: who is signed in comes from /auth/me once at start (restore, awaited by the
// router's guard) and from the log-in's answer. Nothing of the session is kept in localStorage or
// sessionStorage; a reload asks /auth/me again.
import { defineStore } from 'pinia'
import * as authApi from '../api/auth.js'

// The one /auth/me of the start, shared by every navigation waiting for it.
let restoring = null

export const useAuthStore = defineStore('auth', {
  state: () => ({
    user: null,
    /** Whether the server has been asked who is signed in (restore, a log-in or a log-out since). */
    checked: false,
  }),
  getters: {
    loggedIn: (s) => !!s.user,
    /** This log-in's session (its id, not a secret): what "once per log-in" is counted by. */
    sessionKey: (s) => (s.user && s.user.session_id) || null,
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
    /** Asks the server once whether the session cookie is live; the user, or null. */
    async restore() {
      if (this.checked) return this.user
      if (!restoring) {
        restoring = authApi
          .session()
          .then((user) => (this.user = user), () => (this.user = null))
          .finally(() => {
            this.checked = true
            restoring = null
          })
      }
      await restoring
      return this.user
    },
    async login(login, password) {
      const res = await authApi.login(login, password)
      this.user = res.user
      this.checked = true
      return res.user
    },
    async refresh() {
      const user = await authApi.me()
      this.user = user
      this.checked = true
      return user
    },
    /** Forget the session locally (after a 401 or a logout). */
    clear() {
      this.user = null
      this.checked = true
    },
    /** Ends the session on the server (which expires the cookies), then here. */
    async logout() {
      try {
        await authApi.logout()
      } catch {
        /* the session may already be gone; leaving is what matters */
      }
      this.clear()
    },
  },
})
