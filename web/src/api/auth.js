// 登录与会话.
import { api, request } from './http.js'

export const login = (login, password) => api.post('/auth/login', { login, password })
export const me = () => api.get('/auth/me')
/** Who the session cookie belongs to, at start: a 401 only means "not signed in" (no redirect). */
export const session = () => request('GET', '/auth/me', { quiet: true })
export const logout = () => api.post('/auth/logout', {})
