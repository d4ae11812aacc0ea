import assert from 'node:assert/strict';
import { DEFAULT_RULES } from '../../../src/components/consent/index.js';
import {
  consentSituation,
  matchCaseState,
  requestCaseState,
  type ConsentFact,
  type MatchEvent,
  type MatchFacts,
} from '../../../src/components/requests/case-state-rules.js';
import { wordingFor } from '../../../src/components/requests/case-state-wording.js';
import { transition } from '../../../src/components/requests/match-rules.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const later = new Date(NOW.getTime() + 300 * DAY);
const earlier = new Date(NOW.getTime() - 2 * DAY);

function guardian(initials: string, overrides: Partial<ConsentFact> = {}): ConsentFact {
  return {
    consentId: initials,
    consenter: 'guardian',
    initials,
    custody: 'joint',
    purposes: ['share-details', 'take-part'],
    recipients: ['organisation', 'adult'],
    fields: ['alias'],
    validUntil: later,
    withdrawnAt: null,
    ...overrides,
  };
}

const situation = (consents: ConsentFact[], age = 10) => consentSituation(consents, DEFAULT_RULES, age, NOW);
const both = () => [guardian('AB'), guardian('CD')];
const withdrawnSecond = () => [
  guardian('AB'),
  guardian('CD', { withdrawnAt: earlier, withdrawalHow: 'link' }),
];

function facts(overrides: Partial<MatchFacts> = {}): MatchFacts {
  return {
    state: 'proposed',
    acceptedByOrg: false,
    acceptedByVolunteer: false,
    history: [{ state: 'proposed', role: 'social-worker' }],
    consent: situation([]),
    vettingRunOut: false,
    ...overrides,
  };
}

const ran: MatchEvent[] = [
  { state: 'proposed', role: 'social-worker' },
  { state: 'accepted', role: 'volunteer' },
  { state: 'awaiting-consent', role: 'volunteer' },
  { state: 'active', role: 'social-worker' },
];

