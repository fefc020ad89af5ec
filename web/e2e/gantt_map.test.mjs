// 挂图作战 and 项目地图 say what is true (issue 13 item 5), in a real browser on the demo data at the
// pinned date, at 1440 and 390 px. The Gantt: a legend in Chinese; a project in 投产运营 has passed
// every stage, so none of its nodes is 滞后; a started project has 立项 done, never planned ahead.
// The map: the legend, the note that no map service is configured, the towns of 东阿县 with their
// projects counted by hand from the demo data (sqlite3 demo.db "SELECT town_code, count(*) FROM
// projects WHERE county_code = '371524' GROUP BY 1"), a click on a town showing only its projects,
// and a project without coordinates listed under its town.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { browserSuite, screenshot, pageApi } from './harness.mjs'

let server, page
browserSuite({ page: 'dongezb' }, (s) => ({ server, page } = s))

const PHONE = { width: 390, height: 844 }
const DESK = { width: 1440, height: 900 }
// 东阿县's towns in the demo: 150 projects, all with coordinates.
const TOWNS = { 铜城街道: 9, 新城街道: 11, 刘集镇: 20, 牛角店镇: 14, 大桥镇: 16, 高集镇: 16, 姜楼镇: 13, 姚寨镇: 15, 鱼山镇: 11, 陈集镇: 17, 东阿经济开发区: 8 }

const api = (method, path, body) => pageApi(page, method, path, body)

async function openGantt() {
  await page.goto(server.baseUrl + '/supervision?tab=gantt')
  await page.locator('[data-test=gantt-row]').first().waitFor()
}

// Per project group: its stage and the states of its nodes, by node name.
const groups = () =>
  page.$$eval('[data-test=gantt-group]', (gs) =>
    gs.map((g) => ({
      code: g.dataset.code,
      stage: g.dataset.stage,
      nodes: [...g.querySelectorAll('[data-test=gantt-row]')].map((r) => ({ name: r.querySelector('.label').textContent.trim(), state: r.dataset.state, text: r.textContent })),
    })),
  )

for (const [size, vp] of [['1440', DESK], ['390', PHONE]]) {
  test(`the Gantt at ${size} px: a legend, no 滞后 node in a project in 投产运营, 立项 done once started`, async () => {
    await page.setViewportSize(vp)
    await openGantt()
    const legend = await page.textContent('[data-test=gantt-legend]')
    for (const word of ['计划', '实际', '已完成', '滞后', '今日']) assert.ok(legend.includes(word), `legend ${word}: ${legend}`)
    const gs = await groups()
    const operating = gs.filter((g) => g.stage === 'operating')
    assert.ok(operating.length >= 1, 'the demo has projects in 投产运营 with nodes')
    for (const g of operating) {
      assert.equal(g.nodes.length, 7, g.code)
      for (const n of g.nodes) assert.equal(n.state, 'done', `${g.code} ${n.name}`)
      assert.ok(!g.nodes.some((n) => n.text.includes('滞后')), g.code)
    }
    const started = gs.filter((g) => g.stage === 'started')
    assert.ok(started.length >= 1)
    for (const g of started) {
      // 立项 to 开工建设 are passed by a started project: done, with a date or 已完成（日期未记录）.
      for (const n of g.nodes.slice(0, 5)) assert.equal(n.state, 'done', `${g.code} ${n.name}`)
    }
    const operatingGroup = page.locator('[data-test=gantt-group][data-stage=operating]').first()
    assert.equal(await operatingGroup.locator('[data-test=node-late]').count(), 0)
    await screenshot(page, `gantt-${size}`)
    assert.deepEqual(page.errors, [])
  })
}

async function openMap() {
  await page.goto(server.baseUrl + '/supervision?tab=map')
  await page.locator('[data-test=map-towns]').waitFor()
  await page.locator('[data-test=map] canvas').waitFor()
}

const townCounts = () =>
  page.$$eval('[data-test=map-town]', (bs) =>
    Object.fromEntries(bs.filter((b) => b.dataset.code).map((b) => [b.querySelector('span').textContent.trim(), Number(b.querySelector('.n').dataset.count)])),
  )

