import { describe, expect, it } from 'vitest'
import { mainLine, problemBar } from './problemSteps.js'

// The server's table (GET /supervision/config → workflow, problem_statuses), fields the bar reads.
const STATUSES = ['raised', 'assigned', 'signed', 'verifying', 'returned', 'closed', 'deferred']
const WORKFLOW = [
  { action: 'assign', from: ['raised'], to: 'assigned' },
  { action: 'sign', from: ['assigned'], to: 'signed' },
  { action: 'handle', from: ['signed', 'returned'], to: '' },
  { action: 'request_close', from: ['signed', 'returned'], to: 'verifying' },
  { action: 'close_out', from: ['verifying'], to: 'closed' },
  { action: 'return', from: ['verifying'], to: 'returned' },
  { action: 'defer', from: ['raised', 'assigned', 'signed', 'returned'], to: 'deferred' },
  { action: 'resume', from: ['deferred'], to: 'assigned' },
]
const step = (action, from, to, on, who = '张三') => ({ action, from_status: from, to_status: to, on_date: on, user_name: who })
const RAISE = step('raise', '', 'raised', '2026-05-01', '项目办')
const ASSIGN = step('assign', 'raised', 'assigned', '2026-05-02', '项目办')
const SIGN = step('sign', 'assigned', 'signed', '2026-05-03', '工信局')
const HANDLE = step('handle', 'signed', 'signed', '2026-05-04', '工信局')
const REQUEST = step('request_close', 'signed', 'verifying', '2026-05-05', '工信局')

describe('problem step bar', () => {
  it('takes the main line from the table: the first status-changing action out of each status', () => {
    expect(mainLine(WORKFLOW, STATUSES)).toEqual(['raised', 'assigned', 'signed', 'verifying', 'closed'])
    expect(mainLine([], STATUSES)).toEqual(['raised'])
    expect(mainLine(WORKFLOW, [])).toEqual([])
  })

  it('marks the steps reached with their date and who, the current one in process', () => {
    const bar = problemBar({ status: 'signed', steps: [RAISE, ASSIGN, SIGN, HANDLE] }, WORKFLOW, STATUSES)
    expect(bar.active).toBe(2)
    expect(bar.state).toBe('process')
    expect(bar.off).toBe(null)
    expect(bar.steps.map((s) => [s.status, s.reached, s.on_date, s.user_name])).toEqual([
      ['raised', true, '2026-05-01', '项目办'],
      ['assigned', true, '2026-05-02', '项目办'],
      ['signed', true, '2026-05-03', '工信局'],
      ['verifying', false, '', ''],
      ['closed', false, '', ''],
    ])
  })

  it('ends in success when closed out', () => {
    const close = step('close_out', 'verifying', 'closed', '2026-05-06', '王海涛')
    const bar = problemBar({ status: 'closed', steps: [RAISE, ASSIGN, SIGN, HANDLE, REQUEST, close] }, WORKFLOW, STATUSES)
    expect(bar.active).toBe(4)
    expect(bar.state).toBe('success')
    expect(bar.steps[4].user_name).toBe('王海涛')
  })

  it('shows a return on the step it came from, with the latest dates after a second request', () => {
    const ret = step('return', 'verifying', 'returned', '2026-05-06', '王海涛')
    const returned = problemBar({ status: 'returned', steps: [RAISE, ASSIGN, SIGN, REQUEST, ret] }, WORKFLOW, STATUSES)
    expect(returned.active).toBe(3)
    expect(returned.state).toBe('error')
    expect(returned.off).toEqual(ret)
    const again = step('request_close', 'returned', 'verifying', '2026-05-08', '工信局')
    const back = problemBar({ status: 'verifying', steps: [RAISE, ASSIGN, SIGN, REQUEST, ret, again] }, WORKFLOW, STATUSES)
    expect(back.state).toBe('process')
    expect(back.steps[3].on_date).toBe('2026-05-08')
  })

  it('shows a deferral where the problem stood', () => {
    const defer = step('defer', 'raised', 'deferred', '2026-05-02', '项目办')
    const bar = problemBar({ status: 'deferred', steps: [RAISE, defer] }, WORKFLOW, STATUSES)
    expect(bar.active).toBe(0)
    expect(bar.state).toBe('error')
    expect(bar.steps[1].reached).toBe(false)
  })
})
