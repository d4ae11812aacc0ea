import { model, Schema } from 'mongoose';

/**
 * A request waiting for candidates: the responsible worker asked to be told when someone who fits turns
 * up. `eligible` is how many fitted at the last look; `found` how many more have turned up since the
 * worker last looked at the candidates (the home line), and `foundAt` when.
 */
const candidateWatchSchema = new Schema(
  {
    requestId: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    startedBy: { type: String, required: true },
    eligible: { type: Number, required: true, min: 0, default: 0 },
    found: { type: Number, required: true, min: 0, default: 0 },
    foundAt: { type: Date },
    checkedAt: { type: Date },
  },
  { timestamps: true, strict: 'throw' },
);

candidateWatchSchema.index({ requestId: 1 }, { unique: true });
candidateWatchSchema.index({ municipalityCode: 1 });

export const CandidateWatchModel = model('CandidateWatch', candidateWatchSchema, 'candidate_watches');
