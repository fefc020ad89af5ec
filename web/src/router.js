import { createRouter, createWebHistory } from 'vue-router'
import { useAuthStore } from './stores/auth.js'
import { setupLanding } from './views/org/setupChecklist.js'

// Pages inside the layout: [path, name, component]. A path with `:id` passes the id as a number prop.
const PAGES = [
  ['projects', 'projects', () => import('./views/ledger/ProjectList.vue')],
  ['projects/:id(\\d+)', 'project', () => import('./views/ledger/ProjectDetail.vue')],
  ['overview', 'overview', () => import('./views/overview/OverviewView.vue')],
  ['supervision/lights', 'lights', () => import('./views/supervision/LightsView.vue')],
  ['supervision/reports', 'reports', () => import('./views/supervision/ReportsView.vue')],
  ['supervision/targets', 'targets', () => import('./views/supervision/TargetsView.vue')],
  ['supervision/settings', 'sup-settings', () => import('./views/supervision/SettingsView.vue')],
  ['land-efficiency', 'land-efficiency', () => import('./views/land_efficiency/LandView.vue')],
  ['assessment/observations', 'observations', () => import('./views/assessment/ObservationList.vue')],
  ['assessment/observations/:id(\\d+)', 'observation', () => import('./views/assessment/ObservationDetail.vue')],
  ['assessment/observations/:id(\\d+)/score', 'observation-score', () => import('./views/assessment/JudgeScore.vue')],
  ['assessment/rankings', 'rankings', () => import('./views/assessment/RankingView.vue')],
  ['supervision', 'supervision', () => import('./views/supervision/SupervisionView.vue')],
  ['supervision/problems/:id(\\d+)', 'problem', () => import('./views/supervision/ProblemDetail.vue')],
  ['admin/dictionaries', 'dictionaries', () => import('./views/admin/DictionaryAdmin.vue')],
  ['admin/regions', 'org-regions', () => import('./views/org/RegionAdmin.vue')],
  ['admin/units', 'org-units', () => import('./views/org/UnitAdmin.vue')],
  ['admin/people', 'org-people', () => import('./views/org/PersonAdmin.vue')],
  ['admin/teams', 'org-teams', () => import('./views/org/TeamAdmin.vue')],
  ['admin/accounts', 'accounts', () => import('./views/accounts/AccountAdmin.vue')],
  ['account', 'my-account', () => import('./views/accounts/MyAccount.vue')],
  ['admin/setup', 'setup-checklist', () => import('./views/org/SetupChecklist.vue')],
  ['projects/rollover', 'rollover', () => import('./views/ledger/RolloverView.vue')],
]

function page([path, name, component]) {
  const route = { path, name, component }
  if (path.includes(':id')) route.props = (r) => ({ id: Number(r.params.id) })
  return route
}

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/auth/LoginView.vue'), meta: { public: true } },
  { path: '/password', name: 'change-password', component: () => import('./views/accounts/ForcedPasswordView.vue') },
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    children: [
      { path: '', redirect: () => ({ name: homeRoute() }) },
      { path: 'assessment', redirect: { name: 'observations' } },
      ...PAGES.map(page),
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'projects' } },
]

/** Where a signed-in user starts: judges (who read no projects) at the observation events. */
export function homeRoute() {
  const auth = useAuthStore()
  return auth.can && auth.user && !auth.can('project.read') && auth.can('observation.read') ? 'observations' : 'projects'
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory('/'), routes })
  router.beforeEach((to) => {
    const auth = useAuthStore()
    if (!to.meta.public && !auth.loggedIn) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
    // A password that must be changed (first log-in, an admin's reset) comes before anything else.
    const mustChange = !!(auth.loggedIn && auth.user && auth.user.must_change_password)
    if (mustChange && to.name !== 'change-password') return { name: 'change-password' }
    if (!mustChange && to.name === 'change-password') return { name: homeRoute() }
    if (to.name === 'login' && auth.loggedIn) return { name: homeRoute() }
    // An admin whose county is not set up yet lands on the checklist once after logging in.
    return setupLanding(to, auth, homeRoute())
  })
  return router
}
