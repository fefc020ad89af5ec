// The header's breadcrumb and the browser tab's title, from the routes' meta (router.js PAGE_META):
// 工作台 › the page's parents (or its menu section) › the page, and 「<page> - 重点项目攻坚」.
// A detail page may name what it shows (the project's name) with setCrumbSubject; the name stands
// in for the page's title until the route changes.
import { ref } from 'vue'
import { t } from '../i18n.js'

const subject = ref({ path: '', text: '' })

/** Names what the page at `path` shows (e.g. a project's name); '' or null clears it. */
export function setCrumbSubject(text, path = globalThis.location ? globalThis.location.pathname : '') {
  subject.value = { path, text: text || '' }
}

/** The subject's text when it belongs to `route`; '' otherwise. */
export function crumbSubject(route) {
  return subject.value.path === route.path ? subject.value.text : ''
}

/**
 * The crumbs of a route: [{ text, to }] from 工作台 to the page (`to` null on the last and on a
 * section without a page). `routesByName` maps a route name to its record (meta).
 */
export function crumbsOf(route, routesByName) {
  const meta = route.meta || {}
  if (!meta.title) return []
  const chain = []
  let parent = meta.parent
  let section = meta.section
  for (let guard = 0; parent && guard < 5; guard++) {
    const r = routesByName[parent]
    if (!r) break
    chain.unshift({ text: t(r.meta.title), to: { name: parent, params: route.params } })
    section = r.meta.section
    parent = r.meta.parent
  }
  if (section) chain.unshift({ text: t(section), to: null })
  const home = route.name === 'home' ? [] : [{ text: t('menu.home'), to: { name: 'home' } }]
  const own = crumbSubject(route)
  const last = own ? [{ text: t(meta.title), to: null }, { text: own, to: null }] : [{ text: t(meta.title), to: null }]
  return [...home, ...chain, ...last]
}

/** The page's title: what it shows, else its meta title ('' without one). */
export function pageTitle(route) {
  const meta = (route && route.meta) || {}
  return crumbSubject(route) || (meta.title ? t(meta.title) : '')
}

/** document.title: 「<page> - 重点项目攻坚」, the product's name alone for a page without a title. */
export function documentTitle(route) {
  const page = pageTitle(route)
  return page ? t('app.doc_title', { page }) : t('app.product')
}

export function setDocumentTitle(route) {
  if (globalThis.document) document.title = documentTitle(route)
}
