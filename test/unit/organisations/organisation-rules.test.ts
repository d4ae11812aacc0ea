import assert from 'node:assert/strict';
import {
  activeIn,
  decide,
  isValidCvr,
  mayDecide,
  overallStatus,
  type Approval,
  type ApprovalDecision,
} from '../../../src/components/organisations/organisation-rules.js';

const at = new Date('2026-11-22T12:00:00Z');
const approvals = (...decisions: Array<[string, ApprovalDecision]>): Approval[] =>
  decisions.map(([municipalityCode, decision]) => ({ municipalityCode, decision }));

describe('organisation rules', () => {
  it('when a CVR number passes the modulus-11 check, then it is valid; other eight-digit numbers are not', () => {
    // 2·1+7·0+6·0+5·0+4·0+3·0+2·0+1·9 = 11 → valid; changing any digit breaks it.
    for (const valid of ['10000009', '10150817', '25313763']) assert.equal(isValidCvr(valid), true, valid);
    for (const invalid of [
      '10000008',
      '12345678',
      '1000000',
      '100000009',
      '0000000',
      '01234567',
      'abcdefgh',
      '',
    ])
      assert.equal(isValidCvr(invalid), false, invalid);
  });

  const steps: Array<[ApprovalDecision, ApprovalDecision, boolean]> = [
    ['pending', 'approved', true],
    ['pending', 'rejected', true],
    ['pending', 'suspended', false],
    ['approved', 'suspended', true],
    ['approved', 'rejected', false],
    ['approved', 'approved', false],
    ['rejected', 'approved', true],
    ['rejected', 'suspended', false],
    ['suspended', 'approved', true],
    ['suspended', 'rejected', false],
  ];
  for (const [from, to, allowed] of steps) {
    it(`when an organisation is ${from}, then ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
      assert.equal(mayDecide(from, to), allowed);
    });
  }

  it('when one municipality decides, then only its own approval changes, with who and when', () => {
    const next = decide(approvals(['0849', 'pending'], ['0101', 'pending']), {
      municipalityCode: '0849',
      to: 'approved',
      by: 'admin-a',
      at,
    });
    assert.deepEqual(next, [
      {
        municipalityCode: '0849',
        decision: 'approved',
        reason: undefined,
        decidedBy: 'admin-a',
        decidedAt: at,
      },
      { municipalityCode: '0101', decision: 'pending' },
    ]);
  });

  it('when a municipality the organisation does not work in decides, then nothing happens', () => {
    assert.equal(
      decide(approvals(['0849', 'pending']), { municipalityCode: '0101', to: 'approved', by: 'b', at }),
      undefined,
    );
  });

  it('when rejecting or suspending without a reason, then it is refused', () => {
    assert.equal(
      decide(approvals(['0849', 'pending']), { municipalityCode: '0849', to: 'rejected', by: 'a', at }),
      undefined,
    );
    assert.equal(
      decide(approvals(['0849', 'approved']), {
        municipalityCode: '0849',
        to: 'suspended',
        reason: '  ',
        by: 'a',
        at,
      }),
      undefined,
    );
    assert.equal(
      decide(approvals(['0849', 'pending']), {
        municipalityCode: '0849',
        to: 'rejected',
        reason: ' Ikke en forening ',
        by: 'a',
        at,
      })?.[0]?.reason,
      'Ikke en forening',
    );
  });

  it('when approvals differ between municipalities, then the overall status and where it is active follow', () => {
    assert.equal(overallStatus(approvals(['a', 'pending'], ['b', 'approved'])), 'approved');
    assert.equal(overallStatus(approvals(['a', 'pending'], ['b', 'rejected'])), 'pending');
    assert.equal(overallStatus(approvals(['a', 'suspended'], ['b', 'rejected'])), 'suspended');
    assert.equal(overallStatus(approvals(['a', 'rejected'])), 'rejected');
    assert.deepEqual(activeIn(approvals(['a', 'approved'], ['b', 'suspended'], ['c', 'approved'])), [
      'a',
      'c',
    ]);
  });
});
