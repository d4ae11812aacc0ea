import { chartFrame, type ChartSize } from '../../shared/charts/index.js';
import type { AreaNeed, AreaRow } from './supply-demand-rules.js';

// Wider than the other charts: a municipality's areas need the room; the legend goes below the map.
const PAD = 36;
const MAP: ChartSize = { width: 480, height: 320, left: PAD, right: PAD, top: PAD, bottom: PAD };
const LEGEND_ROW = 20;
const MIN_RADIUS = 6;
const MAX_RADIUS = 20;
const HELD_BACK_RADIUS = 8;
// Beyond this many areas (a city's postcodes) the labels would overlap: then only the areas short of
// volunteers are labelled; every area stays in the table.
const LABEL_ALL_UP_TO = 30;

const NEEDS_IN_LEGEND: readonly AreaNeed[] = ['short', 'covered', 'no-demand', 'held-back'];

/**
 * Each need drawn so it can be told apart without colour too: filled (short, covered; their labels carry
 * the sign of the gap), an empty ring (no requests) and hatched (held back). Colours keep 3:1 on white.
 */
const NEED_STYLE: Record<AreaNeed, { fill: string; stroke: string }> = {
  short: { fill: '#b3261e', stroke: '#5c120e' },
  covered: { fill: '#1b7f5a', stroke: '#0d3f2d' },
  'no-demand': { fill: '#ffffff', stroke: '#555555' },
  'held-back': { fill: 'url(#supply-held-back)', stroke: '#333333' },
};

interface MapPoint {
  postcode: string;
  x: number;
  y: number;
  r: number;
  need: AreaNeed;
  label: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
  fill: string;
  stroke: string;
}

interface MapLegendEntry {
  need: AreaNeed;
  x: number;
  y: number;
  textX: number;
  fill: string;
  stroke: string;
}

export interface SupplyMap {
  width: number;
  height: number;
  points: MapPoint[];
  legend: MapLegendEntry[];
}

/** "+3" where three more children wait than there are free places, "-2" where two places are left over. */
function gapLabel(row: AreaRow): string {
  if (row.gapValue === undefined) return row.postcode;
  const sign = row.gapValue > 0 ? '+' : '';
  return `${row.postcode} (${sign}${row.gapValue})`;
}

/**
 * A map of the areas without tiles: each postcode's centre projected onto the SVG (longitude scaled by the
 * cosine of the mean latitude, so distances look right at Danish latitudes), a circle per area sized by the
 * gap between open requests and free places and coloured by what the area needs. A held-back area gets a
 * fixed size and no gap, so the picture never shows what the table holds back.
 */
export function supplyMapOf(rows: readonly AreaRow[]): SupplyMap {
  const frame = chartFrame(MAP);
  const meanLat = rows.reduce((sum, row) => sum + row.lat, 0) / Math.max(1, rows.length);
  const scaleLon = Math.cos((meanLat * Math.PI) / 180);
  const xs = rows.map((row) => row.lon * scaleLon);
  const ys = rows.map((row) => -row.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min(frame.plotWidth / span, frame.plotHeight / span);
  // Centred: a single area, or a narrow municipality, sits in the middle rather than in a corner.
  const offsetX = (frame.width - (maxX - minX) * scale) / 2;
  const offsetY = (frame.height - (maxY - minY) * scale) / 2;
  const largestGap = Math.max(1, ...rows.map((row) => Math.abs(row.gapValue ?? 0)));
  const labelAll = rows.length <= LABEL_ALL_UP_TO;
  const points = rows.map((row, index): MapPoint => {
    const x = Math.round(offsetX + (xs[index]! - minX) * scale);
    const y = Math.round(offsetY + (ys[index]! - minY) * scale);
    const r =
      row.gapValue === undefined
        ? HELD_BACK_RADIUS
        : Math.round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.abs(row.gapValue) / largestGap));
    const label = labelAll || row.need === 'short' ? gapLabel(row) : '';
    // Labels to the right, except near the right edge, where they go to the left (the view anchors them).
    const right = x < frame.width - 110;
    return {
      postcode: row.postcode,
      x,
      y,
      r,
      need: row.need,
      label,
      labelX: right ? x + r + 3 : x - r - 3,
      labelY: y + 4,
      anchor: right ? 'start' : 'end',
      ...NEED_STYLE[row.need],
    };
  });
  const legend = NEEDS_IN_LEGEND.map((need, index) => ({
    need,
    x: frame.left,
    y: frame.height + LEGEND_ROW * index + 10,
    textX: frame.left + 16,
    ...NEED_STYLE[need],
  }));
  return {
    width: frame.width,
    height: frame.height + LEGEND_ROW * NEEDS_IN_LEGEND.length + 8,
    points,
    legend,
  };
}
