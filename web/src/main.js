import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Element Plus' components are imported by the pages that use them (scripts/element_plus_on_demand.js);
// the two the layout picks by name at run time (<component :is="phone ? 'el-drawer' : 'el-aside'">) here.
import { ElAside, ElDrawer } from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { createAppRouter } from './router.js'
import { setUnauthorizedHandler } from './api.js'
import { clock } from './api/admin.js'
import { useAuthStore } from './stores/auth.js'
import { useReferenceStore } from './stores/reference.js'
import { lang } from './i18n.js'
import { setServerNow } from './format.js'
import './style.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter()
app.use(router)
app.component('ElAside', ElAside)
app.component('ElDrawer', ElDrawer)

document.documentElement.lang = lang.value

// Any 401 (expired or revoked token) ends the session and returns to login,
// remembering where the person was.
setUnauthorizedHandler(() => {
  useAuthStore(pinia).clear()
  useReferenceStore(pinia).reset()
  const current = router.currentRoute.value
  if (current.name !== 'login') {
    router.replace({ name: 'login', query: { redirect: current.fullPath } })
  }
})

// "Today" is the server's (one clock for the product): read it before the first screen renders.
// Without an answer the browser's clock stands in.
async function boot() {
  try {
    setServerNow((await clock()).now)
  } catch {
    /* the server is not reachable: the views report that themselves */
  }
  app.mount('#app')
}
boot()
