import assert from 'node:assert/strict';
import { can, POLICY, type Action } from '../../../src/components/accounts/policy.js';
import { requiresSecondFactor, type Actor, type Role } from '../../../src/components/accounts/roles.js';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ userId: 'u1', role, ...extra });

// The policy written out as a table: a change to who may do what must change this test too.
const WHO_MAY: Record<Action, Array<Role | 'anonymous'>> = {
  public: [
    'anonymous',
    'volunteer',
    'coordinator',
    'social-worker',
    'leader',
    'municipal-admin',
    'platform-admin',
  ],
  'auth:use': [
    'anonymous',
    'volunteer',
    'coordinator',
    'social-worker',
    'leader',
    'municipal-admin',
    'platform-admin',
  ],
  'auth:second-factor': [
    'volunteer',
    'coordinator',
    'social-worker',
    'leader',
    'municipal-admin',
    'platform-admin',
  ],
  'account:manage-own': [
    'volunteer',
    'coordinator',
    'social-worker',
    'leader',
    'municipal-admin',
    'platform-admin',
  ],
  'staff:manage': ['municipal-admin'],
  'municipality:configure': ['municipal-admin'],
  'members:invite': ['coordinator'],
  'members:manage': ['coordinator'],
  'offers:manage': ['coordinator'],
  'volunteer:manage-own': ['volunteer'],
  'vetting:own': ['volunteer'],
  'vetting:record': ['coordinator'],
  'vetting:declare': ['coordinator'],
  'vetting:declarations': ['municipal-admin'],
  'organisations:register': [
    'volunteer',
    'coordinator',
    'social-worker',
    'leader',
    'municipal-admin',
    'platform-admin',
  ],
  'organisations:approve': ['municipal-admin'],
  'requests:work': ['social-worker'],
  'matches:answer-org': ['coordinator'],
  'matches:answer-own': ['volunteer'],
  'matching:configure': ['municipal-admin'],
  'consent:configure': ['municipal-admin'],
  'platform:manage': ['platform-admin'],
  'home:view': ['volunteer', 'coordinator', 'social-worker', 'leader', 'municipal-admin', 'platform-admin'],
  'platform:jobs': ['platform-admin'],
  'followups:checkin-own': ['volunteer'],
  'followups:work': ['social-worker'],
  'followups:overview-org': ['coordinator'],
  'reports:municipality': ['leader', 'municipal-admin'],
  'reports:goals': ['municipal-admin'],
  'reports:organisation': ['coordinator'],
  'reports:own-volunteering': ['volunteer'],
  'caseload:own': ['social-worker'],
  'caseload:team': ['leader', 'municipal-admin'],
};

describe('policy', () => {
  it('when the policy lists its actions, then they are exactly the ones in the table', () => {
    assert.deepEqual(Object.keys(POLICY).sort(), Object.keys(WHO_MAY).sort());
  });

  for (const [action, allowed] of Object.entries(WHO_MAY) as Array<[Action, Array<Role | 'anonymous'>]>) {
    for (const who of [
      'anonymous',
      'volunteer',
      'coordinator',
      'social-worker',
      'leader',
      'municipal-admin',
      'platform-admin',
    ] as const) {
      const expected = allowed.includes(who);
      it(`when ${who} asks for ${action}, then the answer is ${expected ? 'yes' : 'no'}`, () => {
        const subject = who === 'anonymous' ? undefined : actor(who, { municipalityCode: '0849' });
        assert.equal(can(subject, action), expected);
      });
    }
  }

  it('when an administrator acts on another municipality, then the answer is no', () => {
    const adminA = actor('municipal-admin', { municipalityCode: '0849' });
    assert.equal(can(adminA, 'staff:manage', { municipalityCode: '0849' }), true);
    assert.equal(can(adminA, 'staff:manage', { municipalityCode: '0101' }), false);
  });

  it('when a leader reads another municipality, then the answer is no', () => {
    const leader = actor('leader', { municipalityCode: '0849' });
    assert.equal(can(leader, 'reports:municipality', { municipalityCode: '0849' }), true);
    assert.equal(can(leader, 'reports:municipality', { municipalityCode: '0101' }), false);
  });

  it('when a leader is granted, then the second factor is required as for other municipal staff', () => {
    const grant = { role: 'leader' as const, municipalityCode: '0849', active: true, grantedAt: new Date() };
    assert.equal(requiresSecondFactor([grant]), true);
    assert.equal(requiresSecondFactor([{ ...grant, active: false }]), false);
  });

  it("when someone acts on another person's object, then the answer is no", () => {
    assert.equal(can(actor('volunteer'), 'account:manage-own', { ownerId: 'u1' }), true);
    assert.equal(can(actor('volunteer'), 'account:manage-own', { ownerId: 'u2' }), false);
  });

  it('when a coordinator acts on another organisation, then the answer is no', () => {
    const coordinator = actor('coordinator', { organisationId: 'org-a' });
    assert.equal(can(coordinator, 'account:manage-own', { organisationId: 'org-a' }), true);
    assert.equal(can(coordinator, 'account:manage-own', { organisationId: 'org-b' }), false);
  });

  it('when the action is unknown or the check itself throws, then the answer is no (fail closed)', () => {
    assert.equal(can(actor('platform-admin'), 'nonsense' as Action), false);
    const hostile = new Proxy({} as Actor, {
      get: () => {
        throw new Error('boom');
      },
    });
    assert.equal(can(hostile, 'staff:manage'), false);
  });
});
