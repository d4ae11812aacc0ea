import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

const PASSWORD_MIN_LENGTH = 10;
/** Bytes, not characters: long enough for any passphrase, short enough to keep hashing cheap. */
export const PASSWORD_MAX_BYTES = 1024;

// Danish words and patterns that the English dictionaries miss but people pick.
const DANISH_COMMON = [
  'adgangskode',
  'kodeord',
  'sommer',
  'vinter',
  'efterår',
  'foråret',
  'danmark',
  'københavn',
  'aarhus',
  'odense',
  'aalborg',
  'hejsa',
  'elskerdig',
  'kærlighed',
  'fodbold',
  'brobygning',
  'kommune',
  'frivillig',
];

const estimator = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, danish: DANISH_COMMON },
  graphs: zxcvbnCommon.adjacencyGraphs,
});

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

/**
 * No composition rules (NIST 800-63B): a minimum length, a maximum size, and a check against common and
 * guessable passwords including the person's own name and e-mail.
 */
export function checkPassword(
  password: string,
  personal: { email?: string; name?: string } = {},
): PasswordProblem | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return 'tooLong';
  const userInputs = [
    personal.email ?? '',
    ...(personal.email?.split(/[@.]/) ?? []),
    ...(personal.name?.split(/\s+/) ?? []),
  ].filter((part) => part.length >= 3);
  if (isOwnNameOrEmail(password, personal)) return 'tooCommon';
  // zxcvbn is slow on very long inputs and long passphrases are strong anyway.
  if (password.length >= 64) return undefined;
  return estimator.check(password, userInputs).score < 3 ? 'tooCommon' : undefined;
}

function squash(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function isOwnNameOrEmail(password: string, personal: { email?: string; name?: string }): boolean {
  const candidate = squash(password);
  const own = [personal.name, personal.email, personal.email?.split('@')[0]].filter((v): v is string =>
    Boolean(v),
  );
  return own.some((value) => {
    const squashed = squash(value);
    return (
      squashed.length >= 4 &&
      (candidate === squashed || (candidate.includes(squashed) && candidate.length - squashed.length < 4))
    );
  });
}
