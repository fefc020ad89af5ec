// 工作台: the caller's to-dos (counts and the first few of each kind).
import { api } from './http.js'

export const myTodos = () => api.get('/me/todos')
