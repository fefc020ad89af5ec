// 招商活动 (promotion events, issue 15 item 3): the events, the monthly rule and its compliance.
import { api, download } from './http.js'

export const promotionEvents = (query) => api.get('/promotion-events', query)
export const exportPromotionEvents = (query) => download('/promotion-events/export', query, '招商活动.xlsx')
export const promotionEvent = (id) => api.get(`/promotion-events/${id}`)
export const createPromotionEvent = (body) => api.post('/promotion-events', body)
export const updatePromotionEvent = (id, body) => api.patch(`/promotion-events/${id}`, body)
export const archivePromotionEvent = (id, version) => api.post(`/promotion-events/${id}/archive`, { version })
export const eventCompliance = (query) => api.get('/promotion-events/compliance', query)
export const eventFigures = (query) => api.get('/promotion-events/figures', query)
export const eventRule = (region) => api.get('/promotion-events/rule', { region })
export const putEventRule = (region, minEvents) => api.put(`/promotion-events/rule?region=${encodeURIComponent(region)}`, { min_events: minEvents })
