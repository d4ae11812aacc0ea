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

  it('when a cell holds a semicolon, quote or line break, then it is quoted', () => {
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('a\nb'), '"a\nb"');
    assert.equal(csvCell(-3), '-3');
  });
});
