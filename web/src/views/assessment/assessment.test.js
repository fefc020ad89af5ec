import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import {
  nextPeriodLabel, manualFigures, latestRuns, rankTrend, warningList, movement, ballotProblems, sheetPoints, sheetPointsOf, fullMarks, pointsText, nominationsByGroup, percent,
  reasonText, fieldLabel, problemText, fieldErrors, eventFormProblems, eventToForm, newMetric, schemeBody, manualRows, manualToSend,
  previousPeriodLabel, schemeToForm, metricCell, hasNotApplicable, subjectKinds,
  metricKinds, metricSource, defaultMetrics, subjectLeaders,
} from './assessment.js'
import { t, setLang } from '../../i18n.js'

const run = (label, version, entries, period = 'month') => ({ period, period_label: label, run_version: version, entries })

describe('assessment helpers', () => {
  it('shows the latest version of each period, in period order', () => {
    const runs = [run('2026-09', 1, []), run('2026-08', 1, []), run('2026-09', 2, [])]
    expect(latestRuns(runs).map((r) => [r.period_label, r.run_version])).toEqual([['2026-08', 1], ['2026-09', 2]])
  })
  it('builds rank trends with gaps for subjects missing in a period', () => {
    const runs = [
      run('2026-08', 1, [{ subject: '刘集镇', rank: 1 }, { subject: '铜城街道', rank: 2 }]),
      run('2026-09', 1, [{ subject: '铜城街道', rank: 1 }]),
      run('2026-Q3', 1, [{ subject: '刘集镇', rank: 1 }], 'quarter'),
    ]
    const t = rankTrend(runs, 'month')
    expect(t.labels).toEqual(['2026-08', '2026-09'])
    expect(t.series).toEqual([{ name: '刘集镇', data: [1, null] }, { name: '铜城街道', data: [2, 1] }])
  })
  it('lists red before yellow, each by rank', () => {
    const r = run('2026-09', 1, [
      { subject: 'a', rank: 3, light: 'yellow' }, { subject: 'b', rank: 5, light: 'red' },
      { subject: 'c', rank: 1, light: 'none' }, { subject: 'd', rank: 4, light: 'red' },
    ])
    expect(warningList(r).map((e) => e.subject)).toEqual(['d', 'b', 'a'])
  })
  it('prints movement arrows', () => {
    expect(movement({ movement: 'up', places_moved: 2 }).text).toBe('↑2')
    expect(movement({ movement: 'down', places_moved: -1 }).text).toBe('↓1')
    expect(movement({ movement: 'same', places_moved: 0 }).text).toBe('—')
    expect(movement({ movement: 'new', places_moved: 0 }).text).toBe('新')
  })
  it('shows 不适用 cells, unranked subjects and the county kind only for a city', () => {
    const e = { subject: '甲', rank: 2, metric_scores: { start_rate: 50 }, not_applicable: ['reports'] }
    expect(metricCell(e, 'reports')).toEqual({ na: true, text: '' })
    expect(metricCell(e, 'start_rate')).toEqual({ na: false, text: '50.00' })
    expect(metricCell({ subject: 'x', rank: 1, metric_scores: { a: 1 } }, 'a').text).toBe('1.00') // runs before 不适用
    expect(hasNotApplicable(run('2026-09', 1, [e]))).toBe(true)
    expect(hasNotApplicable(run('2026-09', 1, [{ subject: 'y', rank: 1 }]))).toBe(false)
    expect(movement({ movement: 'none', places_moved: 0 }).text).toBe('')
    const trend = rankTrend([run('2026-09', 1, [{ subject: '丙', rank: 0 }])], 'month')
    expect(trend.series).toEqual([{ name: '丙', data: [null] }])
    expect(subjectKinds({ code: '371500', level: 'city' })).toContain('county')
    expect(subjectKinds({ code: '371524', level: 'county' })).not.toContain('county')
    expect(subjectKinds(undefined)).toEqual(['town', 'department', 'chain'])
    setLang('zh-CN')
    expect(t('assessment.not_applicable')).toBe('不适用')
    expect(t('assessment.subject_county')).toBe('县(市、区)')
  })
  it('checks a ballot is a permutation of 1..n', () => {
    expect(ballotProblems([{ county: 'a', rank: 1 }, { county: 'b', rank: 2 }])).toEqual([])
    const p = ballotProblems([{ county: 'a', rank: 1 }, { county: 'b', rank: 1 }, { county: 'c', rank: 4 }])
    expect(p.map((x) => x.key)).toEqual(['assessment.ballot_twice', 'assessment.ballot_range'])
  })
  it('adds up a sheet marked in points, as on paper', () => {
    const criteria = [{ name: '投资规模', weight: 30 }, { name: '建设进度', weight: 30 }, { name: '产业层次与科技含量', weight: 20 }, { name: '综合效益', weight: 20 }]
    expect(fullMarks(criteria)).toBe(100)
    // 26 + 27 + 17 + 18 = 88, out of 100.
    expect(sheetPoints(criteria, { 投资规模: 26, 建设进度: 27, 产业层次与科技含量: 17, 综合效益: 18 })).toBe(88)
    expect(sheetPoints(criteria, { 投资规模: 25.5, 建设进度: 27.3, 产业层次与科技含量: 17, 综合效益: 18 })).toBe(87.8)
    expect(sheetPoints(criteria, { 投资规模: 26 })).toBeNull()
    // A stored sheet: its points, else those of its 0..100 ratings (80 of 100 on 30 → 24).
    expect(sheetPointsOf({ points: { 投资规模: 26 }, ratings: { 投资规模: 86.666667 } }, criteria)).toEqual({ 投资规模: 26 })
    expect(sheetPointsOf({ ratings: { 投资规模: 80, 综合效益: 85 } }, criteria)).toEqual({ 投资规模: 24, 综合效益: 17 })
    expect(pointsText(87.80000000001)).toBe('87.8')
    expect(pointsText(null)).toBe('')
    expect(percent(0.5912)).toBe('59.1%')
  })
  it('groups nominations by group and county', () => {
    const event = { groups: ['县市区组'], nominations: [
      { group: '县市区组', county_name: '冠县', project_id: 1 }, { group: '县市区组', county_name: '东阿县', project_id: 2 },
      { group: '县市区组', county_name: '冠县', project_id: 3 }] }
    const g = nominationsByGroup(event)
    expect(g[0].counties.map((c) => [c.county, c.projects.length])).toEqual([['东阿县', 1], ['冠县', 2]])
  })
  it('names the next period', () => {
    expect(nextPeriodLabel('month', '2026-10')).toBe('2026-11')
    expect(nextPeriodLabel('month', '2026-12')).toBe('2027-01')
    expect(nextPeriodLabel('quarter', '2026-Q3')).toBe('2026-Q4')
    expect(nextPeriodLabel('quarter', '2026-Q4')).toBe('2027-Q1')
    expect(nextPeriodLabel('year', '2026')).toBe('2027')
  })
  it('takes the hand-entered figures of a run', () => {
    const metrics = [{ id: 'start_rate', source: 'ledger' }, { id: 'review', source: 'manual' }]
    const run = { figures: { 刘集镇: { start_rate: 0.5, review: 80 } } }
    expect(manualFigures(run, metrics)).toEqual({ 刘集镇: { review: 80 } })
    expect(manualFigures(run, [{ id: 'start_rate', source: 'ledger' }])).toEqual({})
  })
})

