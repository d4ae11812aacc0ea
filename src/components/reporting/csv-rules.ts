/**
 * CSV that Danish Excel opens as it should: a UTF-8 byte order mark (so æøå survive), semicolons (the
 * comma is the decimal mark), CRLF line ends. A text cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, so opening an export
 * never runs anything. Numbers, also negative ones written as the page shows them ("-834", "-2,5",
 * "-12 %"), are written as they are: nothing but a sign, digits, one decimal mark and a per cent sign
 * can be a formula, and with the apostrophe a spreadsheet would hold them as text that does not add up.
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const SHOWN_NUMBER = /^-?\d+(?:[.,]\d+)?(?: ?%)?$/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !SHOWN_NUMBER.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
