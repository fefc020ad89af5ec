// A small in-memory stand-in for `gongjian serve`, following docs/api.md, for
// working on the UI when no server binary is at hand:
//   node scripts/mock-api.mjs [--port 8080] [--web dist]
// It is NOT used by the browser tests (they run the real server).
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = args.indexOf('--' + name)
  return i >= 0 ? args[i + 1] : dflt
}
const PORT = Number(opt('port', 8080))
const WEB = opt('web', null) && path.resolve(opt('web', null))

const dict = (list) => list.map(([code, zh, en], i) => ({ code, label_zh: zh, label_en: en, sort: i + 1, active: true }))
const dictionaries = {
  category: dict([['industrial', '工业', 'Industrial'], ['agriculture', '农业', 'Agriculture'], ['service', '服务业', 'Services'], ['infrastructure', '基础设施', 'Infrastructure'], ['social', '社会民生', 'Social']]),
  level: dict([['national', '国家重点', 'National'], ['provincial', '省重点', 'Provincial'], ['city', '市重点', 'City'], ['county', '县重点', 'County']]),
  kind: dict([['new', '新开工', 'New'], ['continuing', '续建', 'Continuing']]),
  track: dict([['implementation', '实施类', 'Implementation'], ['preparatory', '前期类', 'Preparatory']]),
  stage: dict([['planned', '谋划', 'Planned'], ['reserve', '储备', 'Reserve'], ['signed', '签约', 'Signed'], ['started', '开工', 'Started'], ['completed', '竣工', 'Completed'], ['operating', '投产', 'Operating']]),
}
const regions = [
  { code: '371500', name: '聊城市', level: 'city', parent_code: '370000' },
  { code: '371524', name: '东阿县', level: 'county', parent_code: '371500' },
  { code: '371524001', name: '铜城街道', level: 'town', parent_code: '371524' },
  { code: '371524002', name: '新城街道', level: 'town', parent_code: '371524' },
  { code: '371524101', name: '刘集镇', level: 'town', parent_code: '371524' },
  { code: '371524102', name: '牛角店镇', level: 'town', parent_code: '371524' },
]
const units = [
  { id: 5, name: '工业和信息化局', kind: 'department', region_code: '371524' },
  { id: 6, name: '自然资源局', kind: 'department', region_code: '371524' },
  { id: 7, name: '住房和城乡建设局', kind: 'department', region_code: '371524' },
]
const people = [
  { id: 3, name: '王建国', title: '副县长', kind: 'leader', region_code: '371524', unit_id: null },
  { id: 4, name: '李红梅', title: '县委常委', kind: 'leader', region_code: '371524', unit_id: null },
]
const user = {
  id: 1, login: 'dongezb', name: '东阿县项目办',
  roles: [{ role: 'coordinator', region_code: '371524', region_name: '东阿县', unit_id: null }],
  permissions: ['project.read', 'project.write', 'project.import'],
}
const names = ['东阿阿胶生物科技产业园', '钢球智能制造产业园', '精品钢板深加工项目', '轴承产业园二期', '黄河生态农业示范园', '城区供热管网改造', '县人民医院新院区', '物流园区建设项目']
const cats = ['industrial', 'industrial', 'industrial', 'industrial', 'agriculture', 'infrastructure', 'social', 'service']
const stages = ['started', 'signed', 'started', 'completed', 'reserve', 'started', 'planned', 'operating']
let projects = names.map((name, i) => ({
  id: i + 1, code: `DE2026-${String(i + 1).padStart(3, '0')}`, national_code: null, name,
  county_code: '371524', county_name: '东阿县', town_code: regions[2 + (i % 4)].code, town_name: regions[2 + (i % 4)].name,
  category: cats[i], level: i % 3 === 0 ? 'provincial' : 'city', kind: i % 2 ? 'continuing' : 'new', track: 'implementation', stage: stages[i],
  total_investment: (i + 1) * 123450000, annual_plan: (i + 1) * 30000000, annual_completed: (i + 1) * 12000000, land_mu: 100 + i * 10.5,
  builder: '东阿某某有限公司', leader_id: 3 + (i % 2), leader_name: people[i % 2].name, unit_id: 5 + (i % 3), unit_name: units[i % 3].name,
  specialist: '李某', chain: i < 4 ? ['阿胶', '钢球', '精品钢板', '轴承'][i] : null, planned_start: '2026-03-01',
  actual_start: ['started', 'completed', 'operating'].includes(stages[i]) ? '2026-03-10' : null,
  planned_completion: '2027-12-31', actual_completion: ['completed', 'operating'].includes(stages[i]) ? '2026-05-01' : null,
  content: '建设厂房及配套设施', longitude: 116.25, latitude: 36.33, archived: false, version: 1,
  created_at: '2026-01-05T02:00:00Z', updated_at: '2026-01-05T02:00:00Z',
}))
const journal = {}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}
const fail = (res, status, code, message, extra = {}) => send(res, status, { error: { code, message, details: extra.details || [] }, ...extra.top })

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

function filtered(q) {
  let list = projects.filter((p) => String(p.archived) === (q.get('archived') || 'false'))
  for (const [k, f] of [['category', 'category'], ['level', 'level'], ['kind', 'kind'], ['track', 'track'], ['stage', 'stage'], ['town', 'town_code']]) {
    if (q.get(k)) list = list.filter((p) => p[f] === q.get(k))
  }
  if (q.get('leader')) list = list.filter((p) => p.leader_id === Number(q.get('leader')))
  if (q.get('unit')) list = list.filter((p) => p.unit_id === Number(q.get('unit')))
  if (q.get('q')) list = list.filter((p) => [p.name, p.builder, p.code].some((s) => s && s.includes(q.get('q'))))
  const sort = q.get('sort')
  if (sort) {
    const dir = q.get('order') === 'desc' ? -1 : 1
    list = list.slice().sort((a, b) => (a[sort] > b[sort] ? dir : a[sort] < b[sort] ? -dir : 0))
  }
  return list
}

