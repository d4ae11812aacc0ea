import assert from 'node:assert/strict';
import { allJobs } from '../../../src/component-list.js';
import { deleteExpiredTokens, issueToken } from '../../../src/components/accounts/one-time-token-service.js';
import { OneTimeTokenModel } from '../../../src/components/accounts/one-time-token-model.js';
import { deleteExpiredRateLimitHits, RateLimitHitModel } from '../../../src/shared/http/index.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import {
  OutboxMessageModel,
  purgeOldOutboxMessages,
  mailSettingsFor,
} from '../../../src/shared/mail/index.js';
import { deleteExpiredSessions, SessionRecordModel } from '../../../src/shared/session/index.js';
import { deleteOldWriteClaims, WriteClaimModel } from '../../../src/shared/db/index.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

// FerretDB has no TTL indexes, so everything that expires is removed by a scheduled job instead.
describe('housekeeping jobs', () => {
  useTestDatabase();

  it('when the server starts its scheduler, then every expiring collection has a cleaning job', () => {
    const config = testConfig();
    const names = allJobs(config, mailSettingsFor(config, createLogger('silent'))).map((job) => job.name);
    for (const expected of [
      'mail:deliver',
      'mail:purge',
      'sessions:delete-expired',
      'rate-limits:delete-expired',
      'accounts:delete-expired-links',
      'write-claims:delete-old',
    ]) {
      assert.ok(names.includes(expected), `missing job ${expected}`);
    }
  });

  it('when sessions have expired, then they are deleted and live ones stay', async () => {
    await SessionRecordModel.collection.insertMany([
      { _id: 'old' as never, expires: daysAgo(1), session: {} },
      { _id: 'live' as never, expires: new Date(Date.now() + 60_000), session: {} },
    ]);
    assert.equal(await deleteExpiredSessions(), 1);
    assert.deepEqual(
      (await SessionRecordModel.find().lean()).map((s) => s._id),
      ['live'],
    );
  });

  it('when rate-limit hits are outside their window, then they are deleted', async () => {
    await RateLimitHitModel.create([
      { key: 'k', at: daysAgo(1), expiresAt: daysAgo(0.9) },
      { key: 'k', at: new Date(), expiresAt: new Date(Date.now() + 60_000) },
    ]);
    assert.equal(await deleteExpiredRateLimitHits(), 1);
    assert.equal(await RateLimitHitModel.countDocuments(), 1);
  });

  it('when links expired more than a week ago, then their records (with the address) are deleted', async () => {
    await issueToken('reset-password', { email: 'old@example.dk' }, daysAgo(9));
    await issueToken('reset-password', { email: 'recent@example.dk' }, daysAgo(2));
    assert.equal(await deleteExpiredTokens(), 1);
    assert.deepEqual(
      (await OneTimeTokenModel.find().lean()).map((t) => t.email),
      ['recent@example.dk'],
    );
  });

  it('when delivered mail is over 30 days old or failed mail over 90, then it is purged', async () => {
    const base = { subject: 's', template: 't', language: 'da', nextAttemptAt: new Date() };
    await OutboxMessageModel.collection.insertMany([
      { ...base, messageId: '<1@x>', to: 'a@x.dk', status: 'sent', updatedAt: daysAgo(31) },
      { ...base, messageId: '<2@x>', to: 'b@x.dk', status: 'sent', updatedAt: daysAgo(5) },
      { ...base, messageId: '<3@x>', to: 'c@x.dk', status: 'failed', updatedAt: daysAgo(60) },
      { ...base, messageId: '<4@x>', to: 'd@x.dk', status: 'failed', updatedAt: daysAgo(91) },
      { ...base, messageId: '<5@x>', to: 'e@x.dk', status: 'pending', updatedAt: daysAgo(200) },
    ]);
    assert.equal(await purgeOldOutboxMessages(), 2);
    assert.deepEqual(
      (await OutboxMessageModel.find().sort({ messageId: 1 }).lean()).map((m) => m.messageId),
      ['<2@x>', '<3@x>', '<5@x>'],
    );
  });

  it('when write claims are over a day old, then they are deleted and recent ones stay', async () => {
    await WriteClaimModel.create([
      { collectionName: 'x', documentId: 'a', version: 1, claimedAt: daysAgo(2) },
      { collectionName: 'x', documentId: 'a', version: 2, claimedAt: new Date() },
    ]);
    assert.equal(await deleteOldWriteClaims(), 1);
    assert.deepEqual(
      (await WriteClaimModel.find().lean()).map((claim) => claim.version),
      [2],
    );
  });
});
