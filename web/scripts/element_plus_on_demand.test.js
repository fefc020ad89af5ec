import { describe, expect, it } from 'vitest'
import { elementPlusExports, pascal, rewrite } from './element_plus_on_demand.js'

const known = elementPlusExports()

describe('element_plus_on_demand', () => {
  it('knows Element Plus components and directives by their export names', () => {
    for (const name of ['ElButton', 'ElTableColumn', 'ElConfigProvider', 'ElSelectV2', 'vLoading']) expect(known.has(name)).toBe(true)
    expect(pascal('el-table-column')).toBe('ElTableColumn')
    expect(pascal('el-select-v2')).toBe('ElSelectV2')
    expect(pascal('ElButton')).toBe('ElButton')
  })

  it('imports each resolved component and directive by name, once', () => {
    const code = [
      'import { resolveComponent as _resolveComponent, resolveDirective as _resolveDirective } from "vue"',
      'const _component_el_button = _resolveComponent("el-button")',
      'const _component_el_table_column = _resolveComponent("el-table-column", true)',
      'const _component_b = _resolveComponent("ElButton")',
      'const _component_mine = _resolveComponent("MyWidget")',
      'const _directive_loading = _resolveDirective("loading")',
      'const _directive_focus = _resolveDirective("focus")',
    ].join('\n')
    const out = rewrite(code, known)
    expect(out.split('\n')[0]).toBe("import { ElButton as __ep_ElButton, ElTableColumn as __ep_ElTableColumn, vLoading as __ep_vLoading } from 'element-plus'")
    expect(out).toContain('const _component_el_button = __ep_ElButton')
    expect(out).toContain('const _component_el_table_column = __ep_ElTableColumn')
    expect(out).toContain('const _component_b = __ep_ElButton')
    expect(out).toContain('_resolveComponent("MyWidget")')
    expect(out).toContain('const _directive_loading = __ep_vLoading')
    expect(out).toContain('_resolveDirective("focus")')
  })

  it('leaves a module without Element Plus alone and refuses a tag Element Plus does not have', () => {
    expect(rewrite('const a = _resolveComponent("MyWidget")', known)).toBeNull()
    expect(() => rewrite('const a = _resolveComponent("el-buton")', known)).toThrow(/el-buton/)
  })
})
