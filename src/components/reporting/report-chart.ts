import { BAR_CHART_SIZE, barFrameView, barSlots, chartFrame } from '../../shared/charts/index.js';
import type { ReportTable } from './report-tables.js';

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
  const frame = chartFrame(BAR_CHART_SIZE);
  const rows = table.rows.filter((row) => !row.total);
  const values = rows.map((row) => (row.cells[0]!.suppressed ? 0 : Number(row.cells[0]!.text) || 0));
  const slots = barSlots(frame, rows.length, values);
  const bars: ChartBar[] = rows.map((row, index) => {
    const height = slots.heightOf(values[index]!);
    return {
      x: slots.slotX(index, 0.15),
      y: frame.plotBottom - height,
      width: Math.max(2, Math.round(slots.slot * 0.7)),
      height,
      label: slots.labelled(index) ? (row.label ?? '').slice(5) : '',
      value: row.cells[0]!.text,
      labelX: slots.labelX(index),
      valueY: frame.plotBottom - height - 3,
      suppressed: row.cells[0]!.suppressed,
    };
  });
  return { ...barFrameView(frame, slots.max), bars };
}
