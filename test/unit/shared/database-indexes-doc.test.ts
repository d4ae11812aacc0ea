import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { currentIndexTable, documentedIndexTable, INDEX_DOC } from '../../../scripts/list-indexes.js';

// Markdown tables are padded by the formatter: compare cell by cell.
function cells(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s|:-]+\|$/.test(line.trim()))
    .map((line) => line.split('|').map((cell) => cell.trim()));
}

describe('docs/database-indexes.md', () => {
  it('lists exactly the indexes the models declare (npx tsx scripts/list-indexes.ts --write)', () => {
    const documented = documentedIndexTable(readFileSync(INDEX_DOC, 'utf8'));
    assert.deepEqual(cells(documented), cells(currentIndexTable()));
  });
});
