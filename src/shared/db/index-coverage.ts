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
  return servingIndexes(shape, indexes) !== undefined;
}

/** The index that serves the query (one per branch of an `$or`), or undefined when none does. */
export function servingIndexes(
  shape: Pick<QueryShape, 'filter' | 'sort'>,
  indexes: ReadonlyArray<IndexKeys>,
): IndexKeys[] | undefined {
  const withId: IndexKeys[] = [[['_id', 1]], ...indexes];
  return filterServedBy(shape.filter, shape.sort, withId);
}

function filterServedBy(
  filter: FilterShape,
  sort: IndexKeys,
  indexes: ReadonlyArray<IndexKeys>,
): IndexKeys[] | undefined {
  const idOperators = filter.fields._id;
  if (idOperators && idOperators.every((op) => EQUALITY.has(op))) return [indexes[0]];
  // Of the indexes that serve, the one that fixes the most fields, as the planner would prefer.
  const direct = indexes
    .map((keys) => ({ keys, fixed: indexServes(keys, filter.fields, sort) }))
    .filter((candidate) => candidate.fixed >= 0)
    .sort((a, b) => b.fixed - a.fixed)[0];
  if (direct) return [direct.keys];
  for (const branches of filter.or) {
    const used = branches.map((branch) => filterServedBy(combine(filter, branch), sort, indexes));
    if (used.every((keys) => keys !== undefined)) return used.flat();
  }
  return undefined;
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

// How many leading fields of the index the query fixes when the index serves it, otherwise -1.
function indexServes(keys: IndexKeys, fields: Record<string, string[]>, sort: IndexKeys): number {
  const names = Object.keys(fields).filter((field) => !field.startsWith('$'));
  const equal = new Set(names.filter((field) => fields[field].every((op) => EQUALITY.has(op))));
  let prefix = 0;
  while (prefix < keys.length && equal.has(keys[prefix][0])) prefix += 1;
  const remainingSort = sort.filter(([field]) => !equal.has(field));
  if (!sortFollows(keys.slice(prefix), remainingSort)) return -1;
  if (equal.size > 0) return prefix > 0 ? prefix : -1;
  if (names.length > 0) return names.includes(keys[0][0]) ? 0 : -1;
  return remainingSort.length > 0 ? 0 : -1;
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
