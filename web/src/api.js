// The transport lives in api/http.js; the paths, one module per capability, beside it.
export * from './api/http.js'
