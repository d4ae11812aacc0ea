import assert from 'node:assert/strict';
import { ROLES, type Role } from '../../../src/components/accounts/index.js';
import {
  askNamesChild,
  isDueReminder,
  MATCH_ACTIONS,
  MATCH_STATES,
  transition,
  type Acceptances,
  type MatchAction,
  type MatchState,
} from '../../../src/components/requests/match-rules.js';

// The whole state machine written out: [from, action, who] → the states appended. Anything not listed
// must be refused. A change to the lifecycle must change this table.
// 'any': whichever side has accepted so far does not matter to this move.
const ALLOWED: Array<[MatchState, MatchAction, Role, Acceptances | 'any', MatchState[]]> = [
  ['proposed', 'accept-org', 'coordinator', { org: false, own: false }, []],
  ['proposed', 'accept-org', 'coordinator', { org: false, own: true }, ['accepted', 'awaiting-consent']],
  ['proposed', 'accept-own', 'volunteer', { org: false, own: false }, []],
  ['proposed', 'accept-own', 'volunteer', { org: true, own: false }, ['accepted', 'awaiting-consent']],
  ['proposed', 'decline-org', 'coordinator', 'any', ['declined']],
  ['proposed', 'decline-own', 'volunteer', 'any', ['declined']],
  ['proposed', 'close', 'social-worker', 'any', ['closed']],
  ['awaiting-consent', 'activate', 'social-worker', 'any', ['active']],
  ['awaiting-consent', 'close', 'social-worker', 'any', ['closed']],
  ['active', 'pause', 'social-worker', 'any', ['paused']],
  ['active', 'close', 'social-worker', 'any', ['closed']],
  ['paused', 'resume', 'social-worker', 'any', ['active']],
  ['paused', 'close', 'social-worker', 'any', ['closed']],
];

const ACCEPTANCES: Acceptances[] = [
  { org: false, own: false },
  { org: true, own: false },
  { org: false, own: true },
  { org: true, own: true },
];

function expected(state: MatchState, action: MatchAction, role: Role, acceptances: Acceptances) {
  return ALLOWED.find(
    ([s, a, r, acc]) =>
      s === state &&
      a === action &&
      r === role &&
      (acc === 'any' || (acc.org === acceptances.org && acc.own === acceptances.own)),
  )?.[4];
}

// Acceptances only mean something while proposed; elsewhere both sides have accepted (or it ended).
const acceptancesFor = (state: MatchState) =>
  state === 'proposed' ? ACCEPTANCES.slice(0, 3) : [{ org: true, own: true }];

