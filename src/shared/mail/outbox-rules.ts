import { createHash } from 'node:crypto';

/** How many delivery attempts a message gets before it is marked failed (about six hours in all). */
export const MAX_DELIVERY_ATTEMPTS = 12;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3_600_000;

/**
 * The wait after the n-th failed attempt: doubling from 30 s, at most an hour, with ±20 % jitter so that
 * many messages held up by one outage do not all retry in the same second.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * An SMTP 5xx answer means the server will never take this message (unknown mailbox, refused sender):
 * retrying only delays telling someone. Everything else (timeouts, refused connections, 4xx) may pass.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export type FailureOutcome =
  { status: 'pending'; attempts: number; nextAttemptAt: Date } | { status: 'failed'; attempts: number };

/** What a message becomes after a failed attempt. */
export function afterFailure(
  attemptsBefore: number,
  permanent: boolean,
  now: Date,
  random: () => number = Math.random,
): FailureOutcome {
  const attempts = attemptsBefore + 1;
  if (permanent || attempts >= MAX_DELIVERY_ATTEMPTS) return { status: 'failed', attempts };
  return {
    status: 'pending',
    attempts,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, random)),
  };
}

/** The claim id for one attempt of one message: a retry is a new attempt and so a new claim. */
export function claimIdFor(messageId: string, attempt: number): string {
  return `${messageId}#${attempt}`;
}

/** Header values come from our own catalogs and people's names; a line break would start a new header. */
export function hasLineBreak(value: string): boolean {
  return /[\r\n]/.test(value);
}

/** Error text kept for operators: one line, bounded, and without the SMTP password if a URL slipped in. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/\/\/[^@\s/]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/**
 * The Message-ID of the message with this idempotency key: a digest of the key (which may name records
 * and people, so it is not shown to mail servers as it is) at the sender's domain. The same key always
 * gives the same Message-ID, so a second queue of the same mail meets the unique Message-ID index.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}
