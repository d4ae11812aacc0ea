/**
 * The frame every chart is drawn in: an inline SVG of a fixed size with margins for the scale and the
 * labels, drawn by the view without script or library. The numbers themselves always stand in a table
 * beside the chart, so the picture adds to the page and never carries anything alone.
 */

/** Charts fit the narrowest phone screen without scrolling. */
export const CHART_WIDTH = 320;

/** How far below the axis the labels under it stand. */
const LABEL_BELOW_AXIS = 14;

export interface ChartSize {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Month bars: room on the left for the top of the scale, below the axis for the month labels. */
export const BAR_CHART_SIZE: ChartSize = {
  width: CHART_WIDTH,
  height: 180,
  left: 30,
  right: 8,
  top: 16,
  bottom: 34,
};

interface ChartFrame {
  width: number;
  height: number;
  /** The plot area: from `left` to `right`, from `top` down to `plotBottom` (the axis). */
  left: number;
  right: number;
  top: number;
  plotBottom: number;
  plotWidth: number;
  plotHeight: number;
  /** Where the labels under the axis stand. */
  labelY: number;
}

export function chartFrame(size: ChartSize): ChartFrame {
  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  return {
    width: size.width,
    height: size.height,
    left: size.left,
    right: size.width - size.right,
    top: size.top,
    plotBottom: size.top + plotHeight,
    plotWidth,
    plotHeight,
    labelY: size.height - size.bottom + LABEL_BELOW_AXIS,
  };
}

/**
 * Bars in equal slots along the axis, scaled to the largest value (at least 1, so an empty chart still
 * has a scale). Twelve month labels collide at 320 px: then every second one is written.
 */
export function barSlots(frame: ChartFrame, count: number, values: readonly number[]) {
  const max = Math.max(1, ...values);
  const slot = frame.plotWidth / Math.max(1, count);
  return {
    max,
    slot,
    /** The left edge of slot `index`, plus a share of the slot. */
    slotX: (index: number, share: number) => Math.round(frame.left + index * slot + slot * share),
    /** The middle of slot `index`, where its label stands. */
    labelX: (index: number) => Math.round(frame.left + index * slot + slot / 2),
    /** The height a value is drawn at; a bar stands on the axis at `frame.plotBottom - height`. */
    heightOf: (value: number) => Math.round((value * frame.plotHeight) / max),
    labelled: (index: number) => index % (count > 8 ? 2 : 1) === 0,
  };
}

/** What the view needs to draw a bar chart's frame: its size, the axis and the top and foot of the scale. */
export function barFrameView(frame: ChartFrame, max: number) {
  return {
    width: frame.width,
    height: frame.height,
    max,
    left: frame.left,
    right: frame.right,
    top: frame.top,
    plotBottom: frame.plotBottom,
    labelY: frame.labelY,
  };
}
