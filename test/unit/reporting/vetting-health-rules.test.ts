import assert from 'node:assert/strict';
import { standingOf, vettingHealth } from '../../../src/components/reporting/vetting-health-rules.js';

const NOW = new Date('2026-06-01T10:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000);

describe('vetting health', () => {
  it('when a certificate runs out within the warning window, then it is expiring; after, valid; before now, expired', () => {
    assert.equal(standingOf(inDays(61), NOW, 60), 'valid');
    assert.equal(standingOf(inDays(60), NOW, 60), 'expiring');
    assert.equal(standingOf(inDays(0), NOW, 60), 'expiring');
    assert.equal(standingOf(inDays(-1), NOW, 60), 'expired');
    assert.equal(standingOf(undefined, NOW, 60), 'none');
  });

  it('when a person is a member of two organisations, then each counts them, and the person counts once by the best', () => {
    const health = vettingHealth(
      ['a', 'b'],
      [
        { organisationId: 'a', userId: 'p1' },
        { organisationId: 'b', userId: 'p1' },
        { organisationId: 'a', userId: 'p2' },
        { organisationId: 'x', userId: 'p3' },
      ],
      [
        { organisationId: 'a', userId: 'p1', validUntil: inDays(-10) },
        { organisationId: 'b', userId: 'p1', validUntil: inDays(20) },
        { organisationId: 'x', userId: 'p3', validUntil: inDays(200) },
      ],
      NOW,
      60,
    );
    assert.deepEqual(health.people, { valid: 0, expiring: 1, expired: 0, none: 1, total: 2 });
    assert.deepEqual(health.organisations, [
      { organisationId: 'a', members: 2, counts: { valid: 0, expiring: 0, expired: 1, none: 1 } },
      { organisationId: 'b', members: 1, counts: { valid: 0, expiring: 1, expired: 0, none: 0 } },
    ]);
  });

  it('when a certificate belongs to another organisation than the membership, then it does not count for it', () => {
    const health = vettingHealth(
      ['a'],
      [{ organisationId: 'a', userId: 'p1' }],
      [{ organisationId: 'b', userId: 'p1', validUntil: inDays(300) }],
      NOW,
      60,
    );
    assert.deepEqual(health.people, { valid: 0, expiring: 0, expired: 0, none: 1, total: 1 });
  });
});
