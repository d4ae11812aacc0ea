import assert from 'node:assert/strict';
import {
  countCell,
  rateCell,
  statisticCell,
  suppressParts,
} from '../../../src/components/reporting/suppression-rules.js';

const texts = (cells: Array<{ text: string }>) => cells.map((cell) => cell.text);

describe('small-cell suppression', () => {
  it('when a count is 1 to 4, then it shows "< 5"; 0 and 5 and more are shown', () => {
    assert.deepEqual(
      [0, 1, 4, 5, 12].map((count) => countCell(count).text),
      ['0', '< 5', '< 5', '5', '12'],
    );
  });

  it('when exactly one part of a table is small, then the smallest other part is held back too', () => {
    const { parts, total } = suppressParts([9, 3, 6, 0]);
    assert.deepEqual(texts(parts), ['9', '< 5', '< 5', '0']);
    assert.equal(total.text, '18');
  });

  it('when two parts are small, then they hide each other and nothing more is held back', () => {
    const { parts, total } = suppressParts([2, 3, 10]);
    assert.deepEqual(texts(parts), ['< 5', '< 5', '10']);
    assert.equal(total.text, '15');
  });

  it('when the total is under 5, then every part and the total are held back', () => {
    const { parts, total } = suppressParts([1, 2, 0]);
    assert.deepEqual(texts(parts), ['< 5', '< 5', '< 5']);
    assert.equal(total.text, '< 5');
  });

  it('when no part is small, then every part is shown', () => {
    assert.deepEqual(texts(suppressParts([5, 7, 0]).parts), ['5', '7', '0']);
  });

  it('when a rate is over fewer than 5, then it is held back; otherwise it is whole per cent', () => {
    assert.equal(rateCell(3, 4).text, '< 5');
    assert.equal(rateCell(7, 13).text, '54 %');
    assert.equal(rateCell(0, 0).text, '–');
  });

  it('when a statistic is over fewer than 5, then it is held back; decimals use a comma', () => {
    assert.equal(statisticCell(12, 4).text, '< 5');
    assert.equal(statisticCell(2.25, 5, 1).text, '2,3');
  });
});
