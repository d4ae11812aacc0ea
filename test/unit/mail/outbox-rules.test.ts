import assert from 'node:assert/strict';
import {
  afterFailure,
  describeFailure,
  hasLineBreak,
  isPermanentFailure,
  MAX_DELIVERY_ATTEMPTS,
  messageIdFor,
  retryDelayMs,
} from '../../../src/shared/mail/outbox-rules.js';

const middle = () => 0.5;

describe('outbox rules', () => {
  it('when attempts fail, then the wait doubles from 30 seconds and stops growing at an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 7, 8, 11].map((n) => retryDelayMs(n, middle)),
      [30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000],
    );
  });

  it('when jitter is applied, then the wait stays within 20 % either side', () => {
    assert.equal(
      retryDelayMs(1, () => 0),
      24_000,
    );
    assert.equal(
      retryDelayMs(1, () => 1),
      36_000,
    );
  });

  it('when the server answers 5xx, then the failure is permanent; 4xx and network errors are not', () => {
    assert.equal(isPermanentFailure({ responseCode: 550 }), true);
    assert.equal(isPermanentFailure({ responseCode: 451 }), false);
    assert.equal(
      isPermanentFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })),
      false,
    );
  });

  it('when a temporary failure is not the last attempt, then the message waits; at the last it fails', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    assert.deepEqual(afterFailure(0, false, now, middle), {
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date('2026-11-22T10:00:30Z'),
    });
    assert.deepEqual(afterFailure(MAX_DELIVERY_ATTEMPTS - 1, false, now, middle), {
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
    });
    assert.deepEqual(afterFailure(0, true, now, middle), { status: 'failed', attempts: 1 });
  });

  it('when a header value carries CR or LF, then it is recognised', () => {
    assert.equal(hasLineBreak('a@b.dk\r\nBcc: x@y.dk'), true);
    assert.equal(hasLineBreak('a@b.dk\nBcc: x@y.dk'), true);
    assert.equal(hasLineBreak('a@b.dk'), false);
  });

  it('when an error mentions an SMTP URL with a password, then the stored text hides it', () => {
    const text = describeFailure(new Error('failed for smtp://user:secret@mail.example.dk:587\n  at x'));
    assert.equal(text, 'failed for smtp://***@mail.example.dk:587 at x');
  });

  it('when a Message-ID is derived from an idempotency key, then the same key gives the same one and another key another', () => {
    const key = 'followups:reminders|remind:abc|followup-checkin-reminder|u1';
    const id = messageIdFor(key, 'brobygning.dk');
    assert.equal(messageIdFor(key, 'brobygning.dk'), id);
    assert.match(id, /^<[0-9a-f]{40}@brobygning\.dk>$/);
    assert.notEqual(messageIdFor(`${key}2`, 'brobygning.dk'), id);
    assert.ok(!id.includes('remind'), 'the key itself is not shown to mail servers');
  });
});
