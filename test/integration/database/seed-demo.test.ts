import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { DEMO_MUNICIPALITY_CODE, DEMO_ORGANISATIONS } from '../../../src/demo/demo-content.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('demo content', () => {
  useTestDatabase();

  it('when seeded on an empty database, then the 98 municipalities, the demo tenant and its organisations exist', async () => {
    await seedDemo();
    const db = mongoose.connection;
    assert.equal(await db.collection('municipalities').countDocuments(), 98);
    const demo = await db.collection('municipalities').findOne({ code: DEMO_MUNICIPALITY_CODE });
    assert.equal(demo?.onboarded, true);
    assert.equal(demo?.name, 'Jammerbugt');
    assert.equal(
      await db.collection('organisations').countDocuments({ municipalityCodes: DEMO_MUNICIPALITY_CODE }),
      DEMO_ORGANISATIONS.length,
    );
  });

  it('when seeded twice, then nothing is duplicated', async () => {
    await seedDemo();
    await seedDemo();
    const db = mongoose.connection;
    assert.equal(await db.collection('municipalities').countDocuments(), 98);
    assert.equal(await db.collection('organisations').countDocuments(), DEMO_ORGANISATIONS.length);
    assert.equal(await db.collection('municipalities').countDocuments({ onboarded: true }), 1);
  });

  it('when a demo organisation is named, then it is marked as a demo and no real person is named', () => {
    for (const organisation of DEMO_ORGANISATIONS) {
      assert.match(organisation.name, /\(demo\)$/);
    }
  });
});
