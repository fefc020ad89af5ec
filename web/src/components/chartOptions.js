// The ECharts plumbing every chart shares: the pieces registered once (imported
// piecemeal to keep the bundle small), the common option parts, and a composable
// that mounts a chart, redraws it when its data change and disposes of it.
import { onBeforeUnmount, onMounted, watch } from 'vue'
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, LegendComponent, TitleComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer])

/** A tooltip for the whole category under the pointer, shaded. */
export const SHADOW_TOOLTIP = { trigger: 'axis', axisPointer: { type: 'shadow' } }

/** A bar chart's option: shaded axis tooltip and a legend on top, then `parts`. */
export function barOption(parts) {
  return { tooltip: SHADOW_TOOLTIP, legend: { top: 0 }, ...parts }
}

/**
 * Draws `option()` into the element ref `el` once mounted and again (from scratch)
 * whenever `source` changes (watched deeply). With `resize`, the chart follows its
 * element's size (it may be mounted inside a tab that is still hidden).
 */
export function useChart(el, option, source, { resize = true } = {}) {
  let chart = null
  let observer = null
  onMounted(() => {
    chart = echarts.init(el.value)
    chart.setOption(option())
    if (resize && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart && chart.resize())
      observer.observe(el.value)
    }
  })
  watch(source, () => chart && chart.setOption(option(), true), { deep: true })
  onBeforeUnmount(() => {
    if (observer) observer.disconnect()
    if (chart) chart.dispose()
    chart = null
  })
}
