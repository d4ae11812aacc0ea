import { CHART_WIDTH, chartFrame, type ChartSize } from '../../shared/charts/index.js';

/** A point in time with the two comparable answers (1–5). */
export interface ChartRow {
  dueOn: string;
  wellbeing: number;
  goes: number;
}

// Room on the left for the scale 1–5, below the axis for the dates.
const SIZE: ChartSize = { width: CHART_WIDTH, height: 160, left: 28, right: 10, top: 10, bottom: 30 };

/**
 * The geometry of a small line chart of wellbeing and "how it goes" over the answered follow-ups, drawn
 * by the view as inline SVG (no script, no library). It fits 320 px; the data table beside it carries
 * the same numbers for screen readers and anyone who prefers them.
 */
export function chartOf(rows: ChartRow[]) {
  const frame = chartFrame(SIZE);
  const { plotWidth, plotHeight } = frame;
  const x = (index: number) =>
    Math.round(frame.left + (rows.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (rows.length - 1)));
  const y = (value: number) => Math.round(frame.plotBottom - ((value - 1) * plotHeight) / 4);
  const line = (pick: (row: ChartRow) => number) =>
    rows.map((row, index) => `${x(index)},${y(pick(row))}`).join(' ');
  const every = Math.max(1, Math.ceil(rows.length / 4));
  return {
    width: frame.width,
    height: frame.height,
    wellbeing: line((row) => row.wellbeing),
    goes: line((row) => row.goes),
    wellbeingDots: rows.map((row, index) => ({ cx: x(index), cy: y(row.wellbeing) })),
    goesDots: rows.map((row, index) => ({ cx: x(index), cy: y(row.goes) })),
    yTicks: [1, 2, 3, 4, 5].map((value) => ({ y: y(value), label: value, x2: frame.right })),
    xLabels: rows
      .map((row, index) => ({ x: x(index), y: frame.height - 10, label: row.dueOn.slice(2, 7) }))
      .filter((_, index) => index % every === 0),
    left: frame.left,
    plotBottom: frame.plotBottom,
  };
}
