// ESLint for the web app (flat config; `npm run lint`, scripts/lint_web.sh): ESLint's and
// eslint-plugin-vue's recommended rules plus a few correctness rules. Layout is not linted:
// eslint-plugin-vue's layout rules (attribute per line, indentation, line breaks) are off.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

const vueLayoutRulesOff = Object.fromEntries(
  Object.entries(pluginVue.rules)
    .filter(([, rule]) => rule.meta?.type === 'layout')
    .map(([name]) => [`vue/${name}`, 'off']),
)

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      ...vueLayoutRulesOff,
      // Correctness beyond the recommended sets.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'array-callback-return': 'error',
      'no-constructor-return': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-use-before-define': ['error', { functions: false, classes: true, variables: false }],
      'no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true, // const { dropped, ...rest } = obj
        },
      ],
      'vue/no-undef-components': ['error', { ignorePatterns: ['^el-', '^El', '^router-', '^Router'] }],
      'vue/no-undef-properties': 'error',
      'vue/no-unused-refs': 'error',
      'vue/no-unused-emit-declarations': 'error',
      'vue/no-setup-props-reactivity-loss': 'error',
      'vue/require-explicit-emits': 'error',
    },
  },
  // Chinese text in templates may space with U+3000 (the ideographic space); still flagged in code.
  {
    files: ['**/*.vue'],
    rules: {
      'no-irregular-whitespace': 'off',
      'vue/no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipHTMLTextContents: true }],
    },
  },
  // Node: the end-to-end tests, the mock API, the build and lint configs.
  {
    files: ['e2e/**', 'scripts/**', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
]
