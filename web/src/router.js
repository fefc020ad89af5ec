import { createRouter, createWebHistory } from 'vue-router'
import { useAuthStore } from './stores/auth.js'

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/auth/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    children: [
      { path: '', redirect: { name: 'projects' } },
      { path: 'projects', name: 'projects', component: () => import('./views/ledger/ProjectList.vue') },
      {
        path: 'projects/:id(\\d+)',
        name: 'project',
        component: () => import('./views/ledger/ProjectDetail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
      },
      { path: 'overview', name: 'overview', component: () => import('./views/overview/OverviewView.vue') },
      { path: 'supervision', redirect: (to) => ({ name: 'lights', query: to.query }) },
      { path: 'supervision/lights', name: 'lights', component: () => import('./views/supervision/LightsView.vue') },
      { path: 'supervision/reports', name: 'reports', component: () => import('./views/supervision/ReportsView.vue') },
      { path: 'supervision/targets', name: 'targets', component: () => import('./views/supervision/TargetsView.vue') },
      { path: 'admin/dictionaries', name: 'dictionaries', component: () => import('./views/admin/DictionaryAdmin.vue') },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'projects' } },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory('/'), routes })
  router.beforeEach((to) => {
    const auth = useAuthStore()
    if (!to.meta.public && !auth.loggedIn) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
    if (to.name === 'login' && auth.loggedIn) return { name: 'projects' }
    return true
  })
  return router
}
