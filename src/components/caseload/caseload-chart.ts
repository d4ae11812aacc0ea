import { BAR_CHART_SIZE, barFrameView, barSlots, chartFrame } from '../../shared/charts/index.js';
import type { MonthPoint } from './caseload-rules.js';

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
  const frame = chartFrame(BAR_CHART_SIZE);
  const slots = barSlots(
    frame,
    months.length,
    months.flatMap((point) => [point.openRequests, point.liveMatches]),
  );
  const barWidth = Math.max(2, Math.floor(slots.slot * 0.35));
  const bar = (value: number, x: number, series: CaseloadBar['series']): CaseloadBar => {
    const height = slots.heightOf(value);
    return { x, y: frame.plotBottom - height, width: barWidth, height, series };
  };
  return {
    ...barFrameView(frame, slots.max),
    months: months.map((point, index) => {
      const start = slots.slotX(index, 0.1);
      return {
        label: slots.labelled(index) ? point.month.slice(5) : '',
        labelX: slots.labelX(index),
        bars: [
          bar(point.openRequests, start, 'requests'),
          bar(point.liveMatches, start + barWidth + 1, 'matches'),
        ].filter((drawn) => drawn.height > 0),
      };
    }),
  };
}
