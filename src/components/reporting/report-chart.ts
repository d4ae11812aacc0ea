import type { ReportTable } from './report-tables.js';

const WIDTH = 320;
const HEIGHT = 180;
const LEFT = 30;
const RIGHT = 8;
const TOP = 16;
const BOTTOM = 34;

interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  value: string;
  labelX: number;
  valueY: number;
  suppressed: boolean;
}

/**
 * A bar chart of a table with one count per row (the total row left out), drawn by the view as inline
 * SVG: no script, no library, 320 px wide. A held-back cell gets no bar at all, only "< 5", so the
 * picture never shows what the table holds back; the scale is taken from the shown values only.
 */
export function barChartOf(table: ReportTable) {
  const rows = table.rows.filter((row) => !row.total);
  const values = rows.map((row) => (row.cells[0]!.suppressed ? 0 : Number(row.cells[0]!.text) || 0));
  const max = Math.max(1, ...values);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, rows.length);
  // Twelve month labels collide at 320 px: then every second one is written.
  const every = rows.length > 8 ? 2 : 1;
  const bars: ChartBar[] = rows.map((row, index) => {
    const height = Math.round((values[index]! * plotHeight) / max);
    const x = Math.round(LEFT + index * slot + slot * 0.15);
    return {
      x,
      y: TOP + plotHeight - height,
      width: Math.max(2, Math.round(slot * 0.7)),
      height,
      label: index % every === 0 ? (row.label ?? '').slice(5) : '',
      value: row.cells[0]!.text,
      labelX: Math.round(LEFT + index * slot + slot / 2),
      valueY: TOP + plotHeight - height - 3,
      suppressed: row.cells[0]!.suppressed,
    };
  });
  return {
    width: WIDTH,
    height: HEIGHT,
    bars,
    max,
    left: LEFT,
    right: WIDTH - RIGHT,
    top: TOP,
    plotBottom: TOP + plotHeight,
    labelY: HEIGHT - BOTTOM + 14,
  };
}
