import assert from 'node:assert/strict';
import {
  formatDate,
  formatNumber,
  interpolationOptions,
  loadCatalog,
  readableMonth,
  translatorFor,
} from '../../../src/shared/i18n/index.js';
import { tHelper } from '../../../src/shared/views/helpers/t-helper.js';
import type { HelperOptions } from 'handlebars';

/** The page's `t` as a template calls it: {{t key param=value}} on a page in `lang`. */
const onPage = (lang: 'da' | 'en', key: string, hash: Record<string, unknown>) =>
  tHelper(key, { hash, data: { root: { lang } } } as unknown as HelperOptions);

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

  it('when a page text has numbers, then they are written as the language writes them, and the plural follows the count', () => {
    assert.equal(onPage('da', 'candidates.why.distance', { km: 16.4, max: 15 }), '16,4 km væk (højst 15 km)');
    assert.equal(
      onPage('en', 'candidates.why.distance', { km: 16.4, max: 15 }),
      '16.4 km away (at most 15 km)',
    );
    assert.equal(onPage('da', 'candidates.list.count', { count: 1 }), '1 kandidat passer.');
    assert.equal(onPage('da', 'candidates.list.count', { count: 1234 }), '1.234 kandidater passer.');
    assert.equal(onPage('en', 'candidates.list.count', { count: 1234 }), '1,234 candidates fit.');
    assert.equal(onPage('da', 'activityReports.volunteer.children', { count: 1 }), '1 barn.');
    assert.equal(onPage('da', 'activityReports.volunteer.children', { count: 2 }), '2 børn.');
  });

  it('when a parameter is a year, then it is written without grouping', () => {
    assert.equal(onPage('da', 'reporting.goals.heading', { year: 2026 }), 'Mål for 2026');
    assert.deepEqual(interpolationOptions('da', { year: 2026, count: 2026 }), {
      count: 2026,
      replace: { year: 2026, count: '2.026' },
    });
  });

  it('when a month is named, then it is written as the language writes it; other labels stay as they are', () => {
    assert.equal(readableMonth('2026-03', 'da'), 'marts 2026');
    assert.equal(readableMonth('2026-03', 'en'), 'March 2026');
    assert.equal(readableMonth('I alt', 'da'), 'I alt');
  });
});
