import assert from 'node:assert/strict';
import {
  mayMoveMembership,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
} from '../../../src/components/organisations/membership-rules.js';

type From = MembershipStatus | undefined;

// Every pair of states: the allowed moves are listed, everything else is refused.
const ALLOWED: Array<[From, MembershipStatus]> = [
  [undefined, 'requested'],
  [undefined, 'active'],
  ['requested', 'active'],
  ['requested', 'declined'],
  ['requested', 'left'],
  ['active', 'left'],
  ['active', 'removed'],
  ['declined', 'requested'],
  ['declined', 'active'],
  ['left', 'requested'],
  ['left', 'active'],
  ['removed', 'requested'],
  ['removed', 'active'],
];

describe('membership transitions', () => {
  const froms: From[] = [undefined, ...MEMBERSHIP_STATUSES];
  for (const from of froms) {
    for (const to of MEMBERSHIP_STATUSES) {
      const expected = ALLOWED.some(([a, b]) => a === from && b === to);
      it(`when a membership ${from ? `is ${from}` : 'does not exist'} and moves to ${to}, then it is ${expected ? 'allowed' : 'refused'}`, () => {
        assert.equal(mayMoveMembership(from, to), expected);
      });
    }
  }
});
