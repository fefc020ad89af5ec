// Loading with errors, written once: `fetch` answers the data; `loading`, `error` (the reader's
// words, '' when all is well) and `data` follow it. A 401 leaves `error` empty: api.js has
// already handed it to the app, which goes back to the login page. Only the latest call's
// answer is kept, so a slow old answer cannot overwrite a newer one.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { t } from '../i18n.js'
import { errorText } from '../errors.js'

export function useLoad(fetch, { initial = null, immediate = false, errorOf = errorText } = {}) {
  const data = ref(initial)
  const loading = ref(false)
  const error = ref('')
  let latest = 0

  async function reload(...args) {
    const mine = ++latest
    loading.value = true
    error.value = ''
    try {
      const value = await fetch(...args)
      if (mine === latest && value !== undefined) data.value = value
      return value
    } catch (e) {
      if (mine === latest && e.status !== 401) error.value = errorOf(e)
      return undefined
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  if (immediate) reload()
  return { data, loading, error, reload }
}

/**
 * An action told in a message: `fn` runs; on success the message `ok` (a key) shows, on failure
 * the error in the reader's words (a 401 is the app's). Answers fn's value (true for an empty
 * answer), or undefined when it failed.
 */
export async function attempt(fn, ok) {
  try {
    const value = await fn()
    if (ok) ElMessage.success(t(ok))
    return value ?? true
  } catch (e) {
    if (e.status !== 401) ElMessage.error(errorText(e))
    return undefined
  }
}
