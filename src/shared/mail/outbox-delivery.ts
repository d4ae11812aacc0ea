import { trusted } from 'mongoose';
import { openSecret } from '../crypto/index.js';
import type { Logger } from '../logging/index.js';
import type { MailTransport } from './mail-transport.js';
import { OutboxClaimModel, OutboxMessageModel } from './outbox-model.js';
import { afterFailure, claimIdFor, describeFailure, isPermanentFailure } from './outbox-rules.js';
import { isDuplicateKeyError } from '../db/index.js';

// trusted(): the operators below are built from server values; sanitizeFilter would neutralise them.

export interface DeliverySettings {
  encryptionKey: Buffer;
  from: string;
  transport: MailTransport;
  logger: Logger;
}

/**
 * Longer than the slowest SMTP exchange the transport allows. Claims are never deleted early: the next
 * attempt has a claim id of its own, and a crashed worker's claim simply lapses.
 */
const CLAIM_LIFETIME_MS = 5 * 60_000;
const BATCH_SIZE = 25;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

/**
 * Sends every message that is due, each attempt at most once across all app instances. A worker that
 * dies between sending and recording leaves a claim that lapses, and the message is sent again with the
 * same Message-ID: at-least-once delivery, which receiving servers and clients de-duplicate.
 */
export async function deliverDueMessages(
  settings: DeliverySettings,
  now = new Date(),
): Promise<DeliveryReport> {
  await OutboxClaimModel.deleteMany({ expiresAt: trusted({ $lt: now }) });
  const due = await OutboxMessageModel.find({ status: 'pending', nextAttemptAt: trusted({ $lte: now }) })
    .sort({ nextAttemptAt: 1 })
    .limit(BATCH_SIZE)
    .lean();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const message of due) {
    const outcome = await deliverOne(message, settings);
    report[outcome] += 1;
  }
  return report;
}

type Message = Awaited<ReturnType<typeof OutboxMessageModel.findOne>> & object;

async function deliverOne(
  message: Pick<Message, '_id' | 'messageId' | 'to' | 'subject' | 'sealedBody' | 'attempts' | 'template'>,
  settings: DeliverySettings,
): Promise<keyof DeliveryReport> {
  const claimId = claimIdFor(message.messageId, message.attempts);
  if (!(await claim(claimId))) return 'skipped';
  // Another worker may have finished this attempt between our read and our claim.
  const current = await OutboxMessageModel.findOne({
    _id: message._id,
    status: 'pending',
    attempts: message.attempts,
  }).lean();
  if (!current) return 'skipped';
  try {
    const body = JSON.parse(openSecret(current.sealedBody ?? '', settings.encryptionKey)) as {
      text: string;
      html: string;
    };
    await settings.transport({
      messageId: current.messageId,
      from: settings.from,
      to: current.to,
      subject: current.subject,
      text: body.text,
      html: body.html,
    });
  } catch (error) {
    return recordFailure(current, error, settings.logger);
  }
  await OutboxMessageModel.updateOne(
    { _id: current._id, attempts: current.attempts },
    {
      $set: { status: 'sent', sentAt: new Date(), attempts: current.attempts + 1 },
      $unset: { sealedBody: 1, lastError: 1 },
    },
  );
  settings.logger.info({ messageId: current.messageId, template: current.template }, 'mail sent');
  return 'sent';
}

async function claim(claimId: string): Promise<boolean> {
  try {
    await OutboxClaimModel.create({ _id: claimId, expiresAt: new Date(Date.now() + CLAIM_LIFETIME_MS) });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

async function recordFailure(
  message: { _id: unknown; messageId: string; attempts: number; template: string },
  error: unknown,
  logger: Logger,
): Promise<'retrying' | 'failed'> {
  const outcome = afterFailure(message.attempts, isPermanentFailure(error), new Date());
  await OutboxMessageModel.updateOne(
    { _id: message._id, attempts: message.attempts },
    { $set: { ...outcome, lastError: describeFailure(error) } },
  );
  const context = {
    messageId: message.messageId,
    template: message.template,
    attempts: outcome.attempts,
    err: describeFailure(error),
  };
  if (outcome.status === 'failed') {
    logger.error(context, 'mail could not be delivered; giving up');
    return 'failed';
  }
  logger.warn({ ...context, nextAttemptAt: outcome.nextAttemptAt }, 'mail delivery failed; will retry');
  return 'retrying';
}

/** Housekeeping: delivered (and cancelled) messages are kept 30 days for "did it go out?", failed ones 90 days. */
export async function purgeOldOutboxMessages(now = new Date()): Promise<number> {
  const day = 86_400_000;
  const sent = await OutboxMessageModel.deleteMany({
    status: trusted({ $in: ['sent', 'cancelled'] }),
    updatedAt: trusted({ $lt: new Date(now.getTime() - 30 * day) }),
  });
  const failed = await OutboxMessageModel.deleteMany({
    status: 'failed',
    updatedAt: trusted({ $lt: new Date(now.getTime() - 90 * day) }),
  });
  return sent.deletedCount + failed.deletedCount;
}
