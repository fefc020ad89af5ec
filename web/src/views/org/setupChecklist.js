// The first-run checklist's logic (上线清单): where each step is set up, the regions an admin may
// look at, and the one landing on the checklist after a log-in while it is incomplete.
import { setupChecklist } from '../../api/org.js'

/** Each step's page (a router location; `region` for the pages that take one). */
export function stepLink(key, region) {
  const withRegion = (name) => ({ name, query: region ? { region } : {} })
  return (
    {
      towns: { name: 'org-regions' },
      units: { name: 'org-units' },
      people: { name: 'org-people' },
      accounts: { name: 'accounts' },
      projects: { name: 'projects' },
      rules: withRegion('sup-settings'),
      targets: withRegion('targets'),
      teams: { name: 'org-teams' },
    }[key] || { name: 'projects' }
  )
}

/** The required steps and how many of them are done. */
export function progressOf(checklist) {
  const required = ((checklist && checklist.steps) || []).filter((s) => !s.optional)
  return { done: required.filter((s) => s.done).length, total: required.length }
}

/**
 * The counties and cities (of `regions`, the reference list) an admin may open a checklist of: the
 * regions of their admin grants and those below them.
 */
export function adminAreas(regions, roles) {
  const granted = new Set((roles || []).filter((g) => g.role === 'admin').map((g) => g.region_code))
  const byCode = Object.fromEntries(regions.map((r) => [r.code, r]))
  const within = (r) => {
    for (let x = r, guard = 0; x && guard < 16; x = byCode[x.parent_code], guard++) if (granted.has(x.code)) return true
    return false
  }
  return regions.filter((r) => (r.level === 'city' || r.level === 'county' || r.level === 'province') && within(r))
}

const SEEN_KEY = 'gongjian.setup_landing'

/**
 * Once per log-in (per session, auth.sessionKey): an admin (org.admin) whose checklist is not complete, arriving at
 * the home page, lands on the checklist instead. Later visits to the home page, other pages and
 * everyone else go where they were going; a failed look-up never stands in the way.
 */
export async function setupLanding(to, auth, home) {
  if (to.name !== home || !auth.sessionKey || !auth.can('org.admin')) return true
  let seen = ''
  try {
    seen = sessionStorage.getItem(SEEN_KEY) || ''
  } catch {
    /* no storage: decide every time */
  }
  if (seen === String(auth.sessionKey)) return true
  try {
    sessionStorage.setItem(SEEN_KEY, String(auth.sessionKey))
  } catch {
    /* ignore */
  }
  try {
    const list = await setupChecklist()
    return list && list.complete === false ? { name: 'setup-checklist' } : true
  } catch {
    return true
  }
}
