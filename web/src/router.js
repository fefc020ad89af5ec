import { createRouter, createWebHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import { t } from './i18n.js'
import { useAuthStore } from './stores/auth.js'
import { useReferenceStore } from './stores/reference.js'
import { setupLanding } from './views/org/setupChecklist.js'
import { setDocumentTitle } from './layout/crumbs.js'
import { prefetchLedger } from './views/ledger/opening.js'

// Pages inside the layout: [path, name, component, permission]. A path with `:id` passes the id as
// a number prop. `permission` (meta.permission) is what the page needs: a caller without it is sent
// to their home page with a message, never to an empty page or a 403/404 in the console.
const READ = 'project.read'
const PAGES = [
  ['home', 'home', () => import('./views/home/HomeView.vue')],
  ['projects', 'projects', () => import('./views/ledger/ProjectList.vue'), READ],
  ['projects/:id(\\d+)', 'project', () => import('./views/ledger/ProjectDetail.vue'), READ],
  ['overview', 'overview', () => import('./views/overview/OverviewView.vue'), READ],
  ['supervision/lights', 'lights', () => import('./views/supervision/LightsView.vue'), READ],
  ['supervision/reports', 'reports', () => import('./views/supervision/ReportsView.vue'), READ],
  ['supervision/targets', 'targets', () => import('./views/supervision/TargetsView.vue'), READ],
  ['supervision/settings', 'sup-settings', () => import('./views/supervision/SettingsView.vue'), 'supervision.manage'],
  ['land-efficiency', 'land-efficiency', () => import('./views/land_efficiency/LandView.vue'), 'land.read'],
  ['enterprises', 'enterprises', () => import('./views/enterprises/EnterpriseList.vue'), 'enterprise.read'],
  ['enterprises/:code([0-9A-Za-z]+)', 'enterprise', () => import('./views/enterprises/EnterpriseDetail.vue'), 'enterprise.read'],
  ['assessment/observations', 'observations', () => import('./views/assessment/ObservationList.vue'), 'observation.read'],
  ['assessment/observations/:id(\\d+)', 'observation', () => import('./views/assessment/ObservationDetail.vue'), 'observation.read'],
  ['assessment/observations/:id(\\d+)/score', 'observation-score', () => import('./views/assessment/JudgeScore.vue'), 'observation.judge'],
  ['assessment/rankings', 'rankings', () => import('./views/assessment/RankingView.vue'), 'ranking.read'],
  ['supervision', 'supervision', () => import('./views/supervision/SupervisionView.vue'), READ],
  ['supervision/problems/:id(\\d+)', 'problem', () => import('./views/supervision/ProblemDetail.vue'), READ],
  ['admin/dictionaries', 'dictionaries', () => import('./views/admin/DictionaryAdmin.vue'), 'dictionary.admin'],
  ['admin/regions', 'org-regions', () => import('./views/org/RegionAdmin.vue'), 'org.admin'],
  ['admin/units', 'org-units', () => import('./views/org/UnitAdmin.vue'), 'org.admin'],
  ['admin/people', 'org-people', () => import('./views/org/PersonAdmin.vue'), 'org.admin'],
  ['admin/teams', 'org-teams', () => import('./views/org/TeamAdmin.vue'), 'org.admin'],
  ['admin/accounts', 'accounts', () => import('./views/accounts/AccountAdmin.vue'), 'user.admin'],
  ['account', 'my-account', () => import('./views/accounts/MyAccount.vue')],
  ['admin/setup', 'setup-checklist', () => import('./views/org/SetupChecklist.vue'), 'org.admin'],
  ['projects/rollover', 'rollover', () => import('./views/ledger/RolloverView.vue'), 'project.rollover'],
  ['attraction', 'attraction', () => import('./views/attraction/AttractionBoard.vue'), 'attraction.read'],
  ['attraction/mine', 'attraction-mine', () => import('./views/attraction/AttractionBoard.vue'), 'attraction.read'],
  ['attraction/leads/:id(\\d+)', 'lead', () => import('./views/attraction/LeadDetail.vue'), 'attraction.read'],
  ['attraction/events', 'promotion-events', () => import('./views/events/EventsView.vue'), 'attraction.read'],
  ['chains', 'chains', () => import('./views/chains/ChainsView.vue'), 'chain.read'],
  ['chains/:id(\\d+)', 'chain', () => import('./views/chains/ChainDetail.vue'), 'chain.read'],
  ['supervision/targets/:id(\\d+)', 'target', () => import('./views/targets/TargetPage.vue'), READ],
]

// Each page's title (meta.title, a locale key: the header's last crumb and document.title) and
// where it sits (meta.parent: the route above it, or meta.section: a menu group without a page of
// its own). The breadcrumb is 工作台 › parent(s) or section › the page (layout/crumbs.js).
const ADMIN = { section: 'page.admin' }
const ASSESSMENT = { section: 'menu.assessment' }
export const PAGE_META = {
  home: { title: 'menu.home' },
  projects: { title: 'page.projects', prefetch: prefetchLedger },
  project: { title: 'page.project', parent: 'projects' },
  rollover: { title: 'page.rollover', parent: 'projects' },
  overview: { title: 'overview.title' },
  supervision: { title: 'menu.supervision' },
  lights: { title: 'sup.tab.lights', parent: 'supervision' },
  reports: { title: 'sup.tab.reports', parent: 'supervision' },
  targets: { title: 'sup.tab.targets', parent: 'supervision' },
  'sup-settings': { title: 'settings.title', parent: 'supervision' },
  problem: { title: 'menu.supervision_problem', parent: 'supervision' },
  'land-efficiency': { title: 'menu.land_efficiency' },
  enterprises: { title: 'menu.enterprises' },
  enterprise: { title: 'page.enterprise', parent: 'enterprises' },
  observations: { title: 'assessment.events_title', ...ASSESSMENT },
  observation: { title: 'page.observation', parent: 'observations' },
  'observation-score': { title: 'assessment.score_title', parent: 'observation' },
  rankings: { title: 'assessment.rankings_title', ...ASSESSMENT },
  dictionaries: { title: 'menu.admin', ...ADMIN },
  'org-regions': { title: 'menu.org_regions', ...ADMIN },
  'org-units': { title: 'menu.org_units', ...ADMIN },
  'org-people': { title: 'menu.org_people', ...ADMIN },
  'org-teams': { title: 'menu.org_teams', ...ADMIN },
  accounts: { title: 'menu.accounts', ...ADMIN },
  'my-account': { title: 'menu.my_account' },
  'setup-checklist': { title: 'menu.setup_checklist', ...ADMIN },
  attraction: { title: 'attraction.board_title' },
  'attraction-mine': { title: 'attraction.mine_title', parent: 'attraction' },
  lead: { title: 'attraction.lead_title', parent: 'attraction' },
  'promotion-events': { title: 'events.title', section: 'events.section' },
  chains: { title: 'menu.chains' },
  chain: { title: 'chains.page_title', parent: 'chains' },
  target: { title: 'target.page.title', parent: 'targets' },
}

function page([path, name, component, permission]) {
  const route = { path, name, component, meta: { ...PAGE_META[name], ...(permission ? { permission } : {}) } }
  if (path.includes(':id')) route.props = (r) => ({ id: Number(r.params.id) })
  return route
}

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/auth/LoginView.vue'), meta: { public: true, title: 'login.submit' } },
  { path: '/password', name: 'change-password', component: () => import('./views/accounts/ForcedPasswordView.vue'), meta: { title: 'account.forced_title' } },
  // Print views: outside the app layout (no menu or header), an A4 document with its own 打印 button.
  { path: '/problems/:id(\\d+)/print', name: 'problem-print', component: () => import('./views/supervision/ProblemPrint.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { permission: READ, print: true, title: 'sup.print.title' } },
  { path: '/projects/print', name: 'projects-print', component: () => import('./views/ledger/ProjectListPrint.vue'), meta: { permission: READ, print: true, title: 'project.print.button' } },
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    children: [
      { path: '', redirect: () => ({ name: homeRoute() }) },
      { path: 'assessment', redirect: { name: 'observations' } },
      ...PAGES.map(page),
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: () => ({ name: homeRoute() }) },
]

/** Where a signed-in user starts: their home page, made for their roles (views/home/HomeView.vue). */
export function homeRoute() {
  return 'home'
}

/**
 * The permission a route needs (its own or a parent's meta.permission); null when none. While the
 * user is not known yet (a reload before /auth/me), nothing is refused here: the page's own reads
 * are checked by the server.
 */
export function refusedPermission(to, auth) {
  if (!auth.user) return null
  const needed = to.matched.map((r) => r.meta && r.meta.permission).filter(Boolean)
  return needed.find((p) => !auth.can(p)) || null
}

/** Starts loading the lazy components of `to` without waiting for them. */
function preloadComponents(to) {
  for (const record of to.matched) {
    for (const component of Object.values(record.components || {})) {
      if (typeof component === 'function') Promise.resolve(component()).catch(() => {})
    }
  }
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory('/'), routes })
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    // Who is signed in is the server's to say (the session is an HttpOnly cookie): asked once. On
    // the first navigation the reference data the layout waits for is asked as soon as the answer
    // is "signed in", and the page's first data below, before the page's script is loaded and run
    // (which keeps the browser busy for a while): the server answers meanwhile (issue 16).
    const first = !auth.checked
    if (first) {
      // A public page (the log-in form) waits for no data: its script loads beside /auth/me.
      if (to.meta.public) preloadComponents(to)
      await auth.restore()
      if (auth.loggedIn && !to.meta.public) useReferenceStore().load().catch(() => {})
    }
    if (!to.meta.public && !auth.loggedIn) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
    // A password that must be changed (first log-in, an admin's reset) comes before anything else.
    const mustChange = !!(auth.loggedIn && auth.user && auth.user.must_change_password)
    if (mustChange && to.name !== 'change-password') return { name: 'change-password' }
    if (!mustChange && to.name === 'change-password') return { name: homeRoute() }
    if (to.name === 'login' && auth.loggedIn) return { name: homeRoute() }
    // A page the caller may not open (an admin page by URL, a judge at the ledger): home, and say why.
    if (!to.meta.public && refusedPermission(to, auth)) {
      ElMessage.warning(t('home.no_access'))
      return { name: homeRoute() }
    }
    // A page that names its first data (meta.prefetch) has it asked now, beside its script.
    if (first && auth.loggedIn && to.meta.prefetch) to.meta.prefetch(to, auth)
    // An admin whose county is not set up yet lands on the checklist once after logging in.
    return setupLanding(to, auth, homeRoute())
  })
  router.afterEach((to) => setDocumentTitle(to))
  return router
}
