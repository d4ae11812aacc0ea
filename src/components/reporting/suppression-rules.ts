/**
 * No child recognisable: a count, rate or statistic over fewer than MIN_CELL children or matches is shown
 * as "< 5", never as its value. Zero is shown: it tells nothing about any child.
 */
export const MIN_CELL = 5;
const SUPPRESSED = '< 5';

/** A figure as shown: its text, and whether it was held back. */
export interface Cell {
  text: string;
  suppressed: boolean;
}

export const suppressedCell = (): Cell => ({ text: SUPPRESSED, suppressed: true });

/** Whether a group of this many children or matches is too small to show a figure about. */
export function tooSmall(count: number): boolean {
  return count > 0 && count < MIN_CELL;
}

/**
 * The counts of one table whose parts add up to a shown total. Each part under MIN_CELL is held back;
 * when exactly one part is held back, the smallest other part is held back too, so the total minus
 * the shown parts cannot reveal it. A total under MIN_CELL holds back every part and itself.
 */
export function suppressParts(parts: readonly number[]): { parts: Cell[]; total: Cell } {
  const total = parts.reduce((sum, part) => sum + part, 0);
  if (tooSmall(total)) return { parts: parts.map(suppressedCell), total: suppressedCell() };
  const hidden = new Set(parts.flatMap((part, index) => (tooSmall(part) ? [index] : [])));
  if (hidden.size === 1) {
    const complement = parts
      .map((part, index) => ({ part, index }))
      .filter(({ index, part }) => !hidden.has(index) && part > 0)
      .sort((a, b) => a.part - b.part)[0];
    if (complement) hidden.add(complement.index);
  }
  return {
    parts: parts.map((part, index) => (hidden.has(index) ? suppressedCell() : countCell(part))),
    total: countCell(total),
  };
}

/** A single count, held back under MIN_CELL. */
export function countCell(count: number): Cell {
  return tooSmall(count) ? suppressedCell() : { text: String(count), suppressed: false };
}

/** A rate in whole per cent, held back when its denominator is under MIN_CELL (or empty). */
export function rateCell(numerator: number, denominator: number): Cell {
  if (denominator === 0) return { text: '–', suppressed: false };
  if (denominator < MIN_CELL) return suppressedCell();
  return { text: `${Math.round((100 * numerator) / denominator)} %`, suppressed: false };
}

/** A statistic (median, percentile, mean) of a group, held back when the group is under MIN_CELL. */
export function statisticCell(value: number | undefined, groupSize: number, decimals = 0): Cell {
  if (value === undefined || groupSize === 0) return { text: '–', suppressed: false };
  if (groupSize < MIN_CELL) return suppressedCell();
  return { text: value.toFixed(decimals).replace('.', ','), suppressed: false };
}
