import assert from 'node:assert/strict';
import { criteriaOf, detailsWithoutChildValues } from '../../../src/shared/audit/index.js';

describe('audit details: criteria by name, never the child’s values', () => {
  it('when factors are named in any order, then they are listed in the fixed order, unused ones left out', () => {
    assert.deepEqual(criteriaOf({ interests: true, age: true, network: false, distance: true }), {
      factors: ['age', 'distance', 'interests'],
    });
  });

  it('when a listing stored the request by value, then its criteria become the names of the factors used', () => {
    const cleaned = detailsWithoutChildValues('candidates.list', {
      criteria: {
        age: 10,
        postcode: '9490',
        interests: ['fodbold'],
        homeLanguages: [],
        adultGender: 'female',
      },
      page: 2,
    });
    assert.deepEqual(cleaned, {
      criteria: { factors: ['age', 'distance', 'interests', 'adult-gender'] },
      page: 2,
    });
  });

  it('when details are already clean, or belong to another action, then there is nothing to clean', () => {
    assert.equal(detailsWithoutChildValues('candidates.list', { criteria: { factors: ['age'] } }), undefined);
    assert.equal(
      detailsWithoutChildValues('request.list', { criteria: { responsible: 'self', statuses: ['open'] } }),
      undefined,
    );
    assert.equal(detailsWithoutChildValues('followup.answered', { audience: 'family' }), undefined);
    assert.equal(detailsWithoutChildValues('candidates.search', undefined), undefined);
  });

  it('when a follow-up answer was stored, then it is dropped and the rest kept', () => {
    assert.deepEqual(detailsWithoutChildValues('followup.answered', { worry: false, audience: 'family' }), {
      audience: 'family',
    });
  });

  it('when the clean result is cleaned again, then nothing changes', () => {
    const once = detailsWithoutChildValues('candidates.search', {
      criteria: { interest: 'skak', weekday: 3 },
      found: 1,
    });
    assert.deepEqual(once, { criteria: { factors: ['interests', 'schedule'] }, found: 1 });
    assert.equal(detailsWithoutChildValues('candidates.search', once), undefined);
  });
});
