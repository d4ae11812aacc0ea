import { model, Schema } from 'mongoose';

/** The warning an inactive volunteer got before removal (`_id` = user id: one per person at a time). */
const inactivityWarningSchema = new Schema(
  {
    _id: { type: String, required: true },
    warnedAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export const InactivityWarningModel = model(
  'InactivityWarning',
  inactivityWarningSchema,
  'inactivity_warnings',
);

/**
 * What reports keep of a deleted match: counts only. One row per match ended and deleted, with its
 * municipality, the year it ended, how it ended and how long it was active; the `_id` is a SHA-256 of the
 * match id, so a repeated run counts nothing twice, and nothing leads back to the match or the child.
 */
const caseTallySchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    endedYear: { type: Number, required: true },
    outcome: { type: String, required: true, enum: ['closed', 'declined'] },
    activeDays: { type: Number, required: true, min: 0 },
  },
  { strict: 'throw', versionKey: false },
);
caseTallySchema.index({ municipalityCode: 1, endedYear: 1 });

export const CaseTallyModel = model('CaseTally', caseTallySchema, 'case_tallies');
