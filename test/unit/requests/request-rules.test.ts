import assert from 'node:assert/strict';
import {
  ageFrom,
  caseRefProblem,
  isChildBirth,
  looksLikeCpr,
  mayChangeRequest,
} from '../../../src/components/requests/request-rules.js';
import { normaliseTags } from '../../../src/shared/http/index.js';
import { requestSchema } from '../../../src/components/requests/request-schemas.js';

describe('request rules', () => {
  describe('age from birth year and month', () => {
    const cases: Array<[number, number, string, number]> = [
      [2015, 3, '2026-03-01T12:00:00Z', 11],
      [2015, 3, '2026-02-28T12:00:00Z', 10],
      [2015, 12, '2026-11-30T12:00:00Z', 10],
      [2015, 12, '2026-12-01T12:00:00Z', 11],
      [2026, 1, '2026-01-15T12:00:00Z', 0],
      [2009, 6, '2026-06-01T00:00:00Z', 17],
    ];
    for (const [year, month, now, age] of cases) {
      it(`when born ${month}/${year} and today is ${now.slice(0, 10)}, then the child is ${age}`, () => {
        assert.equal(ageFrom(year, month, new Date(now)), age);
      });
    }
    it('when the birth is in the future, 18 or more years ago, or the month is not 1–12, then it is no child', () => {
      const now = new Date('2026-06-15T00:00:00Z');
      assert.equal(isChildBirth(2026, 7, now), false);
      assert.equal(isChildBirth(2008, 6, now), false);
      assert.equal(isChildBirth(2015, 13, now), false);
      assert.equal(isChildBirth(2015, 0, now), false);
      assert.equal(isChildBirth(2026, 6, now), true);
    });
  });

  describe('pseudonymous case reference', () => {
    for (const cpr of ['010203-1234', '0102031234', 'Sag 010203 1234', 'x010203-1234y']) {
      it(`when the reference is "${cpr}", then it is refused as a CPR number`, () => {
        assert.equal(looksLikeCpr(cpr), true);
        assert.equal(caseRefProblem(cpr), 'cpr');
      });
    }
    for (const name of ['Emma Jensen', 'Ali Hassan Ahmed']) {
      it(`when the reference is "${name}", then it is refused as a name`, () => {
        assert.equal(caseRefProblem(name), 'name');
      });
    }
    for (const ok of ['SAG-2026-00412', '27.12.08-G01-1234-26', 'BUF 4411', '12345678901', 'emma']) {
      it(`when the reference is "${ok}", then it is accepted`, () => {
        assert.equal(caseRefProblem(ok), undefined);
      });
    }
  });

  describe('who changes a request', () => {
    const base = { actorId: 'a', responsibleId: 'a', responsibleActive: true };
    it('when the actor is responsible, then every change is theirs', () => {
      for (const change of ['edit', 'transfer', 'close'] as const)
        assert.equal(mayChangeRequest(base, change), true);
    });
    it('when a colleague asks, then only a transfer of an orphaned request is allowed', () => {
      const colleague = { ...base, actorId: 'b' };
      for (const change of ['edit', 'transfer', 'close'] as const)
        assert.equal(mayChangeRequest(colleague, change), false);
      assert.equal(mayChangeRequest({ ...colleague, responsibleActive: false }, 'transfer'), true);
      assert.equal(mayChangeRequest({ ...colleague, responsibleActive: false }, 'edit'), false);
    });
  });

  it('when tags are typed loosely, then they are trimmed, lower case and unique', () => {
    assert.deepEqual(normaliseTags(' Fodbold, fodbold ,  Lektie   hjælp,,'), ['fodbold', 'lektie hjælp']);
  });

  describe('the form', () => {
    const minimal = {
      caseRef: 'SAG-1',
      birthYear: '2015',
      birthMonth: '3',
      postcode: '9490',
      preventsStep: 'family-support',
    };
    it('when only the four essentials are given, then the request is valid with defaults', () => {
      const parsed = requestSchema.safeParse(minimal);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      assert.equal(parsed.data.expectedMonths, 12);
      assert.equal(parsed.data.noFaithCommunity, false);
      assert.deepEqual(parsed.data.windows, []);
    });
    it('when tenant, responsible worker or status is posted, then the form is refused as tampered', () => {
      for (const field of ['municipalityCode', 'responsibleId', 'status']) {
        const parsed = requestSchema.safeParse({ ...minimal, [field]: 'x' });
        assert.equal(parsed.success, false);
        assert.equal(parsed.error?.issues[0]?.code, 'unrecognized_keys');
      }
    });
    it('when a time row is backwards, then that row has a message', () => {
      const parsed = requestSchema.safeParse({ ...minimal, weekday2: '3', from2: '17:00', to2: '16:00' });
      assert.equal(parsed.success, false);
      assert.deepEqual(
        parsed.error?.issues.map((issue) => issue.path[0]),
        ['weekday2'],
      );
    });
  });
});