describe('validation messages', () => {
  beforeEach(() => setLang('zh-CN'))
  afterEach(() => setLang('zh-CN'))

  it('translates the server reasons, keeping unknown ones', () => {
    const cases = [
      ['required', '必填'],
      ['a date like 2026-06-30', '日期格式应为 2026-06-30'],
      ['no such project in 聊城市', '聊城市没有这个项目'],
      ['a number ≥ 0 is required for every subject', '每个对象都要填写不小于 0 的数'],
      ['must be a number ≥ 0', '须为不小于 0 的数'],
      ['must be > 0', '必须大于 0'],
      ['must be within 0..30', '须在 0 到 30 之间'],
      ['something new', 'something new'],
    ]
    for (const [reason, text] of cases) expect(reasonText(reason, t)).toBe(text)
  })
  it('names the fields, with the row of a list', () => {
    const labels = {
      name: '活动名称',
      'metrics[2].weight': '评比指标第 3 项 · 权重',
      'criteria[0].weight': '评分标准第 1 项 · 分值',
      'points.投资规模': '打分 · 投资规模',
      'manual.刘集镇.review': '人工填报 · 刘集镇.review',
      'odd field!': 'odd field!',
    }
    for (const [field, label] of Object.entries(labels)) expect(fieldLabel(field, t)).toBe(label)
    setLang('en')
    expect(fieldLabel('metrics[0].target', t)).toBe('Metrics #1 · target')
    expect(problemText({ field: 'end_date', value: '2026-06-01', reason: 'before start_date' }, t)).toBe('End date：2026-06-01 — before the start date')
  })
  it('writes a problem as one line and collects them by field', () => {
    expect(problemText({ field: 'judges', value: 'viewer', reason: 'not a user with the judge role' }, t)).toBe('评委：viewer — 不是评委账号')
    expect(problemText({ field: 'name', value: '', reason: 'required' }, t)).toBe('活动名称：必填')
    const details = [
      { field: 'metrics[0].weight', value: '', reason: 'must be > 0' },
      { field: 'metrics[0].id', value: 'a', reason: 'must not be empty' },
      { field: 'metrics[0].id', value: 'a', reason: 'duplicate metric id' },
    ]
    expect(fieldErrors(details, t)).toEqual({ 'metrics[0].weight': '必须大于 0', 'metrics[0].id': '必填；指标代码重复' })
  })
  it('checks the event form before sending', () => {
    const form = { name: ' ', dates: [], groups: ['县市区组'], judges: [], mode: 'sheet',
      criteria: [{ name: '投资规模', weight: 30 }, { name: '', weight: 10 }, { name: '投资规模', weight: 0 }] }
    const nominations = [{ group: '城区组', project: { name: '产业园' } }]
    expect(eventFormProblems(form, nominations).map((p) => t(p.key, p.params))).toEqual([
      '请填写活动名称', '请选择开始和结束日期', '至少选择一位评委', '评分标准第 2 项没有名称', '评分标准“投资规模”重复',
      '评分标准“投资规模”的分值必须大于 0', '各项分值合计须为 100 分（现为 40 分）', '参评项目“产业园”所在分组“城区组”已不在分组中',
    ])
    // The default criteria add up to 100.
    const criteria = [{ name: '投资规模', weight: 30 }, { name: '建设进度', weight: 30 }, { name: '产业层次与科技含量', weight: 20 }, { name: '综合效益', weight: 20 }]
    expect(eventFormProblems({ ...form, name: 'x', dates: ['2026-01-01', '2026-01-02'], judges: ['j'], criteria }, [])).toEqual([])
    // Ballots have no criteria to check.
    expect(eventFormProblems({ ...form, name: 'x', dates: ['2026-01-01', '2026-01-02'], judges: ['j'], mode: 'ballot' }, [])).toEqual([])
  })
  it('turns an event into the form that edits it', () => {
    const ev = { name: 'e', region_code: '371500', start_date: '2026-06-10', end_date: '2026-06-12', groups: ['县市区组'], mode: 'sheet',
      step: 3, trim: false, criteria: [{ name: '投资规模', weight: 30 }], judges: ['judge1'],
      nominations: [{ group: '县市区组', project_id: 7, project_name: '产业园', project_code: 'DE-1', county_name: '东阿县' }] }
    const f = eventToForm(ev)
    expect(f.form.dates).toEqual(['2026-06-10', '2026-06-12'])
    expect(f.form.trim).toBe(false)
    expect(f.nominations).toEqual([{ group: '县市区组', project: { id: 7, name: '产业园', code: 'DE-1', county_name: '东阿县' } }])
    f.form.criteria[0].weight = 1 // a copy: the event is untouched until saved
    expect(ev.criteria[0].weight).toBe(30)
  })
})

