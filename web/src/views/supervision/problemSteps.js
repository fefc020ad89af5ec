// The step bar of one problem (提出 → 交办 → 签收 → 核销 → 销号), read from the server's workflow
// table (GET /supervision/config: `problem_statuses`, `workflow`) and the problem's own journal
// (`steps`). Nothing here names a status: the main line is the table's first status-changing action
// out of each status, starting at the first status; any other status (退回, 暂缓) is off the line
// and shown on the last main-line status the problem passed through.

/**
 * The main line of the workflow: statuses[0], then from each status the first action (in table
 * order) that moves to a status not on the line yet, until none does.
 */
export function mainLine(workflow, statuses) {
  if (!statuses || !statuses.length) return []
  const line = [statuses[0]]
  for (;;) {
    const at = line[line.length - 1]
    const next = (workflow || []).find((t) => t.from.includes(at) && t.to && !line.includes(t.to))
    if (!next) return line
    line.push(next.to)
  }
}

/** The journal entry that last moved the problem into `status` (null when it never was). */
function lastEntryInto(steps, status) {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]
    if (s.to_status === status && s.from_status !== status) return s
  }
  return null
}

/** Where on `line` the problem is: its status, else the last line status its journal passed. */
function positionOn(line, status, steps) {
  const here = line.indexOf(status)
  if (here >= 0) return here
  for (let i = steps.length - 1; i >= 0; i--) {
    for (const s of [steps[i].to_status, steps[i].from_status]) {
      if (line.includes(s)) return line.indexOf(s)
    }
  }
  return 0
}

/**
 * The bar for problem `p` ({status, steps}): { steps: [{status, reached, current, on_date,
 * user_name}], active, state, off }. `active` is the current step's index, `state` is el-steps'
 * process-status of it ('success' at the end of the line, 'error' off the line, else 'process'),
 * `off` the journal entry that took the problem off the line (null when on it).
 */
export function problemBar(p, workflow, statuses) {
  const line = mainLine(workflow, statuses)
  const journal = (p && p.steps) || []
  const active = positionOn(line, p.status, journal)
  const onLine = line.includes(p.status)
  const steps = line.map((status, i) => {
    const entry = i <= active ? lastEntryInto(journal, status) : null
    return {
      status,
      reached: i <= active,
      current: i === active,
      on_date: entry ? entry.on_date : '',
      user_name: entry ? entry.user_name : '',
    }
  })
  const last = active === line.length - 1
  return {
    steps,
    active,
    state: !onLine ? 'error' : last ? 'success' : 'process',
    off: onLine ? null : lastEntryInto(journal, p.status),
  }
}