for (const [size, vp] of [['1440', DESK], ['390', PHONE]]) {
  test(`the map at ${size} px: the legend, the note, the towns with their counts, a town's projects`, async () => {
    await page.setViewportSize(vp)
    await openMap()
    const legend = await page.textContent('[data-test=map-legend]')
    for (const word of ['未配置地图服务，显示坐标示意', '红灯', '黄灯', '绿灯', '前期', '在建', '建成']) assert.ok(legend.includes(word), `${word}: ${legend}`)
    assert.deepEqual(await townCounts(), TOWNS)
    assert.equal(Number(await page.getAttribute('[data-test=map-canvas]', 'data-shown')), 150)
    await page.locator('[data-test=map-town]', { hasText: '刘集镇' }).click()
    await page.waitForFunction(() => document.querySelector('[data-test=map-canvas]').dataset.shown === '20')
    // On a phone the list is under the map; at 1440 beside it.
    const mapBox = await page.locator('[data-test=map-canvas]').boundingBox()
    const listBox = await page.locator('[data-test=map-towns]').boundingBox()
    if (size === '390') assert.ok(listBox.y >= mapBox.y + mapBox.height - 1, 'the list is under the map')
    else assert.ok(listBox.x >= mapBox.x + mapBox.width - 1, 'the list is beside the map')
    assert.ok(listBox.x + listBox.width <= vp.width + 1, 'the list fits the width')
    await screenshot(page, `map-${size}`)
    await page.locator('[data-test=map-town]', { hasText: '刘集镇' }).click()
    await page.waitForFunction(() => document.querySelector('[data-test=map-canvas]').dataset.shown === '150')
    assert.deepEqual(page.errors, [])
  })
}

test('a project without coordinates is listed under its town and counted there', async () => {
  await page.setViewportSize(DESK)
  await openMap()
  const map = (await api('GET', '/map')).body
  const p = map.items.find((i) => i.town_name === '姚寨镇')
  const full = (await api('GET', `/projects/${p.id}`)).body
  const r = await api('PATCH', `/projects/${p.id}`, { version: full.version, longitude: null, latitude: null })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  await openMap()
  assert.equal((await townCounts())['姚寨镇'], 15)
  assert.equal(Number(await page.getAttribute('[data-test=map-canvas]', 'data-shown')), 149)
  const unplaced = await page.textContent('[data-test=map-unplaced]')
  assert.ok(unplaced.includes('姚寨镇') && unplaced.includes(p.name), unplaced)
  assert.ok((await page.textContent('[data-test=map-towns]')).includes('其中无坐标 1'))
  await screenshot(page, 'map-unplaced-1440')
  assert.deepEqual(page.errors, [])
})

test('with a tile service configured the points are drawn over the tiles, the list still beside', async () => {
  await page.setViewportSize(DESK)
  const url = `${server.baseUrl}/tiles/{z}/{x}/{y}.png` // no tile server here: the images stay empty
  const put = await api('PUT', '/supervision/settings', { map_tile_url: url })
  assert.equal(put.status, 200, JSON.stringify(put.body))
  try {
    await page.goto(server.baseUrl + '/supervision?tab=map')
    await page.locator('[data-test=map-tiles]').waitFor()
    const source = await page.textContent('[data-test=map-source]')
    assert.ok(source.includes('底图') && !source.includes('未配置'), source)
    assert.ok((await page.locator('[data-test=map-tiles] img').count()) > 0)
    const shown = Number(await page.getAttribute('[data-test=map-canvas]', 'data-shown'))
    assert.equal(await page.locator('[data-test=map-tiles] .pt').count(), shown)
    await page.locator('[data-test=map-town]', { hasText: '鱼山镇' }).click()
    await page.waitForFunction(() => document.querySelectorAll('[data-test=map-tiles] .pt').length === 11)
    await screenshot(page, 'map-tiles-1440')
    assert.deepEqual(page.errors, [])
  } finally {
    await api('PUT', '/supervision/settings', { map_tile_url: '' })
  }
})
