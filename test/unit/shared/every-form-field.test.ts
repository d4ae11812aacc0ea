import assert from 'node:assert/strict';
import { everyField, schemaFiles, SCHEMA_MODULES } from '../../helpers/schema-fields.js';

// Fields that keep what was typed, character for character, on purpose. Passwords are only ever hashed
// and compared: changing or refusing a character could lock a person out. A one-time code is compared
// with the expected code and never stored or shown: a hidden character just makes it a wrong code.
const KEPT_AS_TYPED = new Set(['password', 'currentPassword', 'newPassword', 'code']);

// Fields the form checks against a fixed shape after the fields are parsed, so nothing hidden gets
// through them: the schedule rows (a weekday digit and hh:mm, by isValidWindow in the form's own
// refinement) and the chosen adults (each must be one of the organisation's active members).
const CHECKED_BY_THE_FORM = /\.(weekday|from|to)[1-3]$|\.offerSchema\.adultIds$/;

// The test's own list (not the app's rule, so that a gap in the rule shows here): control characters
// but tab and line breaks, bidirectional marks and overrides, zero-width characters.
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const hasHidden = (text: string) => HIDDEN.test(text);

const strings = (output: unknown): string[] =>
  typeof output === 'string' ? [output] : Array.isArray(output) ? output.flatMap(strings) : [];

describe('every form field (generated from all *-schemas.ts)', () => {
  const fields = everyField();

  it('when a component has a *-schemas.ts file, then this test walks it', () => {
    assert.deepEqual(schemaFiles().sort(), Object.keys(SCHEMA_MODULES).sort());
  });

  it('when a field gets a hidden character, then it is refused or removed, never kept', () => {
    assert.ok(fields.length > 100, `only ${fields.length} fields found`);
    const kept: string[] = [];
    for (const { name, schema } of fields) {
      if (KEPT_AS_TYPED.has(name.split('.').at(-1)!) || CHECKED_BY_THE_FORM.test(name)) continue;
      for (const hidden of ['\u0000', '\u0085', '\u202e', '\u2066', '\u200b', '\ufeff', '\u200e']) {
        for (const typed of [
          `Anna${hidden} Berg`,
          `fod${hidden}bold, leg`,
          `2026-01-1${hidden}5`,
          `8000${hidden}`,
        ]) {
          const parsed = schema.safeParse(typed);
          if (parsed.success && strings(parsed.data).some(hasHidden)) {
            kept.push(`${name} kept U+${hidden.codePointAt(0)!.toString(16).padStart(4, '0')}`);
          }
        }
      }
    }
    assert.equal(kept.length, 0, `hidden characters kept:\n${[...new Set(kept)].join('\n')}`);
  });

  it('when a date field gets a day that does not exist, then it is refused, not moved to another day', () => {
    // A date field is one that takes a real day, but neither words nor digits written another way.
    const dateFields = fields.filter(
      ({ schema }) =>
        schema.safeParse('2026-01-15').success &&
        ['abc', 'Vi mødes i hallen', '2026 01 15'].every((other) => !schema.safeParse(other).success),
    );
    const names = dateFields.map(({ name }) => name.split('.').at(-1));
    for (const expected of ['fra', 'til', 'givenAt', 'validUntil', 'heldOn', 'completedOn', 'endsOn']) {
      assert.ok(names.includes(expected), `${expected} not found among the date fields: ${names.join(', ')}`);
    }
    const accepted: string[] = [];
    for (const { name, schema } of dateFields) {
      for (const day of [
        '2026-02-29',
        '2026-02-30',
        '2026-02-31',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
      ]) {
        if (schema.safeParse(day).success) accepted.push(`${name} took ${day}`);
      }
    }
    assert.equal(accepted.length, 0, `impossible days taken:\n${accepted.join('\n')}`);
  });
});
