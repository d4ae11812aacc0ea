import type { Model } from 'mongoose';

export interface UpsertThroughModelOptions {
  /** Written only when the document is new (e.g. who created it); never changed by a later run. */
  onInsert?: Record<string, unknown>;
  /** An existing document is left exactly as it is (someone trying the demo may have changed it). */
  keepExisting?: boolean;
}

/**
 * Creates or replaces the one document matching `filter`, built and validated by the model first, so the
 * stored shape is the one a form-made document has: every default filled, every validator run. Seeding and
 * benchmarks write through it, so they cannot hold a shape the app itself never writes.
 * Returns the document's id.
 */
export async function upsertThroughModel<T>(
  model: Model<T>,
  filter: Record<string, unknown>,
  fields: Record<string, unknown>,
  options: UpsertThroughModelOptions = {},
): Promise<string> {
  const onInsert = options.onInsert ?? {};
  const built = new model({ ...filter, ...onInsert, ...fields });
  await built.validate();
  const { _id: newId, ...complete } = built.toObject({ versionKey: false, virtuals: false }) as Record<
    string,
    unknown
  >;
  const insertOnly = new Set(Object.keys(onInsert));
  const replaced = Object.fromEntries(Object.entries(complete).filter(([key]) => !insertOnly.has(key)));
  const update = options.keepExisting
    ? { $setOnInsert: { _id: newId, ...complete } }
    : { $set: replaced, $setOnInsert: { _id: newId, ...onInsert } };
  await model.updateOne(filter as never, update as never, { upsert: true, runValidators: true });
  const saved = (await model.findOne(filter as never, { _id: 1 }).lean()) as { _id: unknown } | null;
  return String(saved!._id);
}