describe('scheme set-up', () => {
  it('gives new metrics a free id', () => {
    expect(newMetric('manual', []).id).toBe('manual')
    expect(newMetric('manual', ['manual', 'manual_2']).id).toBe('manual_3')
    expect(newMetric('start_rate').target).toBe(1)
    expect(newMetric('manual').target).toBe(100)
  })
  it('builds the request body: scoring decides target/cap or step, the yellow line in %', () => {
    const body = schemeBody({
      name: ' 月度评比 ', region_code: '371524', subject_kind: 'town', yellow_percent: 55, red_after: 3,
      metrics: [
        { id: 'start_rate', kind: 'start_rate', label: '', weight: 40, scoring: 'ratio', target: 0.8, cap: 1.2, step: 3 },
        { id: 'review', kind: 'manual', label: '综合评议', weight: 60, scoring: 'rank', target: 100, cap: 1, step: 5 },
      ],
    })
    expect(body).toEqual({
      name: '月度评比', region_code: '371524', subject_kind: 'town',
      metrics: [
        { id: 'start_rate', kind: 'start_rate', weight: 40, scoring: 'ratio', target: 0.8, cap: 1.2 },
        { id: 'review', kind: 'manual', label: '综合评议', weight: 60, scoring: 'rank', step: 5 },
      ],
      warning: { yellow_below: 0.55, red_after: 3 },
    })
  })
  it('turns a stored scheme into the form and back into the same definition', () => {
    const scheme = {
      id: 7, version: 3, name: '月度评比', region_code: '371524', subject_kind: 'town',
      metrics: [
        { id: 'start_rate', kind: 'start_rate', label: '开工率', source: 'ledger', weight: 40, scoring: 'ratio', target: 0.8, cap: 1.2 },
        { id: 'review', kind: 'manual', label: '综合评议', source: 'manual', weight: 60, scoring: 'rank', step: 5 },
      ],
      warning: { yellow_below: 0.55, red_after: 3 },
    }
    const form = schemeToForm(scheme)
    expect(form.yellow_percent).toBe(55)
    expect(form.metrics[1].step).toBe(5)
    expect(schemeBody(form)).toEqual({
      name: '月度评比', region_code: '371524', subject_kind: 'town',
      metrics: [
        { id: 'start_rate', kind: 'start_rate', label: '开工率', weight: 40, scoring: 'ratio', target: 0.8, cap: 1.2 },
        { id: 'review', kind: 'manual', label: '综合评议', weight: 60, scoring: 'rank', step: 5 },
      ],
      warning: { yellow_below: 0.55, red_after: 3 },
    })
  })
  it('lists every subject for the first manual figures, those with projects first', () => {
    const scheme = { metrics: [{ id: 'start_rate', source: 'ledger' }, { id: 'review', source: 'manual' }],
      subjects: [{ name: '刘集镇', projects: 0 }, { name: '铜城街道', projects: 2 }] }
    expect(Object.keys(manualRows(scheme, null))).toEqual(['铜城街道', '刘集镇'])
    const last = { figures: { 刘集镇: { start_rate: 1, review: 70 } } }
    expect(manualRows(scheme, last)).toEqual({ 刘集镇: { review: 70 }, 铜城街道: { review: null } })
    expect(manualRows({ metrics: [{ id: 'start_rate', source: 'ledger' }], subjects: scheme.subjects }, null)).toEqual({})
    // Subjects left blank are not sent (a subject without projects then stays out of the run).
    expect(manualToSend({ 刘集镇: { review: null }, 铜城街道: { review: 0 } })).toEqual({ 铜城街道: { review: 0 } })
  })
  it('names the last full period', () => {
    // [kind, today, label]; the hard days too: a year's last and first days, a quarter's last day, a leap day.
    const cases = [
      ['month', '2026-11-23', '2026-10'], ['month', '2026-01-05', '2025-12'], ['quarter', '2026-11-23', '2026-Q3'],
      ['quarter', '2026-02-01', '2025-Q4'], ['year', '2026-11-23', '2025'], ['month', '2026-12-31', '2026-11'],
      ['month', '2027-01-01', '2026-12'], ['quarter', '2027-01-01', '2026-Q4'], ['quarter', '2026-06-30', '2026-Q1'],
      ['quarter', '2026-07-01', '2026-Q2'], ['month', '2028-02-29', '2028-01'], ['year', '2027-01-01', '2026'],
    ]
    for (const [kind, day, label] of cases) expect(previousPeriodLabel(kind, day), `${kind} before ${day}`).toBe(label)
  })
})