describe('match rules: every state × action × role', () => {
  for (const state of MATCH_STATES) {
    for (const action of MATCH_ACTIONS) {
      for (const role of ROLES) {
        for (const acceptances of acceptancesFor(state)) {
          const states = expected(state, action, role, acceptances);
          const label = `${acceptances.org ? 'org✓' : 'org·'}${acceptances.own ? 'own✓' : 'own·'}`;
          it(`when ${role} does ${action} on a ${state} match (${label}), then it is ${states ? `→ [${states.join(', ')}]` : 'refused'}`, () => {
            const result = transition(state, action, role, acceptances);
            if (states) {
              assert.ok(result.ok, JSON.stringify(result));
              assert.deepEqual(result.states, states);
            } else {
              assert.equal(result.ok, false);
            }
          });
        }
      }
    }
  }

  it('when a side accepts twice, then the second is refused as already done', () => {
    assert.deepEqual(transition('proposed', 'accept-org', 'coordinator', { org: true, own: false }), {
      ok: false,
      why: 'already',
    });
  });

  it('when the wrong role tries a move, then the reason is the role, before the state', () => {
    assert.deepEqual(transition('closed', 'pause', 'volunteer'), { ok: false, why: 'role' });
    assert.deepEqual(transition('closed', 'pause', 'social-worker'), { ok: false, why: 'state' });
  });

  it('when a consent ends, then only the application pauses an active match, and claims a step that changes nothing on one waiting or paused', () => {
    assert.deepEqual(transition('active', 'consent-ended', 'system'), {
      ok: true,
      states: ['paused'],
      acceptances: { org: false, own: false },
    });
    for (const state of ['awaiting-consent', 'paused'] as const)
      assert.deepEqual(transition(state, 'consent-ended', 'system'), {
        ok: true,
        states: [],
        acceptances: { org: false, own: false },
      });
    for (const state of MATCH_STATES.filter((one) => !['active', 'awaiting-consent', 'paused'].includes(one)))
      assert.equal(transition(state, 'consent-ended', 'system').ok, false, state);
  });

  it('when a start is given back, then an active match returns to waiting for consent or to paused, as the start came', () => {
    const fromActivate = transition('active', 'start-reverted', 'system');
    assert.deepEqual(fromActivate.ok && fromActivate.states, ['awaiting-consent']);
    const fromResume = transition('active', 'start-reverted', 'system', { org: true, own: true }, 'paused');
    assert.deepEqual(fromResume.ok && fromResume.states, ['paused']);
    for (const state of MATCH_STATES.filter((one) => one !== 'active'))
      assert.equal(transition(state, 'start-reverted', 'system').ok, false, state);
    assert.equal(transition('active', 'start-reverted', 'social-worker').ok, false);
  });

  it('when a volunteer leaves, then every live match of theirs closes, and ended ones stay as they are', () => {
    for (const state of ['proposed', 'accepted', 'awaiting-consent', 'active', 'paused'] as const)
      assert.deepEqual(
        transition(state, 'volunteer-left', 'system').ok && transition(state, 'volunteer-left', 'system'),
        {
          ok: true,
          states: ['closed'],
          acceptances: { org: false, own: false },
        },
      );
    assert.equal(transition('closed', 'volunteer-left', 'system').ok, false);
    assert.equal(transition('declined', 'volunteer-left', 'system').ok, false);
    assert.equal(transition('active', 'close', 'system').ok, false);
  });

  it('when the second side accepts, then both acceptances are recorded', () => {
    const result = transition('proposed', 'accept-own', 'volunteer', { org: true, own: false });
    assert.ok(result.ok);
    assert.deepEqual(result.acceptances, { org: true, own: true });
  });
});

describe('match rules: reminders', () => {
  const proposedAt = new Date('2026-03-01T10:00:00Z');
  it('when a proposal has waited five days or less, then no reminder is due', () => {
    assert.equal(isDueReminder({ state: 'proposed', proposedAt }, new Date('2026-03-06T10:00:00Z')), false);
  });
  it('when a proposal has waited more than five days, then a reminder is due', () => {
    assert.equal(isDueReminder({ state: 'proposed', proposedAt }, new Date('2026-03-06T10:01:00Z')), true);
  });
  it('when the match has moved on, then no reminder is due', () => {
    assert.equal(isDueReminder({ state: 'declined', proposedAt }, new Date('2026-04-01T00:00:00Z')), false);
  });
});

describe('the ask text and the alias', () => {
  it('when the ask text names the child by the alias in any case, then it is refused', () => {
    assert.equal(askNamesChild('Tag M. med til gymnastik om tirsdagen', 'M.'), true);
    assert.equal(askNamesChild('Lad jonas være med i værkstedet', 'Jonas'), true);
    assert.equal(askNamesChild('Hjælp Zelda, og spil med', ' zelda '), true);
  });
  it('when the alias is only part of another word, then the text is accepted', () => {
    assert.equal(askNamesChild('Tag barnet med til Idrætsforeningen', 'Ida'), false);
    assert.equal(askNamesChild('Hjælp med lektierne', 'Ole'), false);
    assert.equal(askNamesChild('Tag barnet med til Ålborg-løbet', 'Å'), false);
  });
});
