import assert from 'node:assert/strict';
import { normaliseEmail } from '../../../src/components/accounts/email-address.js';
import { checkPassword, PASSWORD_MAX_BYTES } from '../../../src/components/accounts/password-rules.js';
import { requiresSecondFactor } from '../../../src/components/accounts/roles.js';

describe('password rules', () => {
  const cases: Array<[string, string | undefined]> = [
    ['kort', 'tooShort'],
    ['password123', 'tooCommon'],
    ['Qwerty12345', 'tooCommon'],
    ['Sommer2024!', 'tooCommon'],
    ['correct horse battery staple', undefined],
    ['tre små grise i skoven', undefined],
    ['a'.repeat(64) + 'ø', undefined],
  ];
  for (const [password, expected] of cases) {
    it(`when the password is ${JSON.stringify(password.slice(0, 30))}, then it is ${expected ?? 'accepted'}`, () => {
      assert.equal(checkPassword(password), expected);
    });
  }

  it("when the password is the person's own name or e-mail, then it is refused", () => {
    assert.equal(checkPassword('Frederik Hansen', { name: 'Frederik Hansen' }), 'tooCommon');
    assert.equal(checkPassword('frederik.hansen1', { email: 'frederik.hansen@example.dk' }), 'tooCommon');
  });

  it('when the password is 64 characters or more, then it is allowed (no upper limit below 1 KiB)', () => {
    assert.equal(checkPassword('æ'.repeat(100)), undefined);
  });

  it('when the password is over 1,024 bytes, then it is refused as too long', () => {
    assert.equal(checkPassword('ø'.repeat(PASSWORD_MAX_BYTES / 2 + 1)), 'tooLong');
  });

  it('when composition is plain (no digits or symbols), then that alone is no reason to refuse', () => {
    assert.equal(checkPassword('rugbrød med leverpostej og rødbeder'), undefined);
  });
});

describe('e-mail normalisation', () => {
  it('when an address is typed with capitals, spaces or decomposed letters, then one canonical form results', () => {
    assert.equal(normaliseEmail('  Søren@Example.DK '), 'søren@example.dk');
    assert.equal(
      normaliseEmail('So\u0308ren@example.dk'.normalize('NFD')),
      normaliseEmail('Sören@example.dk'),
    );
  });
});

describe('second factor requirement', () => {
  it('when someone holds an active staff role, then a second factor is required', () => {
    const grant = (role: 'volunteer' | 'social-worker', active = true) => ({
      role,
      active,
      grantedAt: new Date(),
    });
    assert.equal(requiresSecondFactor([grant('volunteer')]), false);
    assert.equal(requiresSecondFactor([grant('volunteer'), grant('social-worker')]), true);
    assert.equal(requiresSecondFactor([grant('social-worker', false)]), false);
  });
});
