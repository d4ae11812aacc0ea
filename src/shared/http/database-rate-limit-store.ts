import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
// trusted(): these operators are built here from server values; sanitizeFilter would neutralise them.
import { model, Schema, trusted } from 'mongoose';

/**
 * A hit is one inserted document; the count is a count of documents in the window. Inserts never lose
 * updates under concurrency, unlike $inc on FerretDB (see docs/decisions/portable-queries.md), and any app instance sees
 * the same counts, so the app stays stateless.
 */
const rateLimitHitSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
rateLimitHitSchema.index({ key: 1, at: 1 });
rateLimitHitSchema.index({ expiresAt: 1 });

export const RateLimitHitModel = model('RateLimitHit', rateLimitHitSchema, 'rate_limit_hits');

export class DatabaseRateLimitStore implements Store {
  windowMs = 60_000;
  readonly localKeys = false;

  constructor(readonly prefix: string) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private key(key: string) {
    return `${this.prefix}:${key}`;
  }

  async get(key: string): Promise<ClientRateLimitInfo> {
    const since = new Date(Date.now() - this.windowMs);
    const totalHits = await RateLimitHitModel.countDocuments({
      key: this.key(key),
      at: trusted({ $gt: since }),
    });
    return { totalHits, resetTime: new Date(Date.now() + this.windowMs) };
  }

  async increment(key: string): Promise<IncrementResponse> {
    const now = new Date();
    await RateLimitHitModel.create({
      key: this.key(key),
      at: now,
      expiresAt: new Date(now.getTime() + this.windowMs),
    });
    return this.get(key);
  }

  async decrement(key: string): Promise<void> {
    const latest = await RateLimitHitModel.findOne({ key: this.key(key) })
      .sort({ at: -1 })
      .lean();
    if (latest) await RateLimitHitModel.deleteOne({ _id: latest._id });
  }

  async resetKey(key: string): Promise<void> {
    await RateLimitHitModel.deleteMany({ key: this.key(key) });
  }
}

export async function deleteExpiredRateLimitHits(now = new Date()): Promise<number> {
  return (await RateLimitHitModel.deleteMany({ expiresAt: trusted({ $lt: now }) })).deletedCount;
}
