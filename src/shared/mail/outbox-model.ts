import { model, Schema } from 'mongoose';

const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;

/**
 * One e-mail, stored before anybody is told it was sent. The body holds links that work like passwords
 * (verification, reset, invitation), so it is sealed with the data key and removed once delivered;
 * what stays is enough to answer "did the mail go out, and when".
 */
const outboxMessageSchema = new Schema(
  {
    // Derived from idempotencyKey (messageIdFor), and unique: the index that refuses a repeated mail.
    messageId: { type: String, required: true },
    // What makes this mail this mail: a job item's effect key, or a random one for a mail of its own.
    // Messages stored before keys existed have none (their Message-IDs were random, so they repeat none).
    idempotencyKey: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    sealedBody: { type: String },
    template: { type: String, required: true },
    language: { type: String, required: true },
    status: { type: String, enum: OUTBOX_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String },
    sentAt: { type: Date },
    // The match the message is about: unsent ones are cancelled when the match ends or its consent does,
    // and retention deletes them with the match.
    aboutMatchId: { type: String },
    // A notice of what just happened to the match (paused, ended): it is queued after the cancellation
    // that the same event makes, and a later cancellation leaves it alone, so it is still delivered.
    notice: { type: Boolean },
  },
  { timestamps: true, versionKey: false },
);
outboxMessageSchema.index({ messageId: 1 }, { unique: true });
outboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });
outboxMessageSchema.index({ to: 1, createdAt: -1 });
outboxMessageSchema.index({ updatedAt: 1 });
outboxMessageSchema.index({ aboutMatchId: 1, status: 1 });

export const OutboxMessageModel = model('OutboxMessage', outboxMessageSchema, 'outbox_messages');

/**
 * The right to make one delivery attempt of one message. Claims are inserts under a unique id, because
 * FerretDB 1.x cannot update a document atomically under concurrency (docs/decisions/portable-queries.md): of two
 * deliverers, the second insert fails with a duplicate key and that deliverer moves on.
 */
const outboxClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
outboxClaimSchema.index({ expiresAt: 1 });

export const OutboxClaimModel = model('OutboxClaim', outboxClaimSchema, 'outbox_claims');