function group(list, key, label) {
  const m = new Map()
  for (const p of list) {
    const k = p[key]
    const b = m.get(k) || { key: k, label_zh: label(p), count: 0, total_investment: 0 }
    b.count++
    b.total_investment += p.total_investment
    m.set(k, b)
  }
  return [...m.values()]
}

async function api(req, res, url) {
  const p = url.pathname.slice('/api/v1'.length)
  const q = url.searchParams
  if (p === '/auth/login' && req.method === 'POST') {
    const b = JSON.parse((await readBody(req)).toString() || '{}')
    if (b.password !== 'demo1234') return fail(res, 401, 'unauthenticated', '账号或密码错误')
    return send(res, 200, { token: 'mock-token', expires_at: '2099-01-01T00:00:00Z', user })
  }
  if (req.headers.authorization !== 'Bearer mock-token') return fail(res, 401, 'unauthenticated', '请先登录')
  if (p === '/auth/me') return send(res, 200, user)
  if (p === '/auth/logout') return send(res, 200, {})
  if (p === '/dictionaries') return send(res, 200, dictionaries)
  if (p === '/regions') return send(res, 200, { items: regions })
  if (p === '/units') return send(res, 200, { items: units })
  if (p === '/people') return send(res, 200, { items: people })
  if (p === '/projects' && req.method === 'GET') {
    const list = filtered(q)
    const offset = Number(q.get('offset') || 0)
    const limit = Number(q.get('limit') || 50)
    return send(res, 200, { items: list.slice(offset, offset + limit), total_count: list.length, offset, limit })
  }
  if (p === '/projects/export') {
    const rows = filtered(q).map((x) => `${x.code},${x.name}`).join('\n')
    res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': "attachment; filename*=UTF-8''projects.csv" })
    return res.end('code,name\n' + rows)
  }
  if (p === '/projects/import') {
    await readBody(req)
    return send(res, 200, { dry_run: q.get('dry_run') === 'true', rows: 3, created: 0, updated: 0, problems: [{ row: 5, column: '项目类别', value: '工厂', reason: 'not one of', allowed: ['工业', '农业', '服务业', '基础设施', '社会民生'] }] })
  }
  if (p === '/overview') {
    const list = projects.filter((x) => !x.archived)
    const sum = (f) => list.reduce((s, x) => s + x[f], 0)
    return send(res, 200, {
      region: regions.find((r) => r.code === (q.get('region') || '371524')), project_count: list.length,
      total_investment: sum('total_investment'), annual_plan: sum('annual_plan'), annual_completed: sum('annual_completed'),
      by_stage: group(list, 'stage', (x) => dictionaries.stage.find((d) => d.code === x.stage).label_zh),
      by_category: group(list, 'category', (x) => dictionaries.category.find((d) => d.code === x.category).label_zh),
      by_town: group(list, 'town_code', (x) => x.town_name),
      by_county: q.get('region') === '371500' ? group(list, 'county_code', (x) => x.county_name) : [],
    })
  }
  const m = /^\/projects\/(\d+)(\/(journal|stage|archive))?$/.exec(p)
  if (m) {
    const proj = projects.find((x) => x.id === Number(m[1]))
    if (!proj) return fail(res, 404, 'not_found', '项目不存在')
    if (m[3] === 'journal') return send(res, 200, { items: journal[proj.id] || [] })
    if (req.method === 'GET') return send(res, 200, proj)
    const body = JSON.parse((await readBody(req)).toString() || '{}')
    if (body.version !== proj.version) return fail(res, 409, 'conflict', '项目已被他人修改', { top: { current: proj } })
    const changes = []
    const set = (k, v) => {
      if (proj[k] !== v) changes.push({ field: k, old: proj[k], new: v })
      proj[k] = v
    }
    let action = 'update'
    if (m[3] === 'archive') {
      action = 'archive'
      set('archived', true)
    } else if (m[3] === 'stage') {
      action = 'stage'
      if (['started', 'completed', 'operating'].includes(body.stage) && !body.actual_start) {
        return fail(res, 422, 'validation_failed', '数据校验失败', { details: [{ field: 'actual_start', value: null, reason: 'required' }] })
      }
      set('stage', body.stage)
      if (body.actual_start) set('actual_start', body.actual_start)
      if (body.actual_completion) set('actual_completion', body.actual_completion)
    } else {
      if ('name' in body && !body.name) {
        return fail(res, 422, 'validation_failed', '数据校验失败', { details: [{ field: 'name', value: '', reason: 'required' }] })
      }
      for (const [k, v] of Object.entries(body)) if (k !== 'version') set(k, v)
    }
    proj.version++
    proj.updated_at = new Date().toISOString()
    ;(journal[proj.id] ||= []).unshift({ id: Date.now(), at: proj.updated_at, user_id: 1, user_name: user.name, action, changes })
    return send(res, 200, proj)
  }
  return fail(res, 404, 'not_found', 'no such route')
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' }
http
  .createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x')
    if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' })
    if (url.pathname.startsWith('/api/')) return api(req, res, url)
    if (!WEB) return fail(res, 404, 'not_found', 'no web dir')
    let file = path.join(WEB, path.normalize(url.pathname))
    if (!file.startsWith(path.resolve(WEB)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(WEB, 'index.html')
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  .listen(PORT, '127.0.0.1', () => console.log(`mock api on http://127.0.0.1:${PORT}`))
