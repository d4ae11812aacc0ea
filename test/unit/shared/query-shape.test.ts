import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import { shapesOfCommand } from '../../../src/shared/db/query-shape.js';
import { callerOf } from '../../../src/shared/db/query-shape-recorder.js';

describe('query shapes: fields, operators and sort, never values', () => {
  it('when a find filters, sorts and projects, then its shape names each field with its operators', () => {
    const [shape] = shapesOfCommand({
      commandName: 'find',
      command: {
        find: 'matches',
        filter: {
          municipalityCode: '0101',
          state: { $in: ['running'] },
          createdAt: { $gte: new Date(), $lt: new Date() },
        },
        sort: new Map([['createdAt', -1]]),
        projection: { state: 1, _id: 1 },
      },
    });
    assert.deepEqual(shape, {
      collection: 'matches',
      command: 'find',
      filter: { fields: { municipalityCode: ['$eq'], state: ['$in'], createdAt: ['$gte', '$lt'] }, or: [] },
      sort: [['createdAt', -1]],
      projection: ['_id', 'state'],
    });
    assert.ok(!JSON.stringify(shape).includes('0101'), 'no value is kept');
  });

  it('when values are ids, dates, regular expressions or embedded documents, then each is an equality or $regex', () => {
    const [shape] = shapesOfCommand({
      commandName: 'find',
      command: {
        find: 'users',
        filter: { _id: new ObjectId(), at: new Date(), name: /^an/i, address: { city: 'Aarhus' } },
      },
    });
    assert.deepEqual(shape.filter.fields, {
      _id: ['$eq'],
      at: ['$eq'],
      name: ['$regex'],
      address: ['$eq'],
    });
  });

  it('when a filter has $and and $or, then $and is merged and each $or keeps its branches', () => {
    const [shape] = shapesOfCommand({
      commandName: 'find',
      command: {
        find: 'offers',
        filter: { $and: [{ status: 'open' }, { $or: [{ organisationId: 1 }, { title: { $regex: 'x' } }] }] },
      },
    });
    assert.deepEqual(shape.filter, {
      fields: { status: ['$eq'] },
      or: [
        [
          { fields: { organisationId: ['$eq'] }, or: [] },
          { fields: { title: ['$regex'] }, or: [] },
        ],
      ],
    });
  });

  it('when an aggregation starts with $match and $sort, then those are its filter and sort', () => {
    const [shape] = shapesOfCommand({
      commandName: 'aggregate',
      command: {
        aggregate: 'follow_ups',
        pipeline: [{ $match: { state: 'due' } }, { $sort: { dueOn: 1 } }, { $group: { _id: '$matchId' } }],
      },
    });
    assert.deepEqual(shape.filter.fields, { state: ['$eq'] });
    assert.deepEqual(shape.sort, [['dueOn', 1]]);
  });

  it('when updates and deletes come in a batch, then each statement is its own shape; inserts have none', () => {
    const shapes = shapesOfCommand({
      commandName: 'update',
      command: {
        update: 'matches',
        updates: [
          { q: { _id: 1 }, u: {} },
          { q: { liveKey: 'k' }, u: {} },
        ],
      },
    });
    assert.deepEqual(
      shapes.map((s) => s.filter.fields),
      [{ _id: ['$eq'] }, { liveKey: ['$eq'] }],
    );
    assert.deepEqual(shapesOfCommand({ commandName: 'insert', command: { insert: 'matches' } }), []);
    assert.equal(
      shapesOfCommand({ commandName: 'delete', command: { delete: 'x', deletes: [{ q: {} }] } }).length,
      1,
    );
  });

  it('when the stack passes through dependencies, then the caller is the first project file', () => {
    const root = process.cwd();
    const stack = [
      'Error',
      `    at recordQueryShapes (${root}/src/shared/db/query-shape-recorder.ts:20:5)`,
      `    at Collection.find (${root}/node_modules/mongodb/lib/collection.js:1:1)`,
      `    at async listMatches (${root}/src/components/requests/match-service.ts:40:3)`,
    ].join('\n');
    assert.equal(callerOf(stack), 'src/components/requests/match-service.ts');
    const fromStore = `Error\n    at MongoStore.get (${root}/node_modules/connect-mongo/dist/index.js:1:1)`;
    assert.equal(callerOf(fromStore), 'dependency connect-mongo');
  });
});
