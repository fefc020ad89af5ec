import { describe, expect, it } from 'vitest'
import { routes, refusedPermission } from './router.js'

const layout = routes.find((r) => r.path === '/')
const byName = Object.fromEntries(layout.children.filter((r) => r.name).map((r) => [r.name, r]))
const as = (permissions) => ({ user: { permissions }, can: (p) => permissions.includes(p) })
const to = (name) => ({ name, matched: [layout, byName[name]] })

describe('route guards', () => {
  it('names the permission of every admin page', () => {
    expect(byName.dictionaries.meta.permission).toBe('dictionary.admin')
    expect(byName.accounts.meta.permission).toBe('user.admin')
    for (const n of ['org-regions', 'org-units', 'org-people', 'org-teams', 'setup-checklist']) expect(byName[n].meta.permission).toBe('org.admin')
  })
  it('refuses a page whose permission the caller lacks', () => {
    expect(refusedPermission(to('dictionaries'), as(['project.read', 'project.write']))).toBe('dictionary.admin')
    expect(refusedPermission(to('projects'), as(['observation.read', 'observation.judge']))).toBe('project.read')
  })
  it('lets the caller in where they hold it, and everyone home and to their account', () => {
    expect(refusedPermission(to('dictionaries'), as(['dictionary.admin']))).toBeNull()
    expect(refusedPermission(to('home'), as([]))).toBeNull()
    expect(refusedPermission(to('my-account'), as([]))).toBeNull()
  })
  it('refuses nothing before the user is known (a reload before /auth/me)', () => {
    expect(refusedPermission(to('dictionaries'), { user: null, can: () => false })).toBeNull()
  })
})

describe('page titles', () => {
  it('gives every page a title key that has a label', async () => {
    const { t } = await import('./i18n.js')
    for (const r of layout.children.filter((c) => c.name)) {
      expect(r.meta.title, r.name).toBeTruthy()
      expect(t(r.meta.title), r.name).not.toBe(r.meta.title)
    }
  })
})
