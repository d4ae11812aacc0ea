import assert from 'node:assert/strict';
import { allModels } from '../../src/component-list.js';
import { checkQueryIndexes, readRecordedShapes } from '../helpers/query-index-check.js';
import { testConfig } from '../helpers/test-config.js';

// Runs after every other test of the run (its folder sorts last): by then the run's queries, the browser
// tests' app processes included, are in the shapes file. A partial run checks what it recorded.
describe('every query the application sent during this run', () => {
  it('is served by an index the code declares, or is a listed exception', () => {
    const recorded = readRecordedShapes(process.env.QUERY_SHAPES_FILE);
    const findings = checkQueryIndexes(recorded, allModels(testConfig()));
    const problems = [
      ...findings.unclassified.map((line) => `  collection ${line}`),
      ...findings.unserved.map((line) => `  no declared index serves: ${line}`),
    ];
    if (problems.length > 0) {
      assert.fail(
        `${problems.length} of the ${findings.checked} query shapes recorded need an index (declare it in the ` +
          `model's schema) or a listed exception (test/helpers/query-index-exceptions.ts):\n${problems.join('\n')}`,
      );
    }
  });
});
