import assert from 'node:assert/strict';
import {
  calendarDate,
  hasHiddenCharacters,
  identifierText,
  isCalendarDate,
  optionalCalendarDate,
  parseForm,
  withoutHiddenCharacters,
  writtenText,
} from '../../../src/shared/http/index.js';
import { z } from 'zod';

// Each kind the rule knows, by name (so a failure says which one got through).
const HIDDEN: Record<string, string> = {
  NUL: '\u0000',
  BEL: '\u0007',
  'vertical tab': '\u000b',
  ESC: '\u001b',
  DEL: '\u007f',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009b',
  'left-to-right mark': '\u200e',
  'right-to-left mark': '\u200f',
  'Arabic letter mark': '\u061c',
  'left-to-right embedding': '\u202a',
  'right-to-left override': '\u202e',
  'left-to-right isolate': '\u2066',
  'pop directional isolate': '\u2069',
  'zero-width space': '\u200b',
  'zero-width non-joiner': '\u200c',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  'byte order mark': '\ufeff',
};

describe('hidden characters in typed text', () => {
  for (const [name, character] of Object.entries(HIDDEN)) {
    it(`when a text holds a ${name}, then an identifier refuses it and written text loses it`, () => {
      const text = `Sag${character} 12`;
      assert.equal(hasHiddenCharacters(text), true);
      assert.equal(withoutHiddenCharacters(text), 'Sag 12');
      assert.equal(withoutHiddenCharacters(text, { oneLine: true }), 'Sag 12');
    });
  }

  it('when a text has only letters people see (æøå, accents, Arabic, emoji, no-break spaces), then it is untouched', () => {
    const text = 'Søren Ølgaard, Zoë, محمد 👍 10\u00a0km – “citat”';
    assert.equal(hasHiddenCharacters(text), false);
    assert.equal(withoutHiddenCharacters(text), text);
  });

  it('when a text runs over several lines, then tab and line breaks stay; in a one-line field they become a space', () => {
    assert.equal(withoutHiddenCharacters('a\tb\r\nc'), 'a\tb\r\nc');
    assert.equal(withoutHiddenCharacters('a\tb\r\nc', { oneLine: true }), 'a b c');
    assert.equal(hasHiddenCharacters('a\nb'), true, 'an identifier is one line');
  });

  it('when a form field is written text, then hidden characters are removed before length and trimming', () => {
    const field = z.strictObject({ reason: writtenText().min(2, 'short').max(5, 'long') });
    const parsed = parseForm(field, { reason: '\u200b Nej\u202e\u0000 \ufeff' });
    assert.deepEqual(parsed, { ok: true, data: { reason: 'Nej' } });
    const onlyHidden = parseForm(field, { reason: '\u200b\u200b\u200b' });
    assert.ok(!onlyHidden.ok && onlyHidden.fieldErrors.reason === 'short', JSON.stringify(onlyHidden));
  });

  it('when a form field is an identifier, then a hidden character is a message by the field', () => {
    const field = z.strictObject({ caseRef: identifierText().min(1, 'required') });
    const refused = parseForm(field, { caseRef: 'SAG-\u202e21' });
    assert.ok(!refused.ok && refused.fieldErrors.caseRef === 'forms.errors.hiddenCharacters');
    assert.deepEqual(parseForm(field, { caseRef: ' SAG-21 ' }), { ok: true, data: { caseRef: 'SAG-21' } });
  });
});

describe('calendar dates', () => {
  const real = [
    '2026-01-01',
    '2026-12-31',
    '2024-02-29',
    '2000-02-29',
    '2027-02-28',
    '0001-01-01',
    '0099-06-15',
  ];
  const impossible = [
    '2027-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-02-31',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
  ];
  for (const day of real) {
    it(`when the day is ${day}, then it exists`, () => assert.equal(isCalendarDate(day), true));
  }
  for (const day of impossible) {
    it(`when the day is ${day}, then it does not exist`, () => assert.equal(isCalendarDate(day), false));
  }

  it('when a date is written another way, then it is not a calendar date', () => {
    for (const text of [
      '2026-1-5',
      '05-01-2026',
      '2026/01/05',
      '20260105',
      ' 2026-01-05',
      '2026-01-05T00:00',
      '',
      '٢٠٢٦-٠١-٠٥',
    ]) {
      assert.equal(isCalendarDate(text), false, JSON.stringify(text));
    }
  });

  it('when a date field gets something else, then the message says which is wrong: the writing or the day', () => {
    const form = z.strictObject({
      day: calendarDate('consent.record.givenAtInvalid'),
      until: optionalCalendarDate(),
    });
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ day: '' }, { day: 'consent.record.givenAtInvalid' }],
      [{ day: '30-02-2027' }, { day: 'forms.errors.dateFormat' }],
      [{ day: '2027-02-30' }, { day: 'forms.errors.noSuchDate' }],
      [{ day: '2027-02-28', until: '2027-02-30' }, { until: 'forms.errors.noSuchDate' }],
      [{ day: '2027-02-28', until: 'snart' }, { until: 'forms.errors.dateFormat' }],
    ];
    for (const [body, errors] of cases) {
      const parsed = parseForm(form, body);
      assert.ok(!parsed.ok, JSON.stringify(body));
      assert.deepEqual(parsed.fieldErrors, errors, JSON.stringify(body));
    }
    assert.deepEqual(parseForm(form, { day: ' 2027-02-28 ', until: '' }), {
      ok: true,
      data: { day: '2027-02-28', until: undefined },
    });
  });
});
