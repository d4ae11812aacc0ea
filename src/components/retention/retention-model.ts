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
