// Targets (时间表) read one at a time as of a date: the target page (issue 15 item 4: funds in
// place, composite goals such as 东阿's "420").
import { api } from './http.js'

export const targetAsOf = (id, asOf) => api.get(`/targets/${id}`, asOf ? { as_of: asOf } : {})
