import assert from 'node:assert/strict';
import { formatDate, formatNumber, loadCatalog, translatorFor } from '../../../src/shared/i18n/index.js';

const da = loadCatalog('da');
const en = loadCatalog('en');

function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('i18n', () => {
  it('when a key is in the Danish catalog, then it is in the English one too (and vice versa)', () => {
    assert.deepEqual(keysOf(en).sort(), keysOf(da).sort());
  });

  it('when a catalog text is empty, then that is a defect', () => {
    for (const [name, catalog] of [
      ['da', da],
      ['en', en],
    ] as const) {
      const empty = keysOf(catalog).filter((key) => !String(translatorFor(name)(key)).trim());
      assert.deepEqual(empty, [], `empty texts in ${name}`);
    }
  });

  it('when translating, then values are interpolated without HTML escaping (Handlebars escapes)', () => {
    assert.equal(translatorFor('da')('errors.reference', { requestId: '<x>' }), 'Reference til support: <x>');
  });

  it('when formatting for Danish, then dates and numbers follow da-DK', () => {
    const date = new Date('2026-03-05T12:00:00Z');
    assert.equal(formatDate(date, 'da'), '5. marts 2026');
    assert.equal(formatNumber(1234.5, 'da'), '1.234,5');
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  });

  it('when a date is near midnight UTC, then it is shown in Copenhagen time', () => {
    assert.equal(formatDate(new Date('2026-06-30T22:30:00Z'), 'da'), '1. juli 2026');
  });
});
