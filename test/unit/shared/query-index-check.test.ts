import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { allModels } from '../../../src/component-list.js';
import { declaredCollections } from '../../../src/shared/db/declared-indexes.js';
import { filterShape } from '../../../src/shared/db/query-shape.js';
import type { RecordedQueryShape } from '../../../src/shared/db/query-shape-recorder.js';
import { checkQueryIndexes } from '../../helpers/query-index-check.js';
import {
  GROWING_COLLECTIONS,
  QUERY_INDEX_EXCEPTIONS,
  SMALL_COLLECTIONS,
} from '../../helpers/query-index-exceptions.js';
import { testConfig } from '../../helpers/test-config.js';

function recorded(collection: string, filter: Record<string, unknown>, from: string): RecordedQueryShape {
  return { collection, command: 'find', filter: filterShape(filter), sort: [], projection: [], from };
}

describe('the index check over recorded queries', () => {
  const models = allModels(testConfig());

  it('when the app queries a growing collection by an unindexed field, then the query and its file are named', () => {
    const findings = checkQueryIndexes([recorded('matches', { closeReason: 'x' }, 'src/a.ts')], models);
    assert.deepEqual(findings.unserved, ['find matches {closeReason: $eq}\n      from src/a.ts']);
  });

  it('when the query is the tests’ own, on a small collection, or a listed exception, then it passes', () => {
    const exception = QUERY_INDEX_EXCEPTIONS.find(
      (listed) => listed.from === 'src/shared/audit/audit-clean-up.ts',
    )!;
    const findings = checkQueryIndexes(
      [
        recorded('matches', { closeReason: 'x' }, 'test/integration/some.test.ts'),
        recorded('municipalities', { name: 'x' }, 'src/a.ts'),
        {
          ...recorded('audit_events', {}, exception.from),
          filter: filterShape({
            $or: [
              { action: { $in: [] }, 'details.criteria.factors': { $exists: true } },
              { action: 'a', 'details.worry': { $exists: true } },
            ],
          }),
        },
      ],
      models,
    );
    assert.deepEqual(findings.unserved, []);
    assert.deepEqual(findings.unclassified, []);
  });

  it('when a collection is not listed as growing or small, then the check asks for it to be', () => {
    const findings = checkQueryIndexes([recorded('widgets', { a: 1 }, 'src/a.ts')], models);
    assert.equal(findings.unclassified.length, 1);
    assert.match(findings.unclassified[0], /^widgets: /);
  });

  it('when the code declares a collection, then it is listed as growing or small, and each exception names a file that exists', () => {
    const unlisted = declaredCollections(models).filter(
      (collection) => !(collection in GROWING_COLLECTIONS) && !(collection in SMALL_COLLECTIONS),
    );
    assert.deepEqual(unlisted, []);
    for (const exception of QUERY_INDEX_EXCEPTIONS) assert.ok(existsSync(exception.from), exception.from);
  });
});
