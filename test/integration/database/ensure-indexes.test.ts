import assert from 'node:assert/strict';
import mongoose, { Schema } from 'mongoose';
import { allModels } from '../../../src/component-list.js';
import { ensureIndexes, IndexSetupError } from '../../../src/shared/db/index.js';
import { testConfig } from '../../helpers/test-config.js';

describe('explicit index creation at start-up', () => {
  it('when start-up has run, then every declared index exists in the database', async () => {
    for (const model of allModels(testConfig())) {
      const existing = (await model.collection.listIndexes().toArray()).map((index) =>
        JSON.stringify(index.key),
      );
      for (const [fields] of model.schema.indexes()) {
        assert.ok(
          existing.includes(JSON.stringify(fields)),
          `${model.modelName} lacks ${JSON.stringify(fields)}`,
        );
      }
    }
  });

  it('when the unique municipality code is duplicated, then the database refuses it (code 11000)', async () => {
    const collection = mongoose.connection.collection('municipalities');
    await collection.deleteMany({ code: '9999' });
    await collection.insertOne({ code: '9999', name: 'A', region: 'R', onboarded: false });
    await assert.rejects(collection.insertOne({ code: '9999', name: 'B', region: 'R', onboarded: false }), {
      code: 11000,
    });
    await collection.deleteMany({ code: '9999' });
  });

  // FerretDB 1.x rejects TTL indexes (docs/decisions/portable-queries.md). Confirmed here: ensureIndexes must then stop
  // start-up with a message naming the collection, not swallow it the way mongoose's autoIndex does.
  it('when the database rejects a declared index, then start-up fails with a message naming it', async () => {
    const schema = new Schema({ expiresAt: Date });
    schema.index({ expiresAt: 1 }, { expireAfterSeconds: 60 });
    const TtlProbe = mongoose.model('TtlProbe', schema, 'ttl_probes');
    try {
      await assert.rejects(ensureIndexes([TtlProbe as never]), (error: unknown) => {
        assert.ok(error instanceof IndexSetupError);
        assert.match(error.message, /ttl_probes/);
        assert.match(error.message, /expiresAt/);
        return true;
      });
    } finally {
      mongoose.deleteModel('TtlProbe');
      await mongoose.connection.dropCollection('ttl_probes').catch(() => undefined);
    }
  });
});
