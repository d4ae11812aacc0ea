import assert from 'node:assert/strict';
import { describeShape, isServed, type IndexKeys } from '../../../src/shared/db/index-coverage.js';
import { filterShape, type QueryShape } from '../../../src/shared/db/query-shape.js';

function query(filter: Record<string, unknown>, sort: IndexKeys = []): Pick<QueryShape, 'filter' | 'sort'> {
  return { filter: filterShape(filter), sort };
}

const byTenantStatusDate: IndexKeys = [
  ['municipalityCode', 1],
  ['status', 1],
  ['createdAt', -1],
];

describe('index coverage: an index serves a query as MongoDB would, without a collection scan or a sort in memory', () => {
  it('when the equality fields lead the index, then it serves them, with further fields filtered from it', () => {
    assert.ok(isServed(query({ municipalityCode: 'a', status: 'open' }), [byTenantStatusDate]));
    assert.ok(isServed(query({ municipalityCode: 'a', kind: 'x' }), [byTenantStatusDate]));
    assert.ok(!isServed(query({ status: 'open' }), [byTenantStatusDate]), 'the leading field is not fixed');
  });

  it('when $in fixes a field, then it counts as equality for the prefix', () => {
    assert.ok(
      isServed(query({ municipalityCode: { $in: ['a', 'b'] }, status: 'open' }), [byTenantStatusDate]),
    );
  });

  it('when the query sorts, then the sort must follow the equality prefix, forwards or backwards', () => {
    const filter = { municipalityCode: 'a', status: 'open' };
    assert.ok(isServed(query(filter, [['createdAt', -1]]), [byTenantStatusDate]));
    assert.ok(isServed(query(filter, [['createdAt', 1]]), [byTenantStatusDate]));
    assert.ok(
      !isServed(query({ municipalityCode: 'a' }, [['createdAt', -1]]), [byTenantStatusDate]),
      'status sits between',
    );
    assert.ok(!isServed(query(filter, [['name', 1]]), [byTenantStatusDate]));
    assert.ok(
      isServed(
        query(filter, [
          ['status', 1],
          ['createdAt', -1],
        ]),
        [byTenantStatusDate],
      ),
      'a sort on a field fixed by equality needs no place',
    );
  });

  it('when ranges follow equality, then the index serves them; a range alone needs a leading ranged field', () => {
    const window = { $gte: new Date(), $lt: new Date() };
    assert.ok(
      isServed(query({ municipalityCode: 'a', status: 'open', createdAt: window }), [byTenantStatusDate]),
    );
    assert.ok(isServed(query({ expiresAt: { $lt: new Date() } }), [[['expiresAt', 1]]]));
    assert.ok(!isServed(query({ createdAt: window }), [byTenantStatusDate]));
    assert.ok(
      !isServed(query({ organisationId: 'o', expiresAt: { $gt: new Date() } }), [[['expiresAt', 1]]]),
      'a query that fixes a field needs an index led by one it fixes',
    );
  });

  it('when the filter is empty, then only an index in the sort order serves it', () => {
    assert.ok(!isServed(query({}), [byTenantStatusDate]));
    assert.ok(isServed(query({}, [['at', -1]]), [[['at', -1]]]));
    assert.ok(!isServed(query({}, [['name', 1]]), [[['at', -1]]]));
  });

  it('when the query fixes _id, then it is served whatever else it asks', () => {
    assert.ok(isServed(query({ _id: 'x', anything: { $exists: true } }, [['name', 1]]), []));
    assert.ok(isServed(query({ _id: { $in: ['x', 'y'] } }), []));
  });

  it('when the query has $or, then the rest of the filter or every branch must be served', () => {
    const indexes: IndexKeys[] = [byTenantStatusDate, [['organisationId', 1]]];
    assert.ok(isServed(query({ municipalityCode: 'a', $or: [{ x: 1 }, { y: 2 }] }), indexes));
    assert.ok(isServed(query({ $or: [{ municipalityCode: 'a' }, { organisationId: 'o' }] }), indexes));
    assert.ok(!isServed(query({ $or: [{ municipalityCode: 'a' }, { title: 'o' }] }), indexes));
  });

  it('when a query is described, then the description names fields, operators and sort but no value', () => {
    const shape: QueryShape = {
      collection: 'matches',
      command: 'find',
      filter: filterShape({ municipalityCode: 'SECRET', $or: [{ a: 1 }, { b: { $gt: 2 } }] }),
      sort: [['createdAt', -1]],
      projection: [],
    };
    assert.equal(
      describeShape(shape),
      'find matches {municipalityCode: $eq, $or: [{a: $eq}, {b: $gt}]} sort {createdAt: -1}',
    );
  });
});
