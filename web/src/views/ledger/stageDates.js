// Moving a project back before 开工 (or 竣工) says its actual date was wrong: the server refuses
// the move (422, the date's field with reason "stage.back_before_start" / "…_completion") until
// the request says to clear that date. These read the refusal and build the confirmed request.

/** The server's reason code per actual date it would clear. */
export const BACK_REASONS = {
  'stage.back_before_start': 'actual_start',
  'stage.back_before_completion': 'actual_completion',
}

/** The dates a 422 says the move takes back: [{field, date, reason}], [] for any other error. */
export function undoneDates(e) {
  if (!e || e.status !== 422) return []
  return (e.details || [])
    .filter((d) => d && BACK_REASONS[d.reason] === d.field)
    .map((d) => ({ field: d.field, date: d.value || '', reason: d.reason }))
}

/** The stage change body that confirms clearing those dates. */
export function withClearFlags(body, undone) {
  const out = { ...body }
  for (const u of undone) out['clear_' + u.field] = true
  return out
}
