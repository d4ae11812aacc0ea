import type { Schema } from 'mongoose';

const CHANGES = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
] as const;

/**
 * Makes a record kind append-only through the app: every update, replacement and single delete throws.
 * `deleteMany` is refused too unless `retentionDeletes` is set, for records that only a retention run may
 * remove (it deletes by period, many at a time).
 */
export function refuseChanges(schema: Schema, what: string, options: { retentionDeletes?: boolean } = {}) {
  const refuse = () => {
    throw new Error(`${what} is append-only`);
  };
  for (const operation of CHANGES) schema.pre(operation, refuse);
  if (!options.retentionDeletes) schema.pre('deleteMany', refuse);
}
