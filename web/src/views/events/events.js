// 招商活动 page logic without Vue: the form ↔ request body, the year's range, a month cell's look.

export const EVENT_KINDS = ['industry_topic', 'small_group', 'expo', 'business_referral']

/** ?from=&to= of a year ("2026" → 2026-01-01 … 2026-12-31). */
export function yearRange(year) {
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

/**
 * Companies met as typed, one a line: "名称" or "名称 统一社会信用代码" (the code is the last
 * word when it has 18 characters); blank lines are dropped.
 */
export function parseCompanies(text) {
  return String(text || '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split(/\s+/)
      const last = parts[parts.length - 1]
      if (parts.length > 1 && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(last)) return { name: parts.slice(0, -1).join(' '), credit_code: last }
      return { name: line }
    })
}

export function companiesText(list) {
  return (list || []).map((c) => (c.credit_code ? `${c.name} ${c.credit_code}` : c.name)).join('\n')
}

/** Lead ids as typed ("12, 5 7") → [12, 5, 7]. */
export function parseLeadIds(text) {
  return String(text || '')
    .split(/[\s,，、]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
}

/** A new event's form: today, the caller's own person as leader. */
export function emptyForm(today, leaderId) {
  return { held_on: today, leader_id: leaderId ?? null, team_id: null, destination_city: '', kind: 'industry_topic', companies: '', note: '', leads: '' }
}

export function formOf(event) {
  return {
    held_on: event.held_on,
    leader_id: event.leader_id,
    team_id: event.team_id,
    destination_city: event.destination_city,
    kind: event.kind,
    companies: companiesText(event.companies_met),
    note: event.note,
    leads: (event.lead_ids || []).join(', '),
  }
}

/** The request body of a form (version added for an edit). */
export function bodyOf(form, version) {
  const body = {
    held_on: form.held_on,
    team_id: form.team_id || null,
    destination_city: form.destination_city.trim(),
    kind: form.kind,
    companies_met: parseCompanies(form.companies),
    note: form.note,
    lead_ids: parseLeadIds(form.leads),
  }
  if (form.leader_id) body.leader_id = form.leader_id
  if (version !== undefined) body.version = version
  return body
}

/** The class of a compliance cell: met, missed (red), in_progress, upcoming. */
export function cellClass(status) {
  return 'cell-' + status.replace('_', '-')
}
