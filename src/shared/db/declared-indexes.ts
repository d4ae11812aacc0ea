import type { Model } from 'mongoose';
import { ChangeMarkerModel } from './change-marker.js';
import type { IndexKeys } from './index-coverage.js';

/** One index the code declares, as start-up creates it (see ensure-indexes.ts); `_id` is not listed. */
export interface DeclaredIndex {
  collection: string;
  model: string;
  keys: IndexKeys;
  unique: boolean;
}

// Infrastructure whose collection start-up leaves to the first write (one small document per topic).
const infrastructureModels = [ChangeMarkerModel] as unknown as Array<Model<never>>;

/** Every declared index of `models` and of the infrastructure's own models, ordered by collection. */
export function declaredIndexes(models: ReadonlyArray<Model<never>>): DeclaredIndex[] {
  const all = new Map<string, Model<never>>();
  for (const model of [...models, ...infrastructureModels]) {
    all.set(model.modelName, model as Model<never>);
  }
  const indexes: DeclaredIndex[] = [];
  for (const model of all.values()) {
    for (const [fields, options] of model.schema.indexes()) {
      indexes.push({
        collection: model.collection.collectionName,
        model: model.modelName,
        keys: Object.entries(fields).map(([field, direction]) => [field, Number(direction) < 0 ? -1 : 1]),
        unique: Boolean((options as { unique?: boolean }).unique),
      });
    }
  }
  return indexes.sort((a, b) => a.collection.localeCompare(b.collection));
}

/** The collections of `models` and of the infrastructure's own models, sorted. */
export function declaredCollections(models: ReadonlyArray<Model<never>>): string[] {
  const names = [...models, ...infrastructureModels].map((model) => model.collection.collectionName);
  return [...new Set(names)].sort();
}

/**
 * The declared indexes as a Markdown table, one row per index, every collection listed (a collection
 * without a row of its own has only `_id`).
 */
export function indexTable(
  indexes: ReadonlyArray<DeclaredIndex>,
  collections: ReadonlyArray<string>,
): string {
  const rows = ['| collection | index keys | unique |', '| --- | --- | --- |'];
  for (const collection of collections) {
    const own = indexes.filter((index) => index.collection === collection);
    rows.push(`| \`${collection}\` | \`_id\` | yes |`);
    for (const index of own) {
      const keys = index.keys.map(([field, direction]) => `${field}: ${direction}`).join(', ');
      rows.push(`| \`${collection}\` | \`{ ${keys} }\` | ${index.unique ? 'yes' : ''} |`);
    }
  }
  return rows.join('\n');
}
