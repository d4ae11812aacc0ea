import { holdsClaim, type ItemClaim } from './job-claims.js';

/**
 * Thrown by a fenced effect when the item is no longer this instance's (its lease ran out, e.g. the
 * process stalled, and another instance may have taken it over). The runner abandons the item: it is
 * neither counted as done nor as failed, and it is not released, because the claim is no longer ours.
 */
export class LeaseLostError extends Error {
  constructor(readonly itemId: string) {
    super(`The lease on ${itemId} was lost before its work was done`);
    this.name = 'LeaseLostError';
  }
}

/** What a job's item handler is given besides the item: the fence around its effects. */
export interface HeldItem {
  /** `job|key`: the item's identity in every run and on every instance. */
  readonly id: string;
  /** Whether this instance still holds the item (exact read of its claim, by the database's clock). */
  stillMine(): Promise<boolean>;
  /**
   * Runs `effect` (queueing a mail, writing a state change) only while the item is still ours, and
   * otherwise throws LeaseLostError. The check and the effect are two steps: a stall between them can
   * still let a late effect through, so effects that must happen once also carry `effectKey` (a mail's
   * idempotency key), which makes the late repeat a refused duplicate.
   */
  fenced<R>(effect: () => Promise<R>): Promise<R>;
  /**
   * The idempotency key of one effect of this item, e.g. `effectKey('consent-expiring|<userId>')`: the
   * same in every attempt of the item, on any instance, so a repeat of the effect is recognised.
   */
  effectKey(part: string): string;
}

export function heldItem(claim: ItemClaim): HeldItem {
  const id = `${claim.job}|${claim.key}`;
  const stillMine = () => holdsClaim(claim);
  return {
    id,
    stillMine,
    async fenced(effect) {
      if (!(await stillMine())) throw new LeaseLostError(id);
      return effect();
    },
    effectKey: (part) => `${id}|${part}`,
  };
}
