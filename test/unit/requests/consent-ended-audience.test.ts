import assert from 'node:assert/strict';
import { consentEndedAudience } from '../../../src/components/requests/match-rules.js';

describe('matching rules: whom a consent ending tells besides the social worker', () => {
  const both = { recipients: ['organisation', 'adult'], fields: ['alias', 'age'] };

  it('when the ending paused an active match, then the coordinators and the volunteer hear that it is paused', () => {
    assert.deepEqual(consentEndedAudience({ paused: true, stateNow: 'paused', ...both }), {
      organisation: 'consent-paused',
      adult: 'consent-paused',
    });
  });

  it('when the match was paused already, then nobody besides the social worker is told again', () => {
    assert.deepEqual(consentEndedAudience({ paused: false, stateNow: 'paused', ...both }), {});
  });

  it('when a match not yet active loses a consent that named them, then exactly those it named hear of the change', () => {
    for (const stateNow of ['proposed', 'accepted', 'awaiting-consent'] as const) {
      assert.deepEqual(consentEndedAudience({ paused: false, stateNow, ...both }), {
        organisation: 'consent-changed',
        adult: 'consent-changed',
      });
      assert.deepEqual(
        consentEndedAudience({ paused: false, stateNow, recipients: ['adult'], fields: ['age'] }),
        { adult: 'consent-changed' },
      );
    }
  });

  it('when the ended consent shared nothing, or the recipients are unknown (the repair path), then nobody else is told', () => {
    const awaiting = { paused: false, stateNow: 'awaiting-consent' as const };
    assert.deepEqual(consentEndedAudience({ ...awaiting, recipients: ['organisation'], fields: [] }), {});
    assert.deepEqual(consentEndedAudience(awaiting), {});
    assert.deepEqual(consentEndedAudience({ paused: false, stateNow: 'closed', ...both }), {});
  });
});
