// 登录与会话.
import { api } from './http.js'

export const login = (login, password) => api.post('/auth/login', { login, password })
export const me = () => api.get('/auth/me')
export const logout = () => api.post('/auth/logout', {})
