// Element Plus on demand, without a plugin package: the compiled templates name each <el-…> tag
// through resolveComponent("el-button") (and v-loading through resolveDirective("loading")),
// which only finds what app.use(ElementPlus) registered — all of Element Plus, ~860 KB in the
// first script. This vite plugin rewrites those calls in each compiled .vue module into named
// imports from 'element-plus' (ElButton, vLoading), so every component lands in the chunk of the
// page that uses it and the log-in page loads only its own. Element Plus' styles stay one
// stylesheet (main.js), since styles are not script and its components share most rules.
//
// A tag or directive Element Plus does not export fails the build (a typo would otherwise render
// nothing). A component chosen by a string at run time (<component :is="'el-drawer'">) is not seen
// here: main.js registers those few globally.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** "el-table-column" → "ElTableColumn"; "ElButton" stays. */
export function pascal(tag) {
  return tag
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

/** The names Element Plus exports (ElButton, vLoading, …), read from its ES entry's text. */
export function elementPlusExports() {
  const entry = path.join(path.dirname(require.resolve('element-plus/package.json')), 'es/index.mjs')
  const text = fs.readFileSync(entry, 'utf8')
  return new Set(text.match(/\b(?:El[A-Z]\w*|v[A-Z]\w*)\b/g) || [])
}

const COMPONENT = /\b_?resolveComponent\(\s*"((?:el-[a-z0-9-]+)|(?:El[A-Z][A-Za-z0-9]*))"\s*(?:,\s*true\s*)?\)/g
const DIRECTIVE = /\b_?resolveDirective\(\s*"([a-z][a-z0-9-]*)"\s*\)/g

/**
 * The code of one compiled .vue module with Element Plus' components and directives imported by
 * name; null when it names none. `known`: the export names (elementPlusExports()).
 */
export function rewrite(code, known) {
  const imports = new Set()
  const missing = []
  let out = code.replace(COMPONENT, (all, tag) => {
    const name = pascal(tag)
    if (!known.has(name)) {
      missing.push(tag)
      return all
    }
    imports.add(name)
    return '__ep_' + name
  })
  out = out.replace(DIRECTIVE, (all, directive) => {
    const name = 'v' + pascal(directive)
    if (!known.has(name)) return all // the app's own directive, or Vue's
    imports.add(name)
    return '__ep_' + name
  })
  if (missing.length) throw new Error(`Element Plus has no component for <${missing.join('>, <')}>`)
  if (!imports.size) return null
  const names = [...imports].sort().map((n) => `${n} as __ep_${n}`)
  return `import { ${names.join(', ')} } from 'element-plus'\n${out}`
}

export default function elementPlusOnDemand() {
  let known
  return {
    name: 'gongjian:element-plus-on-demand',
    enforce: 'post',
    transform(code, id) {
      if (!/\.vue(?:$|\?)/.test(id) || id.includes('type=style')) return null
      if (!code.includes('resolveComponent') && !code.includes('resolveDirective')) return null
      known ??= elementPlusExports()
      try {
        const out = rewrite(code, known)
        return out === null ? null : { code: out, map: null }
      } catch (e) {
        this.error(`${id}: ${e.message}`)
      }
    },
  }
}
