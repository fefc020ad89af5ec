import { describe, it, expect } from 'vitest'
import {
  rulesToForm, formToRules, shareToPercent, percentToShare, settingsFieldOf,
  blankTarget, targetToForm, formToTarget, thresholdUnit, reasonKey,
} from './settings.js'

const stored = {
  preset: 'default', start_red_months: 3, lag_mode: 'points', lag_yellow_points: 10, lag_red_points: 30,
  share_yellow: 1, share_red: 0.5, problem_red_days: 30, missing_reports_yellow: 2, stopped_light: 'yellow', blocking_procedure_light: 'yellow',
}

describe('light rules form', () => {
  it('shows shares as percentages and back without float noise', () => {
    for (const s of [0.5, 0.575, 0.8, 1, 0.07]) expect(percentToShare(shareToPercent(s))).toBe(s)
    expect(shareToPercent(0.575)).toBe(57.5)
    expect(rulesToForm(stored).share_red).toBe(50)
  })
  it('sends every value with the same preset (they are the stored overrides)', () => {
    const form = rulesToForm(stored)
    form.start_red_months = 1
    const body = formToRules(form, stored)
    expect(body.preset).toBe('default')
    expect(body.start_red_months).toBe(1)
    expect(body.lag_red_points).toBe(stored.lag_red_points)
    expect(body.share_red).toBe(stored.share_red)
  })
  it('after switching the preset sends only what was changed', () => {
    const form = rulesToForm(stored)
    form.preset = 'wuhan'
    expect(formToRules(form, stored)).toEqual({ preset: 'wuhan' })
    form.share_red = 55
    expect(formToRules(form, stored)).toEqual({ preset: 'wuhan', share_red: 0.55 })
  })
  it('names errors as the form does', () => {
    expect(settingsFieldOf('light_rules.share_red')).toBe('share_red')
    expect(settingsFieldOf('report_policy.due_day')).toBe('report_policy.due_day')
  })
})

describe('target form', () => {
  it('round-trips a rate target in percent', () => {
    const t = { name: '开工率', region: '371524', metric: 'start_rate', comparator: '>=', threshold: 0.6, deadline: '2026-06-30', categories: [], track: 'implementation', kind: '', level: '' }
    const form = targetToForm(t)
    expect(form.threshold).toBe('60')
    const { body } = formToTarget(form)
    expect(body.threshold).toBe(0.6)
    expect(body.track).toBe('implementation')
    expect(body.stage).toBe('')
  })
  it('takes sums in 万元 and sends exact yuan', () => {
    const form = { ...blankTarget('371524', '2026-12-31'), name: '投资', metric: 'sum_amount', amount: 'annual_completed', threshold: '1234.56' }
    expect(formToTarget(form).body.threshold).toBe(12345600)
    expect(targetToForm({ ...formToTarget(form).body }).threshold).toBe('1234.56')
    expect(thresholdUnit('count_stage')).toBe('count')
  })
  it('names every missing or bad field', () => {
    const { errors } = formToTarget({ ...blankTarget('', ''), threshold: '-1' })
    expect(Object.keys(errors).sort()).toEqual(['deadline', 'name', 'region', 'threshold'])
    const bad = formToTarget({ ...blankTarget('371524', '2026-06-30'), name: 'x', metric: 'sum_amount', threshold: '1.23456' })
    expect(bad.errors.threshold).toBe('target.err.wan')
  })
  it('keeps the stage only for counts by stage', () => {
    const form = { ...blankTarget('371524', '2026-09-30'), name: '签约', metric: 'count_stage', stage: 'signed', threshold: '20' }
    expect(formToTarget(form).body).toMatchObject({ stage: 'signed', amount: '', threshold: 20 })
  })
})

describe('validation reasons', () => {
  it('recognises the server reasons and gives shares in percent', () => {
    expect(reasonKey('start_red_months', 'must be a number from 1.000000 to 24.000000')).toEqual({ key: 'reason.range', params: { min: '1', max: '24' } })
    expect(reasonKey('light_rules.share_red', 'must be a number from 0.000000 to 1.000000').params).toEqual({ min: '0', max: '100' })
    expect(reasonKey('escalation.steps[1].after_days', "must be greater than the previous step's").key).toBe('reason.after_previous')
    expect(reasonKey('x', 'something new')).toBe(null)
  })
  it('says the work calendar\'s problems in its own words, naming the date', () => {
    expect(reasonKey('report_policy.workdays', '2026-10-08: a make-up working day is a Saturday or a Sunday'))
      .toEqual({ key: 'reason.workday_weekend', params: { d: '2026-10-08' } })
    expect(reasonKey('report_policy.workdays', '2026-10-03: listed as a holiday too')).toEqual({ key: 'reason.workday_holiday', params: { d: '2026-10-03' } })
    expect(reasonKey('report_policy.holidays[2]', 'not a date (2026-10-01)').key).toBe('reason.not_a_date')
    expect(reasonKey('report_policy.holidays', 'at most 400 dates')).toEqual({ key: 'reason.at_most_dates', params: { n: '400' } })
    expect(reasonKey('report_policy.rest_day_rule', 'unknown rule for a due date on a rest day').key).toBe('reason.unknown_value')
  })
})
