import type { Model } from 'mongoose';

export class IndexSetupError extends Error {
  readonly code = 'INDEX_SETUP_FAILED';
}

/**
 * Creates every model's collection and declared indexes, then checks they exist.
 * A failure names the model and the index and stops start-up.
 */
export async function ensureIndexes(models: ReadonlyArray<Model<never>>): Promise<void> {
  for (const model of models) {
    try {
      await model.createCollection();
    } catch (error) {
      if ((error as { codeName?: string }).codeName !== 'NamespaceExists') throw error;
    }
    for (const [fields, options] of model.schema.indexes()) {
      try {
        await model.collection.createIndex(
          fields as Record<string, 1 | -1>,
          options as Record<string, unknown>,
        );
      } catch (error) {
        throw new IndexSetupError(
          `Could not create index ${JSON.stringify(fields)} on "${model.collection.collectionName}" ` +
            `(model ${model.modelName}): ${(error as Error).message}`,
        );
      }
    }
    await verifyIndexes(model);
  }
}

// Some engines accept an index request and quietly do nothing; trust only what listIndexes reports.
async function verifyIndexes(model: Model<never>): Promise<void> {
  const existing = new Set(
    (await model.collection.listIndexes().toArray()).map((index) => JSON.stringify(index.key)),
  );
  for (const [fields] of model.schema.indexes()) {
    if (!existing.has(JSON.stringify(fields))) {
      throw new IndexSetupError(
        `Index ${JSON.stringify(fields)} on "${model.collection.collectionName}" is missing after creation`,
      );
    }
  }
}
