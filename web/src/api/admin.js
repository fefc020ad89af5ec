// Reference data (dictionaries, regions, units, people) and its administration; the server clock.
import { api } from './http.js'

export const dictionaries = () => api.get('/dictionaries')
export const regions = () => api.get('/regions')
export const units = (region) => api.get('/units', { region })
export const leaders = (region) => api.get('/people', { region, kind: 'leader' })
export const saveDictionary = (kind, items) => api.put(`/dictionaries/${kind}`, { items })
export const clock = () => api.get('/clock')
