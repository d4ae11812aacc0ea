import type { FilterShape, QueryShape } from './query-shape.js';

/** An index's key fields in order, with their direction. */
export type IndexKeys = Array<[string, 1 | -1]>;

// Operators that pin a field to single values: an index walks straight to them, like MongoDB's planner
// does for an equality prefix ($in becomes a set of point ranges, merged back into sort order).
const EQUALITY = new Set(['$eq', '$in']);

/**
 * Whether one of `indexes` serves the query the way MongoDB's planner would, without a collection scan
 * or a sort in memory: the index begins with fields the query fixes by equality, then has the sort's
 * fields in order (those fixed by equality need no place); a query that fixes no field is served by an
 * index that leads with a field it ranges over, in the sort's order; a query without a filter only by an
 * index in its sort order. Other fields are filtered from what the index returns. `_id` equality is always
 * served; an `$or` is served when the rest of the filter is, or when every branch (with the rest) is.
 */
export function isServed(
  shape: Pick<QueryShape, 'filter' | 'sort'>,
  indexes: ReadonlyArray<IndexKeys>,
): boolean {
  const withId: IndexKeys[] = [[['_id', 1]], ...indexes];
  return filterServed(shape.filter, shape.sort, withId);
}

function filterServed(filter: FilterShape, sort: IndexKeys, indexes: ReadonlyArray<IndexKeys>): boolean {
  const idOperators = filter.fields._id;
  if (idOperators && idOperators.every((op) => EQUALITY.has(op))) return true;
  if (indexes.some((keys) => indexServes(keys, filter.fields, sort))) return true;
  return filter.or.some((branches) =>
    branches.every((branch) => filterServed(combine(filter, branch), sort, indexes)),
  );
}

/** The filter without the first `$or` clause that holds `branch`, and with the branch's own conditions. */
function combine(filter: FilterShape, branch: FilterShape): FilterShape {
  const fields: Record<string, string[]> = { ...filter.fields };
  for (const [field, operators] of Object.entries(branch.fields)) {
    fields[field] = [...new Set([...(fields[field] ?? []), ...operators])];
  }
  // The other $or clauses still narrow the result, but an index need not serve them once this one is.
  return { fields, or: branch.or };
}

function indexServes(keys: IndexKeys, fields: Record<string, string[]>, sort: IndexKeys): boolean {
  const names = Object.keys(fields).filter((field) => !field.startsWith('$'));
  const equal = new Set(names.filter((field) => fields[field].every((op) => EQUALITY.has(op))));
  let prefix = 0;
  while (prefix < keys.length && equal.has(keys[prefix][0])) prefix += 1;
  const remainingSort = sort.filter(([field]) => !equal.has(field));
  if (!sortFollows(keys.slice(prefix), remainingSort)) return false;
  if (equal.size > 0) return prefix > 0;
  if (names.length > 0) return names.includes(keys[0][0]);
  return remainingSort.length > 0;
}

// The index's next fields give the sort's order, read forwards or backwards.
function sortFollows(keys: IndexKeys, sort: IndexKeys): boolean {
  if (sort.length === 0) return true;
  if (keys.length < sort.length) return false;
  const forwards = sort.every(([field, direction], i) => keys[i][0] === field && keys[i][1] === direction);
  const backwards = sort.every(([field, direction], i) => keys[i][0] === field && keys[i][1] === -direction);
  return forwards || backwards;
}

/** A one-line, value-free description of a query, as the index check reports and its exceptions name it. */
export function describeShape(shape: QueryShape): string {
  const sort = shape.sort.length
    ? ` sort {${shape.sort.map(([field, direction]) => `${field}: ${direction}`).join(', ')}}`
    : '';
  return `${shape.command} ${shape.collection} ${describeFilter(shape.filter)}${sort}`;
}

function describeFilter(filter: FilterShape): string {
  const parts = Object.entries(filter.fields).map(([field, operators]) => `${field}: ${operators.join('|')}`);
  for (const branches of filter.or) parts.push(`$or: [${branches.map(describeFilter).join(', ')}]`);
  return `{${parts.join(', ')}}`;
}
