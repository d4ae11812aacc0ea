import assert from 'node:assert/strict';
import { parseForm } from '../../../src/shared/http/index.js';
import {
  declarationSchema,
  interviewFormSchema,
  outcomeSchema,
  referenceFormSchema,
  trainingFormSchema,
  vettingPolicySchema,
} from '../../../src/components/vetting/vetting-schemas.js';

const interview = { heldOn: '2026-01-10', interviewer: 'Kim Hansen', interviewOutcome: 'suitable', note: '' };

describe('vetting schemas', () => {
  it('when a valid interview is posted, then it parses into a date and an empty note is dropped', () => {
    const result = parseForm(interviewFormSchema, interview);
    assert.ok(result.ok);
    assert.deepEqual(result.data.heldOn, new Date('2026-01-10T00:00:00Z'));
    assert.equal(result.data.note, undefined);
  });

  for (const value of ['010190-1234', '0101901234', 'Født 010190 1234, god til børn']) {
    it(`when free text holds a CPR-like number (${value}), then it is refused with a message`, () => {
      for (const field of ['note', 'interviewer'] as const) {
        const result = parseForm(interviewFormSchema, { ...interview, [field]: value });
        assert.ok(!result.ok);
        assert.equal(result.fieldErrors[field], 'vetting.errors.noCpr');
      }
    });
  }

  it('when a phone number or a year sits in the note, then it is not mistaken for a CPR number', () => {
    assert.ok(parseForm(interviewFormSchema, { ...interview, note: 'Ring 12345678 i 2026' }).ok);
  });

  for (const field of ['cpr', 'outcomeBy', 'validUntil', 'organisationId', 'userId', 'recordedBy']) {
    it(`when a field named ${field} is posted, then the form is refused as tampered (400)`, () => {
      assert.throws(
        () => parseForm(outcomeSchema, { outcome: 'clear', [field]: '0101901234' }),
        (error: { status?: number }) => error.status === 400,
      );
    });
  }

  const invalid: Array<[string, object, Record<string, string>]> = [
    ['a future interview', { ...interview, heldOn: '2099-01-01' }, { heldOn: 'vetting.errors.future' }],
    ['an impossible date', { ...interview, heldOn: '2026-13-45' }, { heldOn: 'forms.errors.noSuchDate' }],
    ['31 February', { ...interview, heldOn: '2026-02-31' }, { heldOn: 'forms.errors.noSuchDate' }],
    [
      'a date written the Danish way',
      { ...interview, heldOn: '31-01-2026' },
      { heldOn: 'forms.errors.dateFormat' },
    ],
    ['a date last century', { ...interview, heldOn: '1999-12-31' }, { heldOn: 'vetting.errors.date' }],
    ['no interviewer', { ...interview, interviewer: ' ' }, { interviewer: 'forms.errors.required' }],
    [
      'an unknown outcome',
      { ...interview, interviewOutcome: 'great' },
      { interviewOutcome: 'vetting.errors.chooseOutcome' },
    ],
    ['a 501-character note', { ...interview, note: 'x'.repeat(501) }, { note: 'forms.errors.tooLong' }],
  ];
  for (const [name, body, expected] of invalid) {
    it(`when the interview has ${name}, then the field says so`, () => {
      const result = parseForm(interviewFormSchema, body);
      assert.ok(!result.ok);
      assert.deepEqual(result.fieldErrors, expected);
    });
  }

  it('when training hours are written the Danish way, then 2,5 is 2.5 hours; zero and words are refused', () => {
    const parsed = parseForm(trainingFormSchema, { hours: '2,5', completedOn: '2026-02-01' });
    assert.ok(parsed.ok && parsed.data.hours === 2.5);
    for (const hours of ['0', 'to', '-1', '1e3']) {
      const result = parseForm(trainingFormSchema, { hours, completedOn: '2026-02-01' });
      assert.ok(!result.ok && result.fieldErrors.hours === 'vetting.errors.hours', hours);
    }
  });

  it('when a reference is posted, then only slot 1 or 2 and yes/no are accepted', () => {
    const parsed = parseForm(referenceFormSchema, { slot: '2', checked: 'yes' });
    assert.ok(parsed.ok && parsed.data.slot === 2 && parsed.data.checked === true);
    const wrong = parseForm(referenceFormSchema, { slot: '3', checked: 'maybe' });
    assert.ok(!wrong.ok);
    assert.deepEqual(Object.keys(wrong.fieldErrors).sort(), ['checked', 'slot']);
  });

  it('when the organisation validity is empty, then it means "follow the municipality"; 0 and 61 are refused', () => {
    const empty = parseForm(vettingPolicySchema, { validityMonths: '' });
    assert.ok(empty.ok && empty.data.validityMonths === undefined);
    for (const months of ['0', '61', '1.5'])
      assert.ok(!parseForm(vettingPolicySchema, { validityMonths: months }).ok);
  });

  it('when the declaration is not ticked, then it asks for the tick', () => {
    const result = parseForm(declarationSchema, {});
    assert.ok(!result.ok);
    assert.equal(result.fieldErrors.confirm, 'vetting.declaration.confirmRequired');
  });
});
