import { randomUUID } from 'node:crypto';
import { trusted } from 'mongoose';
import { z } from 'zod';
import type { AppConfig } from '../../config/index.js';
import { sealSecret } from '../crypto/index.js';
import type { Language } from '../i18n/index.js';
import type { Logger } from '../logging/index.js';
import { renderMail, type RenderedMail } from './mail-templates.js';
import { createMailTransport } from './mail-transport.js';
import { OutboxMessageModel } from './outbox-model.js';
import { hasLineBreak, messageIdFor } from './outbox-rules.js';
import { deliverDueMessages, type DeliverySettings } from './outbox-delivery.js';
import { isDuplicateKeyError } from '../db/index.js';

export interface EnqueueMailInput {
  to: string;
  template: string;
  language: Language;
  data: Record<string, string>;
  /**
   * The match a message speaks of: every mail about a match names it, so it can be cancelled while
   * unsent (see cancelPendingMailAbout) and is deleted with the match by retention.
   */
  aboutMatchId?: string;
  /** A notice of what happened to the match (paused, ended): never cancelled by cancelPendingMailAbout. */
  notice?: boolean;
  /**
   * What makes this mail this one mail, for work that may be repeated (a job item taken over after its
   * holder stalled or died): a second queue with the same key is refused. A job passes its item's
   * `held.effectKey(...)`; without a key, the mail gets a random one and is never a repeat.
   */
  idempotencyKey?: string;
}

export interface QueuedMail {
  messageId: string;
  /** False when a mail with the same idempotency key was queued before: this one was not stored again. */
  queued: boolean;
}

export interface MailSettings extends DeliverySettings {
  logger: Logger;
}

// Set by createApp. Scripts that never configure mail still enqueue: the server delivers later.
let settings: MailSettings | undefined;

export function configureMail(next: MailSettings): void {
  settings = next;
}

/** Mail settings from the app's configuration: the data key seals bodies at rest. */
export function mailSettingsFor(config: AppConfig, logger: Logger): MailSettings {
  return {
    encryptionKey: config.dataEncryptionKey,
    from: config.mail.from,
    transport: createMailTransport(config.mail, logger),
    logger,
  };
}

const recipient = z.string().email().max(254);

/**
 * Stores a rendered, sealed message in the outbox and returns its Message-ID. Only after this resolves
 * may a caller tell somebody "we sent you an e-mail"; delivery happens afterwards and is retried.
 * The Message-ID is derived from the idempotency key, so the unique Message-ID index refuses a mail whose
 * key was queued before (on any instance): that answers `queued: false` and stores nothing.
 */
export async function enqueueMail(
  input: EnqueueMailInput,
  mail: Pick<MailSettings, 'encryptionKey' | 'from'> | undefined = settings,
): Promise<QueuedMail> {
  if (!mail) throw new Error('Mail is not configured (configureMail was not called)');
  if (hasLineBreak(input.to) || !recipient.safeParse(input.to).success) {
    throw new Error('Refusing to send mail to a malformed address');
  }
  const rendered = renderMail(input.template, input.language, input.data);
  const idempotencyKey = input.idempotencyKey ?? `single:${randomUUID()}`;
  const messageId = messageIdFor(idempotencyKey, messageIdDomain(mail.from));
  try {
    await store(messageId, idempotencyKey, input, rendered, mail.encryptionKey);
  } catch (error) {
    if (input.idempotencyKey && isDuplicateKeyError(error)) return { messageId, queued: false };
    throw error;
  }
  return { messageId, queued: true };
}

async function store(
  messageId: string,
  idempotencyKey: string,
  input: EnqueueMailInput,
  rendered: RenderedMail,
  encryptionKey: Buffer,
): Promise<void> {
  await OutboxMessageModel.create({
    messageId,
    idempotencyKey,
    to: input.to,
    subject: rendered.subject,
    sealedBody: sealSecret(JSON.stringify({ text: rendered.text, html: rendered.html }), encryptionKey),
    template: input.template,
    language: input.language,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(),
    ...(input.aboutMatchId ? { aboutMatchId: input.aboutMatchId } : {}),
    ...(input.notice ? { notice: true } : {}),
  });
}

/**
 * Cancels every message about this match that has not gone out: its sealed body is dropped at once.
 * A delivery already in flight at this moment may still complete (at-least-once delivery). Notices are
 * left alone (each event queues its own notice after its cancellation, so a second event right after
 * the first does not swallow the first one's notice); nothing queued afterwards is affected either.
 * Returns how many were cancelled.
 */
export async function cancelPendingMailAbout(matchId: string): Promise<number> {
  const result = await OutboxMessageModel.updateMany(
    // trusted(): the operator is built here from a server value; sanitizeFilter would neutralise it.
    { aboutMatchId: matchId, status: 'pending', notice: trusted({ $ne: true }) },
    { $set: { status: 'cancelled' }, $unset: { sealedBody: 1 } },
  );
  return result.modifiedCount;
}

/** Retention: every message about these matches goes, sent or not, with its body. Returns how many. */
export async function deleteMailAbout(matchIds: string[]): Promise<number> {
  if (matchIds.length === 0) return 0;
  const result = await OutboxMessageModel.deleteMany({ aboutMatchId: trusted({ $in: matchIds }) });
  return result.deletedCount;
}

/** The right-hand side of our Message-IDs: the sender's domain, so receivers see a consistent origin. */
function messageIdDomain(from: string | undefined): string {
  const domain = /@([a-z0-9.-]+)>?\s*$/i.exec(from ?? '')?.[1];
  return domain ?? 'brobygning.localhost';
}

let running: Promise<void> | undefined;
let again = false;

/**
 * Delivers due messages now, in the background, so people get their link in seconds rather than at the
 * next scheduled run. One run at a time per process; a kick during a run asks for one more run.
 */
export function kickDelivery(): void {
  const current = settings;
  if (!current) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await deliverDueMessages(current);
    } while (again);
  })()
    .catch((error: unknown) => current.logger.error({ err: error }, 'mail delivery run failed'))
    .finally(() => {
      running = undefined;
    });
}

/** Waits for a background delivery run (shutdown and tests). */
export async function deliveryIdle(): Promise<void> {
  await running;
}
