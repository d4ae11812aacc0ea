import type { TimeWindow } from '../time/index.js';
import { WINDOW_ROW_NUMBERS } from './window-fields.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The rows as the form's partial shows them: field names, and the weekday select marked from the values
 * shown (the times come back through the form's `values`).
 */
export function windowRows(values: Readonly<Record<string, string | undefined>>) {
  return WINDOW_ROW_NUMBERS.map((row) => ({
    row,
    weekdayField: `weekday${row}`,
    fromField: `from${row}`,
    toField: `to${row}`,
    weekdays: WEEKDAYS.map((weekday) => ({
      weekday,
      selected: values[`weekday${row}`] === String(weekday),
    })),
  }));
}

/** Stored windows as the strings the form's rows would have sent (as many as the form has rows). */
export function windowValues(windows: readonly TimeWindow[]): Record<string, string> {
  const values: Record<string, string> = {};
  windows.slice(0, WINDOW_ROW_NUMBERS.length).forEach((window, index) => {
    values[`weekday${index + 1}`] = String(window.weekday);
    values[`from${index + 1}`] = window.from;
    values[`to${index + 1}`] = window.to;
  });
  return values;
}

/** Empties every row of the form's values: every weekly time left open. */
export function clearWindowValues(values: Record<string, string>): void {
  for (const row of WINDOW_ROW_NUMBERS) {
    delete values[`weekday${row}`];
    delete values[`from${row}`];
    delete values[`to${row}`];
  }
}
