import { z } from 'zod';
import { isValidWindow, type TimeWindow } from '../time/index.js';

/**
 * The weekday rows of a form that asks for weekly times (a volunteer's availability, an offer's
 * schedule, a child's preferred times): rows 1 to 3 of weekday + from + to, named `weekday1`, `from1`,
 * `to1` and so on. One row count and one field rule for every such form.
 */
export const WINDOW_ROW_NUMBERS = [1, 2, 3] as const;

/** How many weekly times a form can hold. */
export const WINDOW_ROWS = WINDOW_ROW_NUMBERS.length;

type RowNumber = (typeof WINDOW_ROW_NUMBERS)[number];
type WindowField = `${'weekday' | 'from' | 'to'}${RowNumber}`;

const fieldNames = (row: RowNumber) => [`weekday${row}`, `from${row}`, `to${row}`] as const;

/** A select or a time input as posted; the window check below decides whether the row is usable. */
const rowField = z.string('forms.errors.invalid').trim().max(5, 'forms.errors.invalid').optional();

/** The rows' fields, to spread into a form's schema. */
export const windowFields = Object.fromEntries(
  WINDOW_ROW_NUMBERS.flatMap((row) => fieldNames(row).map((name) => [name, rowField])),
) as Record<WindowField, typeof rowField>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Checks the rows of a posted form: an empty row is ignored, a half-filled or backwards row is `message`
 * on its weekday. Returns how many rows were filled in. The values may be unparsed (a form that checks
 * every field at once), hence the type checks.
 */
export function checkWindowRows(
  form: Partial<Record<WindowField, unknown>>,
  context: z.RefinementCtx,
  message: string,
): number {
  let filled = 0;
  for (const row of WINDOW_ROW_NUMBERS) {
    const weekday = text(form[`weekday${row}`]);
    const from = text(form[`from${row}`]);
    const to = text(form[`to${row}`]);
    if (!weekday && !from && !to) continue;
    filled += 1;
    if (!isValidWindow({ weekday: Number(weekday), from, to }))
      context.addIssue({ code: 'custom', path: [`weekday${row}`], message });
  }
  return filled;
}

/** The checked rows as windows (the rows with a weekday, in row order), and the rest of the form. */
export function takeWindows<T extends Partial<Record<WindowField, string>>>(
  form: T,
): { windows: TimeWindow[]; rest: Omit<T, WindowField> } {
  const rest: Record<string, unknown> = { ...form };
  const windows: TimeWindow[] = [];
  for (const row of WINDOW_ROW_NUMBERS) {
    const [weekdayField, fromField, toField] = fieldNames(row);
    const weekday = form[weekdayField];
    if (weekday) windows.push({ weekday: Number(weekday), from: form[fromField]!, to: form[toField]! });
    for (const name of fieldNames(row)) delete rest[name];
  }
  return { windows, rest: rest as Omit<T, WindowField> };
}