describe('case state rules', () => {
  describe('the consent situation, read from the ledger', () => {
    it('when nothing was ever recorded, then a parent is missing and nothing has ended', () => {
      const result = situation([]);
      assert.equal(result.complete, false);
      assert.deepEqual(result.missing, ['guardian']);
      assert.equal(result.ended, undefined);
      assert.equal(result.everGiven, false);
    });

    it('when both guardians with joint custody consent, then it is complete', () => {
      assert.equal(situation(both()).complete, true);
      assert.deepEqual(situation(both()).missing, []);
    });

    it('when one of two guardians consented, then the other parent is missing, not "not yet given"', () => {
      const result = situation([guardian('AB')]);
      assert.deepEqual(result.missing, ['second-guardian']);
      assert.equal(result.ended, undefined);
    });

    it('when a guardian withdrew, then the situation says withdrawn, never merely missing', () => {
      const result = situation(withdrawnSecond());
      assert.equal(result.complete, false);
      assert.equal(result.ended, 'withdrawn');
      assert.equal(result.everGiven, true);
    });

    it('when a consent ran out (by date or marked expired), then it says expired', () => {
      assert.equal(situation([guardian('AB'), guardian('CD', { validUntil: earlier })]).ended, 'expired');
      assert.equal(
        situation([guardian('AB'), guardian('CD', { withdrawnAt: earlier, withdrawalHow: 'expired' })]).ended,
        'expired',
      );
    });

    it('when an ended consent was replaced by a new one, then the ending is history, not the situation', () => {
      const result = situation([...withdrawnSecond(), guardian('CD', { consentId: 'CD2' })]);
      assert.equal(result.complete, true);
      assert.equal(result.ended, undefined);
    });

    it('when the child is old enough, then a missing own consent is a warning, not a block', () => {
      const result = situation(both(), 16);
      assert.equal(result.complete, true);
      assert.equal(result.youthWarning, true);
    });
  });

  describe('a match', () => {
    it('when proposed, then it waits for both answers and tells which side has answered', () => {
      const state = matchCaseState(facts({ acceptedByOrg: true }));
      assert.equal(state.state, 'proposed');
      assert.deepEqual(state.answers, { org: true, own: false });
      assert.equal(state.next, 'await-answers');
    });

    it('when accepted by both (stored as awaiting consent) and nothing recorded, then it waits for consent', () => {
      const state = matchCaseState(facts({ state: 'awaiting-consent', history: ran.slice(0, 3) }));
      assert.equal(state.state, 'waiting-for-consent');
      assert.deepEqual(state.missing, ['guardian']);
      assert.equal(state.next, 'record-consent');
    });

    it('when only the transient accepted state is stored, then it is accepted and asks for consent', () => {
      assert.equal(matchCaseState(facts({ state: 'accepted' })).state, 'accepted');
      assert.equal(matchCaseState(facts({ state: 'accepted' })).next, 'record-consent');
    });

    it('when both guardians consented, then it is ready to start (not "waiting") and Start is the next step', () => {
      const state = matchCaseState(facts({ state: 'awaiting-consent', consent: situation(both()) }));
      assert.equal(state.state, 'ready-to-start');
      assert.equal(state.next, 'start');
      assert.deepEqual(state.missing, []);
    });

    it('when ready but the young person has not consented, then the start goes through the consent page', () => {
      const state = matchCaseState(facts({ state: 'awaiting-consent', consent: situation(both(), 16) }));
      assert.equal(state.state, 'ready-to-start');
      assert.equal(state.next, 'start-with-acknowledgement');
    });

    it('when a guardian withdrew before the start, then it waits for consent and says withdrawn', () => {
      const state = matchCaseState(
        facts({ state: 'awaiting-consent', consent: situation(withdrawnSecond()) }),
      );
      assert.equal(state.state, 'waiting-for-consent');
      assert.equal(state.consentEnded, 'withdrawn');
      assert.deepEqual(state.missing, ['second-guardian']);
    });

    it('when active, then the next step is its follow-up plan', () => {
      const state = matchCaseState(facts({ state: 'active', history: ran, consent: situation(both()) }));
      assert.equal(state.state, 'active');
      assert.equal(state.next, 'follow-up');
      assert.equal(state.everActive, true);
    });

    it('when active and the børneattest ran out, then it stays active, flagged, and renewal is the next step', () => {
      const state = matchCaseState(
        facts({ state: 'active', history: ran, consent: situation(both()), vettingRunOut: true }),
      );
      assert.equal(state.state, 'active');
      assert.equal(state.vettingRunOut, true);
      assert.equal(state.next, 'renew-vetting');
    });

    describe('paused', () => {
      const pausedBy = (event: MatchEvent, consents: ConsentFact[], more: Partial<MatchFacts> = {}) =>
        matchCaseState(
          facts({ state: 'paused', history: [...ran, event], consent: situation(consents), ...more }),
        );
      const consentEnded: MatchEvent = { state: 'paused', role: 'system', reason: 'consent-ended' };

      it('when after a withdrawal, then paused (withdrawal), resume is not offered, what is missing is named', () => {
        const state = pausedBy(consentEnded, withdrawnSecond());
        assert.equal(state.state, 'paused');
        assert.equal(state.why, 'withdrawal');
        assert.equal(state.next, 'renew-consent');
        assert.equal(state.consentEnded, 'withdrawn');
        assert.deepEqual(state.missing, ['second-guardian']);
      });

      it('when the consent expired, then paused (consent expired)', () => {
        assert.equal(
          pausedBy(consentEnded, [guardian('AB'), guardian('CD', { validUntil: earlier })]).why,
          'consent-expired',
        );
      });

      it('when paused by hand with consent complete, then paused (by hand) and Resume is offered', () => {
        const state = pausedBy({ state: 'paused', role: 'social-worker' }, both());
        assert.equal(state.why, 'by-hand');
        assert.equal(state.next, 'resume');
      });

      it('when consent is complete again after a withdrawal, then Resume is offered', () => {
        const state = pausedBy(consentEnded, [...withdrawnSecond(), guardian('CD', { consentId: 'CD2' })]);
        assert.equal(state.why, 'withdrawal');
        assert.equal(state.next, 'resume');
      });

      it('when a resume was given back for missing consent, then the reason stays the earlier withdrawal', () => {
        const state = matchCaseState(
          facts({
            state: 'paused',
            history: [
              ...ran,
              consentEnded,
              { state: 'active', role: 'social-worker' },
              { state: 'paused', role: 'system', reason: 'consent-incomplete' },
            ],
            consent: situation(withdrawnSecond()),
          }),
        );
        assert.equal(state.why, 'withdrawal');
        assert.equal(state.next, 'renew-consent');
      });

      it('when consent is complete but the børneattest ran out, then resume is not offered', () => {
        const state = pausedBy({ state: 'paused', role: 'social-worker' }, both(), { vettingRunOut: true });
        assert.equal(state.next, 'renew-vetting');
      });
    });

    it('when closed, then closed with its reason; when declined, closed as declined', () => {
      const closed = matchCaseState(facts({ state: 'closed', history: ran, closeReason: 'goal-reached' }));
      assert.equal(closed.state, 'closed');
      assert.equal(closed.why, 'goal-reached');
      assert.equal(closed.next, 'find-candidates');
      assert.equal(matchCaseState(facts({ state: 'declined' })).why, 'declined');
    });

    it('when a proposal was withdrawn, then closed with the withdrawal reason, never having run', () => {
      const state = matchCaseState(facts({ state: 'closed', closeReason: 'found-other-help' }));
      assert.equal(state.why, 'found-other-help');
      assert.equal(state.everActive, false);
    });

    it('follows one match through the lifecycle: propose, accept, consent, start, withdrawal, close', () => {
      // Each stored state comes from the one before by the lifecycle's own move (match-rules).
      const steps: Array<
        [Parameters<typeof transition>[1], Parameters<typeof transition>[2], ConsentFact[], string]
      > = [
        ['accept-own', 'volunteer', [], 'proposed'],
        ['accept-org', 'coordinator', [], 'waiting-for-consent'],
        ['consent-ended', 'system', [guardian('AB')], 'waiting-for-consent'],
        ['consent-ended', 'system', both(), 'ready-to-start'],
        ['activate', 'social-worker', both(), 'active'],
        ['consent-ended', 'system', withdrawnSecond(), 'paused'],
        ['close', 'social-worker', withdrawnSecond(), 'closed'],
      ];
      let stored: MatchFacts['state'] = 'proposed';
      let acceptances = { org: false, own: false };
      for (const [action, role, consents, expected] of steps) {
        const moved = transition(stored, action, role, acceptances);
        assert.ok(moved.ok, `${action} from ${stored}`);
        stored = moved.states.at(-1) ?? stored;
        acceptances = moved.acceptances;
        const state = matchCaseState(
          facts({
            state: stored,
            history: [...ran, { state: 'paused', role: 'system', reason: 'consent-ended' }],
            consent: situation(consents),
            closeReason: 'family-withdrew',
          }),
        );
        assert.equal(state.state, expected, `after ${action}`);
      }
    });
  });

  describe('the request', () => {
    const stateOf = (state: MatchFacts['state'], consents: ConsentFact[] = [], history = ran) =>
      matchCaseState(
        facts({
          state,
          history:
            state === 'paused'
              ? [...history, { state: 'paused', role: 'system', reason: 'consent-ended' }]
              : history,
          consent: situation(consents),
        }),
      );

    it('when no one was ever proposed, then new; when earlier proposals ended, then looking', () => {
      assert.equal(requestCaseState('open', []).state, 'new');
      assert.equal(requestCaseState('open', [stateOf('declined')]).state, 'looking');
      assert.equal(requestCaseState('open', []).next, 'find-candidates');
    });

    it('when a match is active, then the request has an adult', () => {
      const result = requestCaseState('matched', [stateOf('closed'), stateOf('active', both())]);
      assert.equal(result.state, 'active');
      assert.equal(result.hasAdult, true);
    });

    it('when the only match is paused after a withdrawal, then the request does NOT have an adult', () => {
      const result = requestCaseState('matched', [stateOf('paused', withdrawnSecond())]);
      assert.equal(result.state, 'paused');
      assert.equal(result.why, 'withdrawal');
      assert.equal(result.hasAdult, false);
    });

    it('when consent is complete on the waiting match, then the request is ready to start', () => {
      const result = requestCaseState('matched', [stateOf('proposed'), stateOf('awaiting-consent', both())]);
      assert.equal(result.state, 'ready-to-start');
      assert.equal(result.next, 'start');
    });

    it('when the request is closed, then it is closed whatever its matches say', () => {
      assert.equal(requestCaseState('closed', [stateOf('active', both())]).state, 'closed');
    });
  });

  describe('wording per audience', () => {
    const paused = () =>
      matchCaseState(
        facts({
          state: 'paused',
          history: [...ran, { state: 'paused', role: 'system', reason: 'consent-ended' }],
          consent: situation(withdrawnSecond()),
          vettingRunOut: true,
        }),
      );

    it('when paused after a withdrawal, then every audience reads "withdrawn", none "not yet given"', () => {
      for (const audience of ['socialWorker', 'coordinator', 'volunteer', 'family'] as const) {
        const wording = wordingFor(paused(), audience);
        assert.equal(wording.key, `caseState.${audience}.paused.withdrawal`);
        assert.ok(wording.details.includes(`caseState.${audience}.consentEnded.withdrawn`));
        assert.ok(!JSON.stringify(wording).includes('notYetAgreed'));
        assert.equal(wording.flag, `caseState.${audience}.vettingRunOut`);
      }
    });

    it('when a guardian is missing, then only the social worker reads which one', () => {
      const waiting = matchCaseState(
        facts({ state: 'awaiting-consent', consent: situation([guardian('AB')]) }),
      );
      assert.deepEqual(wordingFor(waiting, 'socialWorker').details, ['caseState.missing.second-guardian']);
      assert.deepEqual(wordingFor(waiting, 'volunteer').details, []);
    });

    it('when closed, then the reason is named from its own list', () => {
      const withdrawn = matchCaseState(facts({ state: 'closed', closeReason: 'found-other-help' }));
      assert.deepEqual(wordingFor(withdrawn, 'coordinator').details, [
        'caseState.withdrawReasons.found-other-help',
      ]);
      const ended = matchCaseState(facts({ state: 'closed', history: ran, closeReason: 'goal-reached' }));
      assert.deepEqual(wordingFor(ended, 'socialWorker').details, ['matching.closeReasons.goal-reached']);
    });
  });
});
