import assert from 'node:assert/strict';
import { parseForm } from '../../../src/shared/http/index.js';
import { browseSchema, profileSchema } from '../../../src/components/volunteers/volunteer-schemas.js';
import { profileFields } from '../../helpers/volunteers.js';

describe('volunteer profile form', () => {
  it('when the form is complete, then it becomes a typed profile with its schedule', () => {
    const form = parseForm(profileSchema, { ...profileFields(), languages: ['da', 'ar'] });
    assert.ok(form.ok);
    assert.deepEqual(form.data.availability, [{ weekday: 2, from: '16:00', to: '18:00' }]);
    assert.equal(form.data.maxChildren, 1);
    assert.deepEqual(form.data.languages, ['da', 'ar']);
    assert.deepEqual(form.data.interests, ['fodbold', 'lektiehjælp']);
  });

  const broken: Array<[string, Record<string, string | string[] | undefined>, string, string]> = [
    ['an unknown postcode', { postcode: '0000' }, 'postcode', 'volunteers.profile.postcodeUnknown'],
    ['no frequency', { frequency: undefined }, 'frequency', 'volunteers.profile.frequencyRequired'],
    ['four children', { maxChildren: '4' }, 'maxChildren', 'volunteers.profile.maxChildrenInvalid'],
    ['zero children', { maxChildren: '0' }, 'maxChildren', 'volunteers.profile.maxChildrenInvalid'],
    ['a backwards window', { from1: '18:00', to1: '16:00' }, 'weekday1', 'volunteers.profile.window'],
    ['a half-filled second row', { weekday2: '3' }, 'weekday2', 'volunteers.profile.window'],
    ['an unknown language', { languages: 'klingon' }, 'languages', 'forms.errors.invalid'],
    [
      'a too long presentation',
      { presentation: 'x'.repeat(1001) },
      'presentation',
      'volunteers.profile.presentationTooLong',
    ],
    ['a too long tag', { interests: 'x'.repeat(41) }, 'interests', 'volunteers.profile.tagTooLong'],
    ['repeated postcodes', { postcode: ['9490', '9440'] }, 'postcode', 'forms.errors.invalid'],
  ];
  for (const [name, override, field, message] of broken) {
    it(`when the form has ${name}, then ${field} says ${message}`, () => {
      const body: Record<string, unknown> = { ...profileFields(), ...override };
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      const form = parseForm(profileSchema, body);
      assert.ok(!form.ok);
      assert.equal(form.fieldErrors[field], message);
    });
  }

  it('when tags or the presentation carry control or zero-width characters, then they are removed', () => {
    const form = parseForm(profileSchema, {
      ...profileFields(),
      skills: 'fod\u200bbold, le\u0000g',
      presentation: 'Hej\u202e med\u00a0dig\nGlad for børn\u0007',
    });
    assert.ok(form.ok);
    assert.deepEqual(form.data.skills, ['fodbold', 'leg']);
    // A no-break space is a space people can see and mean: kept.
    assert.equal(form.data.presentation, 'Hej med\u00a0dig\nGlad for børn');
  });

  it('when the form names its owner, status or municipality, then it is refused as tampered', () => {
    for (const extra of ['userId', 'status', 'municipalityCode', 'lat', 'pausedAt']) {
      assert.throws(
        () => parseForm(profileSchema, { ...profileFields(), [extra]: 'x' }),
        /Unexpected form fields/,
      );
    }
  });

  it('when the browse search is longer than 80 characters, then it is a field message', () => {
    const form = parseForm(browseSchema, { q: 'x'.repeat(81) });
    assert.ok(!form.ok);
    assert.equal(form.fieldErrors.q, 'forms.errors.tooLong');
  });
});
