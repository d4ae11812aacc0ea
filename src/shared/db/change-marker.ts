import { randomUUID } from 'node:crypto';
import { model, Schema } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';

/**
 * One small document per topic whose token changes after every write to that topic, on any instance.
 * A read model whose source is expensive to read (on FerretDB every filter but `_id` decodes the whole
 * collection) compares the token, one `_id` read, and re-reads the source only when it moved.
 * Written after the change itself: a reader that saw the old token re-reads on its next load.
 */
const changeMarkerSchema = new Schema(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export const ChangeMarkerModel = model('ChangeMarker', changeMarkerSchema);

/** Records that `topic` changed; call it after the change is written. */
export async function markChanged(topic: string): Promise<void> {
  const change = { $set: { token: randomUUID(), at: new Date() } };
  try {
    await ChangeMarkerModel.updateOne({ _id: topic }, change, { upsert: true });
  } catch (error) {
    // Two first writers at once: one insert lands, the other updates the marker it made.
    if (!isDuplicateKeyError(error)) throw error;
    await ChangeMarkerModel.updateOne({ _id: topic }, change);
  }
}

/** The topic's current token ('' before its first change). */
export async function changeToken(topic: string): Promise<string> {
  const marker = await ChangeMarkerModel.findById(topic, { token: 1 }).lean();
  return marker?.token ?? '';
}
