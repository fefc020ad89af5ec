// Versioned saves, one way everywhere: the caller sends the version it read; when the server
// refuses a stale one (409) the one shared ConflictDialog (mounted in App.vue) says that
// someone else changed the record — with the differing fields when the view can name them —
// and offers to load the latest version. The 409's body carries `current` (the record as
// stored now); the view's `reload(current)` shows it (or reads it again when absent).
import { getCurrentInstance, onBeforeUnmount, reactive, ref } from 'vue'
import { errorText } from '../errors.js'

/** The conflict on screen (one at a time), read by ConflictDialog. */
export const conflict = reactive({
  open: false,
  title: '',
  text: '',
  rows: null,
  current: null,
  textTest: 'conflict-text',
  reloadTest: 'conflict-reload',
  reload: null,
  owner: null,
})

export function openConflict(current, options = {}) {
  const { title = '', text = '', rows = null, textTest = 'conflict-text', reloadTest = 'conflict-reload', reload = null } = options
  Object.assign(conflict, {
    open: true,
    title,
    text,
    current: current || null,
    rows: rows && current ? rows(current) : null,
    textTest,
    reloadTest,
    reload,
    owner: options.owner || null,
  })
}

export function closeConflict() {
  conflict.open = false
}

/** "加载最新版本": closes the dialog and lets the view show the stored record. */
export async function reloadConflict() {
  const { reload, current } = conflict
  conflict.open = false
  if (reload) await reload(current)
}

/**
 * options: reload(current) — show the stored record; rows(current) — [{field, mine, theirs}]
 * for the dialog's table; title/text — instead of the generic words; textTest/reloadTest —
 * the dialog's data-test names. Any other failure (but a 401): `error` holds its text and
 * onError(e) may say more (fields).
 * save(send) runs send() and answers its value, or undefined when it failed.
 */
export function useVersionedSave(options = {}) {
  const saving = ref(false)
  const error = ref('')
  // The conflict of a page (or dialog) that goes away goes with it.
  const owner = Symbol('versioned save')
  options = { ...options, owner }
  if (getCurrentInstance()) onBeforeUnmount(() => conflict.owner === owner && closeConflict())

  async function save(send) {
    saving.value = true
    error.value = ''
    try {
      return (await send()) ?? true
    } catch (e) {
      if (e.status === 409) openConflict(e.body && e.body.current, options)
      else if (e.status !== 401) {
        error.value = errorText(e)
        if (options.onError) options.onError(e)
      }
      return undefined
    } finally {
      saving.value = false
    }
  }

  return { saving, error, save }
}
