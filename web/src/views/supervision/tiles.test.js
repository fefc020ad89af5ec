import { describe, it, expect } from 'vitest'
import { project, fitZoom, bbox, tilesFor, tileUrl } from './tiles.js'

describe('web-mercator tiles', () => {
  it('projects the origin and the antimeridian', () => {
    expect(project(0, 0, 0)).toEqual({ x: 128, y: 128 })
    expect(project(180, 0, 1).x).toBe(512)
    expect(project(-180, 0, 1).x).toBe(0)
    // North is up: a higher latitude has a smaller y.
    expect(project(116, 37, 10).y).toBeLessThan(project(116, 36, 10).y)
  })

  it('fits a county into a view', () => {
    const box = { west: 116.1, east: 116.4, south: 36.2, north: 36.45 }
    const z = fitZoom(box, 1000, 560)
    const a = project(box.west, box.north, z)
    const b = project(box.east, box.south, z)
    expect(b.x - a.x).toBeLessThanOrEqual(1000)
    const a2 = project(box.west, box.north, z + 1)
    const b2 = project(box.east, box.south, z + 1)
    expect(b2.x - a2.x > 1000 || b2.y - a2.y > 560).toBe(true)
  })

  it('pads the box of points', () => {
    const b = bbox([{ longitude: 116, latitude: 36 }, { longitude: 117, latitude: 37 }], 0.1)
    expect(b).toEqual({ west: 115.9, east: 117.1, south: 35.9, north: 37.1 })
  })

  it('lists covering tiles with their offsets', () => {
    const t = tilesFor({ x: 300, y: 10 }, 300, 200)
    expect(t.map((x) => [x.x, x.y])).toEqual([[1, 0], [2, 0]])
    expect(t[0]).toEqual({ x: 1, y: 0, left: -44, top: -10 })
  })

  it('fills the URL template', () => {
    expect(tileUrl('https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=K&TILEMATRIX={z}&TILECOL={x}&TILEROW={y}', 11, 3, 4))
      .toBe('https://t7.tianditu.gov.cn/vec_w/wmts?tk=K&TILEMATRIX=11&TILECOL=3&TILEROW=4')
  })
})
