import type { MonthPoint } from './caseload-rules.js';

const WIDTH = 320;
const HEIGHT = 180;
const LEFT = 30;
const RIGHT = 8;
const TOP = 16;
const BOTTOM = 34;

export interface CaseloadBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Which series: the view gives each its own fill and the legend names them. */
  series: 'requests' | 'matches';
}

/**
 * Open requests and live matches month by month, as two bars side by side per month, drawn by the view as
 * inline SVG (no script, no library, 320 px wide). The numbers themselves stand in the table beside it.
 */
export function caseloadChartOf(months: readonly MonthPoint[]) {
  const max = Math.max(1, ...months.flatMap((point) => [point.openRequests, point.liveMatches]));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, months.length);
  const barWidth = Math.max(2, Math.floor(slot * 0.35));
  const bar = (value: number, x: number, series: CaseloadBar['series']): CaseloadBar => {
    const height = Math.round((value * plotHeight) / max);
    return { x, y: TOP + plotHeight - height, width: barWidth, height, series };
  };
  // Twelve month labels collide at 320 px: then every second one is written.
  const every = months.length > 8 ? 2 : 1;
  return {
    width: WIDTH,
    height: HEIGHT,
    max,
    left: LEFT,
    right: WIDTH - RIGHT,
    top: TOP,
    plotBottom: TOP + plotHeight,
    labelY: HEIGHT - BOTTOM + 14,
    months: months.map((point, index) => {
      const start = Math.round(LEFT + index * slot + slot * 0.1);
      return {
        label: index % every === 0 ? point.month.slice(5) : '',
        labelX: Math.round(LEFT + index * slot + slot / 2),
        bars: [
          bar(point.openRequests, start, 'requests'),
          bar(point.liveMatches, start + barWidth + 1, 'matches'),
        ].filter((drawn) => drawn.height > 0),
      };
    }),
  };
}