describe('chain rankings (链长制)', () => {
  it('offers the chain metrics to schemes of chains only, with their source', () => {
    expect(metricKinds('town')).not.toContain('chain_visits')
    expect(metricKinds('chain')).toEqual(expect.arrayContaining(['chain_visits', 'leads_signed', 'start_rate', 'manual']))
    expect(metricSource('chain_reports_on_time')).toBe('chain')
    expect(metricSource('start_rate')).toBe('ledger')
    expect(metricSource('reports_on_time')).toBe('supervision')
    expect(metricSource('manual')).toBe('manual')
  })
  it('starts a chain scheme from the chain figures; counts and amounts are ranked', () => {
    const m = defaultMetrics('chain')
    expect(m.map((x) => x.kind)).toContain('chain_reports_on_time')
    expect(m.reduce((a, x) => a + x.weight, 0)).toBe(100)
    expect(newMetric('chain_investment').scoring).toBe('rank')
    expect(defaultMetrics('town').map((x) => x.kind)).toEqual(['start_rate', 'investment_rate', 'reports_on_time'])
  })
  it('names a chain subject\'s 总链长 and 链长 as the run keeps them', () => {
    const r = { subject_details: { 阿胶: { chain_id: 1, chief_leader: '王书记', leader: '李县长' } } }
    expect(subjectLeaders(r, '阿胶', t)).toBe('总链长 王书记 · 链长 李县长')
    expect(subjectLeaders(r, '钢球', t)).toBe('')
    expect(subjectLeaders({}, '阿胶', t)).toBe('')
  })
  it('words the chain-only problem in Chinese', () => {
    expect(reasonText('a chain metric ranks chains only', t)).toBe('链长制指标只能用于评比产业链')
  })
})
