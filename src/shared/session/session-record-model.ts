import { model, Schema } from 'mongoose';

/**
 * The sessions collection that connect-mongo writes (stored as objects, not strings, so we can find a
 * user's sessions). This model exists for its indexes, the expiry cleanup and "log out everywhere";
 * connect-mongo itself does the reads and writes.
 */
const sessionRecordSchema = new Schema(
  {
    _id: { type: String },
    expires: { type: Date },
    session: { type: Schema.Types.Mixed },
  },
  { strict: false, versionKey: false },
);

sessionRecordSchema.index({ expires: 1 });
// A person's sessions, the latest to expire first.
sessionRecordSchema.index({ 'session.userId': 1, expires: -1 });

export const SessionRecordModel = model('SessionRecord', sessionRecordSchema, 'sessions');
