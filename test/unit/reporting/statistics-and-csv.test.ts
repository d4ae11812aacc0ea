import assert from 'node:assert/strict';
import { csvCell, toCsv } from '../../../src/components/reporting/csv-rules.js';
import { median, percentile } from '../../../src/components/reporting/statistics-rules.js';

describe('report statistics', () => {
  it('when the values are odd in number, then the median is the middle one', () => {
    assert.equal(median([90, 5, 10, 20, 10, 25, 40]), 20);
  });

  it('when the values are even in number, then the median is the mean of the two middle ones', () => {
    assert.equal(median([1, 2, 3, 10]), 2.5);
    assert.equal(median([]), undefined);
  });

  it('when asked for the 90th percentile, then it is the nearest rank (9 of 10 at or below it)', () => {
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([5, 10, 10, 20, 25, 40, 90], 90), 90);
    assert.equal(percentile([], 90), undefined);
  });
});

describe('CSV for Danish Excel', () => {
  it('when a table is written, then it starts with a byte order mark, uses semicolons and CRLF', () => {
    const csv = toCsv(
      ['Årsag', 'Antal'],
      [
        ['Målet er nået', 12],
        ['Flytning', '< 5'],
      ],
    );
    assert.equal(csv, '\uFEFFÅrsag;Antal\r\nMålet er nået;12\r\nFlytning;< 5\r\n');
  });

  it('when a cell starts like a formula, then it gets an apostrophe so it is text', () => {
    for (const start of ['=', '+', '-', '@', '\t']) assert.equal(csvCell(`${start}SUM(A1)`)[0], "'");
    assert.equal(csvCell('=HYPERLINK("x";"y")'), `"'=HYPERLINK(""x"";""y"")"`);
  });

  it('when a cell is a negative number, as a number or as the page shows it, then it stays a number', () => {
    for (const shown of ['-834', '-2,5', '-0.75', '-12 %', '-3%']) assert.equal(csvCell(shown), shown);
    assert.equal(csvCell(-834), '-834');
    assert.equal(csvCell(-2.5), '-2.5');
    assert.equal(
      toCsv(['Område', 'Forskel'], [['9490 Pandrup', '-834']]),
      '\uFEFFOmråde;Forskel\r\n9490 Pandrup;-834\r\n',
    );
  });

  it('when a cell starts like a negative number but goes on as a formula, then it keeps the apostrophe', () => {
    for (const formula of [
      '-2+3',
      "-1+cmd|' /C calc'!A0",
      '-834;',
      '-1e3',
      '- 5',
      '-5 % ',
      '-12,5,3',
      '--1',
      '-',
      '-%',
    ]) {
      assert.equal(csvCell(formula).replace(/^"/, '')[0], "'", formula);
    }
  });

  it('when a cell holds a semicolon, quote or line break, then it is quoted', () => {
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('a\nb'), '"a\nb"');
    assert.equal(csvCell(-3), '-3');
  });
});
