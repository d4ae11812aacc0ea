import assert from 'node:assert/strict';
import { trusted } from 'mongoose';
import {
  AuditEventModel,
  CHILD_VALUES_REMOVED,
  removeChildValuesFromAuditLog,
} from '../../../src/shared/audit/index.js';
import { startInstancesOnTestDatabase, type ServerProcess } from '../../helpers/server-process.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const AT = new Date('2025-03-04T10:00:00Z');
const REQUEST_ID = 'a'.repeat(24);

/** Entries as the log held them before criteria were named: the child's values by value. */
const OLD_STYLE = [
  {
    action: 'candidates.list',
    details: {
      criteria: {
        age: 10,
        postcode: '9490',
        interests: ['fodbold', 'tegning'],
        homeLanguages: ['da', 'ar'],
        windows: 0,
        maxTravelKm: 25,
        noFaithCommunity: false,
        network: 0,
        expectedMonths: 12,
      },
      weights: { distance: 30, interests: 20 },
      page: 1,
      eligible: 4,
      excluded: 2,
    },
  },
  {
    action: 'candidates.compare',
    details: {
      criteria: { age: 10, postcode: '9490', interests: [], homeLanguages: ['ar'], windows: 2 },
      keys: [`${'b'.repeat(24)}_${'c'.repeat(24)}`, `${'d'.repeat(24)}_${'c'.repeat(24)}`],
    },
  },
  {
    action: 'candidates.search',
    details: { criteria: { interest: 'fodbold', postcode: '9490', distanceKm: 25 }, page: 1, found: 3 },
  },
  { action: 'followup.answered', details: { worry: true, audience: 'volunteer' } },
];

const NEW_STYLE = [
  { action: 'request.update', details: { fields: ['interests', 'postcode'] } },
  { action: 'request.list', details: { criteria: { responsible: 'self', statuses: ['open'] }, count: 2 } },
  { action: 'candidates.list', details: { criteria: { factors: ['age', 'distance'] }, page: 1 } },
];

function seed() {
  return AuditEventModel.collection.insertMany(
    [...OLD_STYLE, ...NEW_STYLE].map((entry) => ({
      ...entry,
      at: AT,
      outcome: 'success',
      actorId: 'worker-1',
      actorRole: 'social-worker',
      municipalityCode: '0849',
      objectType: 'child-request',
      objectId: REQUEST_ID,
      purpose: 'casework',
      ip: '127.0.0.1',
    })),
  );
}

const sorted = async () =>
  (await AuditEventModel.find({ action: trusted({ $ne: CHILD_VALUES_REMOVED }) }).lean()).sort((a, b) =>
    String(a._id).localeCompare(String(b._id)),
  );

describe('audit log: the clean-up of child values in entries written before', function () {
  this.timeout(90_000);
  useTestDatabase();
  let server: ServerProcess | undefined;

  afterEach(() => {
    server?.child.kill('SIGKILL');
    server = undefined;
  });

  it('when old entries hold age, postcode, interests and languages, then they are gone, the rest is intact, and it logs its run', async () => {
    await seed();
    const before = await sorted();
    const counts = await removeChildValuesFromAuditLog();
    assert.deepEqual(counts, { examined: 4, cleaned: 4 });
    const after = await sorted();
    assert.equal(after.length, before.length, `entries before ${before.length}, after ${after.length}`);
    const text = JSON.stringify(after.map((entry) => entry.details));
    for (const value of ['9490', 'fodbold', 'tegning', '"ar"', '"age":', 'homeLanguages', '"worry"'])
      assert.ok(!text.includes(value), `${value} is still in the details: ${text}`);
    for (const [index, entry] of after.entries()) {
      const { details: _was, ...rest } = before[index]!;
      const { details: _is, ...kept } = entry;
      assert.deepEqual(kept, rest, `who, what, when and which object of ${entry.action} are kept`);
    }
    const byAction = (action: string) => after.filter((entry) => entry.action === action);
    assert.deepEqual(
      byAction('candidates.list').map((entry) => entry.details),
      [
        {
          criteria: { factors: ['age', 'distance', 'interests', 'languages', 'vetting-period'] },
          weights: { distance: 30, interests: 20 },
          page: 1,
          eligible: 4,
          excluded: 2,
        },
        { criteria: { factors: ['age', 'distance'] }, page: 1 },
      ],
    );
    assert.deepEqual(byAction('candidates.compare')[0]!.details, {
      criteria: { factors: ['age', 'distance', 'languages', 'schedule'] },
      keys: OLD_STYLE[1]!.details.keys,
    });
    assert.deepEqual(byAction('candidates.search')[0]!.details, {
      criteria: { factors: ['distance', 'interests'] },
      page: 1,
      found: 3,
    });
    assert.deepEqual(byAction('followup.answered')[0]!.details, { audience: 'volunteer' });
    assert.deepEqual(byAction('request.list')[0]!.details, NEW_STYLE[1]!.details, 'not a child value');
    const runs = await AuditEventModel.find({ action: CHILD_VALUES_REMOVED }).lean();
    assert.equal(runs.length, 1, `runs logged: ${runs.length}`);
    assert.deepEqual(runs[0]!.details, { examined: 4, cleaned: 4 });
  });

  it('when it runs a second time, then it changes nothing and logs nothing', async () => {
    await seed();
    await removeChildValuesFromAuditLog();
    const once = await AuditEventModel.find({}).lean();
    const again = await removeChildValuesFromAuditLog();
    assert.deepEqual(again, { examined: 0, cleaned: 0 });
    assert.deepEqual(await AuditEventModel.find({}).lean(), once);
  });

  it('when the server starts (the real entry point), then old entries are clean before it listens', async () => {
    await seed();
    [server] = await startInstancesOnTestDatabase(1);
    const text = JSON.stringify((await sorted()).map((entry) => entry.details));
    assert.ok(!text.includes('9490') && !text.includes('fodbold'), `details after start-up: ${text}`);
    const runs = await AuditEventModel.find({ action: CHILD_VALUES_REMOVED }).lean();
    assert.deepEqual(
      runs.map((run) => run.details),
      [{ examined: 4, cleaned: 4 }],
    );
  });
});
