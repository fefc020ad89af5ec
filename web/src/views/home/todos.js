// The caller's to-dos, shared by the header's badge and the home page: one answer of
// GET /me/todos, refreshed when either asks (a page change, the home page opening).
import { ref } from 'vue'
import { myTodos } from '../../api/home.js'

/** The latest answer ({total, period, groups}); null before the first. */
export const todos = ref(null)
let pending = null

/** Reloads the to-dos (one request at a time); a failure keeps the last answer. */
export function refreshTodos() {
  if (pending) return pending
  pending = myTodos()
    .then((res) => {
      todos.value = res
      return res
    })
    .catch(() => todos.value)
    .finally(() => {
      pending = null
    })
  return pending
}

/** Forgets the answer (logout: the next user must not see this one's count). */
export function resetTodos() {
  todos.value = null
}
