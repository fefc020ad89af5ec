import { createRouter, createWebHistory } from 'vue-router'
import { useAuthStore } from './stores/auth.js'

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/auth/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    children: [
      { path: '', redirect: () => ({ name: homeRoute() }) },
      { path: 'projects', name: 'projects', component: () => import('./views/ledger/ProjectList.vue') },
      {
        path: 'projects/:id(\\d+)',
        name: 'project',
        component: () => import('./views/ledger/ProjectDetail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
      },
      { path: 'overview', name: 'overview', component: () => import('./views/overview/OverviewView.vue') },
      { path: 'supervision/lights', name: 'lights', component: () => import('./views/supervision/LightsView.vue') },
      { path: 'supervision/reports', name: 'reports', component: () => import('./views/supervision/ReportsView.vue') },
      { path: 'supervision/targets', name: 'targets', component: () => import('./views/supervision/TargetsView.vue') },
      { path: 'supervision/settings', name: 'sup-settings', component: () => import('./views/supervision/SettingsView.vue') },
      { path: 'land-efficiency', name: 'land-efficiency', component: () => import('./views/land_efficiency/LandView.vue') },
      { path: 'assessment', redirect: { name: 'observations' } },
      { path: 'assessment/observations', name: 'observations', component: () => import('./views/assessment/ObservationList.vue') },
      {
        path: 'assessment/observations/:id(\\d+)',
        name: 'observation',
        component: () => import('./views/assessment/ObservationDetail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
      },
      {
        path: 'assessment/observations/:id(\\d+)/score',
        name: 'observation-score',
        component: () => import('./views/assessment/JudgeScore.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
      },
      { path: 'assessment/rankings', name: 'rankings', component: () => import('./views/assessment/RankingView.vue') },
      { path: 'supervision', name: 'supervision', component: () => import('./views/supervision/SupervisionView.vue') },
      {
        path: 'supervision/problems/:id(\\d+)',
        name: 'problem',
        component: () => import('./views/supervision/ProblemDetail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
      },
      { path: 'admin/dictionaries', name: 'dictionaries', component: () => import('./views/admin/DictionaryAdmin.vue') },
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
    if (to.name === 'login' && auth.loggedIn) return { name: homeRoute() }
    return true
  })
  return router
}
