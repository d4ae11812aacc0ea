/** A point in time with the two comparable answers (1–5). */
export interface ChartRow {
  dueOn: string;
  wellbeing: number;
  goes: number;
}

const WIDTH = 320;
const HEIGHT = 160;
const LEFT = 28;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 30;

/**
 * The geometry of a small line chart of wellbeing and "how it goes" over the answered follow-ups, drawn
 * by the view as inline SVG (no script, no library). It fits 320 px; the data table beside it carries
 * the same numbers for screen readers and anyone who prefers them.
 */
export function chartOf(rows: ChartRow[]) {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) =>
    Math.round(LEFT + (rows.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (rows.length - 1)));
  const y = (value: number) => Math.round(TOP + plotHeight - ((value - 1) * plotHeight) / 4);
  const line = (pick: (row: ChartRow) => number) =>
    rows.map((row, index) => `${x(index)},${y(pick(row))}`).join(' ');
  const every = Math.max(1, Math.ceil(rows.length / 4));
  return {
    width: WIDTH,
    height: HEIGHT,
    wellbeing: line((row) => row.wellbeing),
    goes: line((row) => row.goes),
    wellbeingDots: rows.map((row, index) => ({ cx: x(index), cy: y(row.wellbeing) })),
    goesDots: rows.map((row, index) => ({ cx: x(index), cy: y(row.goes) })),
    yTicks: [1, 2, 3, 4, 5].map((value) => ({ y: y(value), label: value, x2: WIDTH - RIGHT })),
    xLabels: rows
      .map((row, index) => ({ x: x(index), y: HEIGHT - 10, label: row.dueOn.slice(2, 7) }))
      .filter((_, index) => index % every === 0),
    left: LEFT,
    plotBottom: TOP + plotHeight,
  };
}
