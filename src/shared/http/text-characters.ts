/* eslint-disable no-control-regex -- finding control characters is the point of this file */

/**
 * Characters in typed text that nobody can see or meant to type, in two kinds:
 * - control characters: C0 (U+0000-U+001F) other than tab and line breaks, DEL, and C1 (U+0080-U+009F);
 * - invisible formatting: the bidirectional marks, embeddings, overrides and isolates (U+200E, U+200F,
 *   U+061C, U+202A-U+202E, U+2066-U+2069), which can make a text show in another order than it is stored
 *   ("right-to-left override"), and the zero-width characters (U+200B-U+200D, U+2060-U+2064, U+FEFF),
 *   which make two texts that look the same differ.
 * Tab and line breaks are control characters too where a field holds only one line.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** Control characters (other than tab and line breaks, unless `oneLine`). */
function hasControlCharacters(value: string, options: { oneLine?: boolean } = {}): boolean {
  return CONTROL.test(value) || (options.oneLine === true && LINE_BREAK_OR_TAB.test(value));
}

/** Control characters or invisible formatting: what an identifier or a name may not hold (always one line). */
export function hasHiddenCharacters(value: string): boolean {
  return hasControlCharacters(value, { oneLine: true }) || INVISIBLE.test(value);
}

/**
 * The text without control characters and invisible formatting. In a one-line field a tab or line break
 * becomes a space (a browser never sends one from a one-line field, so it was pasted or tampered with).
 */
export function withoutHiddenCharacters(value: string, options: { oneLine?: boolean } = {}): string {
  const cleaned = value.replace(CONTROL_ALL, '').replace(INVISIBLE_ALL, '');
  return options.oneLine ? cleaned.replace(/[\t\n\r]+/g, ' ') : cleaned;
}
