export {
  BAR_CHART_SIZE,
  barFrameView,
  barSlots,
  CHART_WIDTH,
  chartFrame,
  type ChartSize,
} from './chart-frame.js';
