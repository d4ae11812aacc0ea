import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit token for links (verification, reset, invitation); only its hash is stored. */
export function createOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** SHA-256 is enough here: tokens are high-entropy random values, not passwords. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
