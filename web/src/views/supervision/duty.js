// 包保 with dates: the picker's value of a holder ("p:3" a person, "u:7" a unit) and back, and how
// a project's assignments split into current and past.

/** The API's holder ({ person_id } or { unit_id }) of a picker value; null when there is none. */
export function holderOf(value) {
  const m = /^([pu]):(\d+)$/.exec(value || '')
  if (!m) return null
  return m[1] === 'p' ? { person_id: Number(m[2]) } : { unit_id: Number(m[2]) }
}

/** The picker value of an assignment's (or a holder's) person_id / unit_id. */
export function holderKey(a) {
  return a.person_id != null ? `p:${a.person_id}` : a.unit_id != null ? `u:${a.unit_id}` : ''
}

/** Current assignments first (oldest first), then the others, most recently ended first. */
export function splitAssignments(items) {
  const current = items.filter((a) => a.current)
  const past = items.filter((a) => !a.current).sort((a, b) => (b.to_date || b.from_date).localeCompare(a.to_date || a.from_date))
  return { current, past }
}
