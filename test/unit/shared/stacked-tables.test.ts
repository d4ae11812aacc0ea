import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const VIEWS = path.resolve('views');

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templates(path.join(dir, entry.name))
      : entry.name.endsWith('.hbs')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

// A phone shows a table as stacked cards (public/css/main.css): the card's labels come from data-label.
describe('tables on phones', () => {
  const withTables = templates(VIEWS).filter((file) => readFileSync(file, 'utf8').includes('<table'));

  it('when a view has a table, then it is a stackable .table and every data cell carries its column label', () => {
    assert.ok(withTables.length >= 10, `found only ${withTables.length} views with tables`);
    for (const file of withTables) {
      const text = readFileSync(file, 'utf8');
      const name = path.relative(VIEWS, file);
      for (const [table] of text.matchAll(/<table[^>]*>/g)) {
        assert.match(table, /class="[^"]*\btable\b/, `${name}: ${table} lacks class="table"`);
      }
      for (const [cell] of text.matchAll(/<td(?=[\s>])[^>]*>/g)) {
        assert.match(cell, /data-label="[^"]+"/, `${name}: ${cell} lacks a data-label`);
      }
    }
  });
});
