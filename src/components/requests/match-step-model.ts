import { model, Schema } from 'mongoose';

/**
 * The claim on one step of a match: the n-th change is inserted here under a unique (matchId, step)
 * before it is applied to the match. FerretDB's updates are read-modify-write without locking, so two
 * coordinators accepting at once would both "succeed" on a state guard; a unique insert is the one thing
 * both engines refuse to do twice. `patch` is the complete result, so a step claimed by a process that
 * died before applying it can be applied by the next one (roll forward).
 */
const matchStepSchema = new Schema(
  {
    matchId: { type: String, required: true },
    step: { type: Number, required: true, min: 0 },
    action: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    patch: { type: Schema.Types.Mixed, required: true },
    // What the step owes besides its patch: the states it announces and its audit entry. A step whose
    // process stopped before these were done is completed by the repair job (match-settle.ts).
    states: { type: [String], default: [] },
    audit: { type: Schema.Types.Mixed },
    settled: { type: Boolean, required: true, default: false },
  },
  { strict: 'throw' },
);

matchStepSchema.index({ matchId: 1, step: 1 }, { unique: true });
matchStepSchema.index({ settled: 1, at: 1 });

export const MatchStepModel = model('MatchStep', matchStepSchema);

/** Claims of once-only work about a match (the 5-day reminder), by unique {kind, matchId}. */
const matchClaimSchema = new Schema(
  {
    kind: { type: String, required: true },
    matchId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { strict: 'throw' },
);

matchClaimSchema.index({ kind: 1, matchId: 1 }, { unique: true });
// Retention removes a deleted match's claims of every kind.
matchClaimSchema.index({ matchId: 1 });

export const MatchClaimModel = model('MatchClaim', matchClaimSchema);
