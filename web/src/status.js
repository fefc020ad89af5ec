// One colour table for every status the app shows as a tag: per status family, the Element Plus tag
// type of each value. Grey (info) is "not yet / no longer in play", blue (primary) "in hand",
// orange (warning) "needs attention", green (success) "done / good", red (danger) "bad / late".
// Pages ask statusType(family, value); a value not in the table is grey.
export const STATUS_TYPES = {
  // A project's lifecycle stage (StageTag).
  stage: { planned: 'info', reserve: 'info', signed: 'primary', started: 'warning', completed: 'success', operating: 'success' },
  // 红黄绿灯.
  light: { red: 'danger', yellow: 'warning', green: 'success' },
  // A problem's workflow state (问题清单).
  problem: { raised: 'info', assigned: 'primary', signed: 'primary', verifying: 'warning', returned: 'warning', closed: 'success', deferred: 'info' },
  // A progress report (一张表).
  report: { pending: 'info', draft: 'info', submitted: 'primary', returned: 'danger', approved: 'success' },
  // A target's status (时间表).
  target: { met: 'success', on_track: 'primary', at_risk: 'warning', missed: 'danger' },
  // An observation event (观摩评议).
  observation: { draft: 'info', open: 'primary', closed: 'warning', published: 'success' },
  // 亩产效益 classes and the evaluation run's state.
  land_class: { A: 'success', B: 'primary', C: 'warning', D: 'danger' },
  land_run: { computed: 'info', preliminary: 'warning', published: 'primary', final: 'success' },
  // Stop/resume requests, procedures, the leader's duties, what needs attention.
  stop: { requested: 'warning', approved: 'success', rejected: 'info' },
  procedure: { not_started: 'info', applied: 'primary', accepted_pending: 'warning', approved: 'success', not_required: 'info' },
  duty: { current: 'success', past: 'info', future: 'warning' },
  attention: { overdue: 'danger', escalated: 'danger', verify: 'warning', returned: 'warning', assigned: 'primary', due: 'info', unassigned: 'info' },
}

/** The tag type of `value` in `family` ('info' when unknown). */
export function statusType(family, value) {
  const table = STATUS_TYPES[family]
  return (table && table[value]) || 'info'
}
