import { describe, expect, it } from 'vitest'
import { routes } from '../router.js'
import { crumbsOf, documentTitle, setCrumbSubject } from './crumbs.js'

const layout = routes.find((r) => r.path === '/')
const byName = Object.fromEntries(layout.children.filter((r) => r.name).map((r) => [r.name, r]))
const at = (name, path = '/' + name, params = {}) => ({ name, path, params, meta: byName[name].meta })
const texts = (route) => crumbsOf(route, byName).map((c) => c.text)

describe('breadcrumbs and titles', () => {
  it('leads from 工作台 through the parents to the page', () => {
    expect(texts(at('home'))).toEqual(['工作台'])
    expect(texts(at('projects'))).toEqual(['工作台', '重点项目'])
    expect(texts(at('project', '/projects/7', { id: '7' }))).toEqual(['工作台', '重点项目', '项目详情'])
    expect(texts(at('reports'))).toEqual(['工作台', '三张清单', '一张表（进度报送）'])
    expect(texts(at('observation-score', '/x', { id: '3' }))).toEqual(['工作台', '考核评比', '观摩评议', '观摩详情', '评分'])
    expect(texts(at('org-units'))).toEqual(['工作台', '系统管理', '单位管理'])
  })
  it('links every crumb but the last and a section', () => {
    const c = crumbsOf(at('project', '/projects/7', { id: '7' }), byName)
    expect(c.map((x) => x.to && x.to.name)).toEqual(['home', 'projects', null])
    expect(crumbsOf(at('rankings'), byName)[1].to).toBeNull()
  })
  it('names what a detail page shows, on its own path only', () => {
    setCrumbSubject('城东产业园', '/projects/7')
    expect(texts(at('project', '/projects/7', { id: '7' }))).toEqual(['工作台', '重点项目', '项目详情', '城东产业园'])
    expect(documentTitle(at('project', '/projects/7'))).toBe('城东产业园 - 重点项目攻坚')
    expect(texts(at('project', '/projects/8', { id: '8' }))).toEqual(['工作台', '重点项目', '项目详情'])
    setCrumbSubject('')
  })
  it('titles the tab 「<page> - 重点项目攻坚」', () => {
    expect(documentTitle(at('lights'))).toBe('红黄绿灯 - 重点项目攻坚')
    expect(documentTitle({ path: '/print', meta: {} })).toBe('重点项目攻坚')
  })
})
