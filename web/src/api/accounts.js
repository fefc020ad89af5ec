// 账号：an admin's users (/users), and everyone's own password, sessions and API tokens (/auth/…).
import { api } from './http.js'

export const listUsers = (query) => api.get('/users', query)
export const getUser = (id) => api.get(`/users/${id}`)
export const createUser = (body) => api.post('/users', body)
/** body: {version, name?, active?, grants?, person_id? (null unlinks)} — a stale version is a 409 carrying `current`. */
export const updateUser = (id, body) => api.patch(`/users/${id}`, body)
export const resetPassword = (id, version, password) => api.post(`/users/${id}/password-reset`, { version, password })

export const changePassword = (oldPassword, newPassword) =>
  api.post('/auth/password', { old_password: oldPassword, new_password: newPassword })
export const sessions = () => api.get('/auth/sessions')
export const revokeSession = (id) => api.del(`/auth/sessions/${id}`)
export const logoutAll = () => api.post('/auth/logout-all', {})
export const tokens = () => api.get('/auth/tokens')
export const createToken = (name, days) => api.post('/auth/tokens', { name, days })
export const revokeToken = (id) => api.del(`/auth/tokens/${id}`)
