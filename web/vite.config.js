import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import elementPlusOnDemand from './scripts/element_plus_on_demand.js'

// The C++ server serves web/dist at "/" (history-mode fallback to index.html);
// in dev, vite forwards the API to a locally running `gongjian serve`.
const backend = process.env.GONGJIAN_API || 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/',
  plugins: [vue(), elementPlusOnDemand()],
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
    },
  },
  build: {
    outDir: 'dist',
    // Element Plus and ECharts are big on their own; one warning per build is noise.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js', 'scripts/**/*.test.js'],
  },
})
