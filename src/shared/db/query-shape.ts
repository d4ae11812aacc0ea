/**
 * The shape of a query: which collection, which fields it filters on with which operators, and how it
 * sorts. Never a value: shapes may be written to a file while real data flows through the queries.
 */
export interface QueryShape {
  collection: string;
  command: QueryCommand;
  filter: FilterShape;
  /** Sort keys in order, with their direction. */
  sort: Array<[string, 1 | -1]>;
  /** Projected field names, sorted (empty: whole documents). */
  projection: string[];
}

type QueryCommand = 'find' | 'aggregate' | 'count' | 'distinct' | 'update' | 'delete' | 'findAndModify';

/** Each filtered field with its operators (`$eq` for a plain value); each `$or` as its branches. */
export interface FilterShape {
  fields: Record<string, string[]>;
  or: FilterShape[][];
}

/** A command as the driver reports it when it starts (only the parts a shape reads). */
export interface StartedCommand {
  commandName: string;
  command: Record<string, unknown>;
}

/** The shapes of the queries one command runs: none for writes of new documents and for cursor paging. */
export function shapesOfCommand(started: StartedCommand): QueryShape[] {
  const c = started.command;
  switch (started.commandName) {
    case 'find':
      return [shape(c.find, 'find', c.filter, c.sort, c.projection)];
    case 'aggregate':
      return typeof c.aggregate === 'string' ? [aggregateShape(c.aggregate, c.pipeline)] : [];
    case 'count':
      return [shape(c.count, 'count', c.query)];
    case 'distinct':
      return [shape(c.distinct, 'distinct', c.query)];
    case 'findAndModify':
      return [shape(c.findAndModify, 'findAndModify', c.query, c.sort, c.fields)];
    case 'update':
      return statements(c.updates).map((u) => shape(c.update, 'update', u.q));
    case 'delete':
      return statements(c.deletes).map((d) => shape(c.delete, 'delete', d.q));
    default:
      return [];
  }
}

/** A stable text for a shape, to tell shapes apart. */
export function shapeKey(queryShape: QueryShape): string {
  return JSON.stringify(queryShape);
}

function statements(list: unknown): Array<{ q?: unknown }> {
  return Array.isArray(list) ? (list as Array<{ q?: unknown }>) : [];
}

// An aggregation reads through its leading $match and $sort stages; the stages after work on what they return.
function aggregateShape(collection: string, pipeline: unknown): QueryShape {
  const stages = Array.isArray(pipeline) ? (pipeline as Array<Record<string, unknown>>) : [];
  let filter: unknown;
  let sort: unknown;
  for (const stage of stages) {
    if ('$match' in stage && filter === undefined && sort === undefined) filter = stage.$match;
    else if ('$sort' in stage && sort === undefined) sort = stage.$sort;
    else break;
  }
  return shape(collection, 'aggregate', filter, sort);
}

function shape(
  collection: unknown,
  command: QueryCommand,
  filter: unknown,
  sort?: unknown,
  projection?: unknown,
): QueryShape {
  return {
    collection: String(collection),
    command,
    filter: filterShape(filter),
    sort: sortShape(sort),
    projection: isPlainObject(projection) ? Object.keys(projection).sort() : [],
  };
}

/** The operator-level shape of a filter document. */
export function filterShape(filter: unknown): FilterShape {
  const result: FilterShape = { fields: {}, or: [] };
  if (!isPlainObject(filter)) return result;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) merge(result, filterShape(part));
    } else if (key === '$or' && Array.isArray(value)) {
      result.or.push(value.map(filterShape));
    } else if (key.startsWith('$')) {
      // $nor, $expr, $where, $text, $comment: no index serves them by field; kept under their own name.
      addOperators(result, key, [key]);
    } else {
      addOperators(result, key, operatorsOf(value));
    }
  }
  for (const field of Object.keys(result.fields)) result.fields[field].sort();
  return result;
}

function operatorsOf(value: unknown): string[] {
  if (value instanceof RegExp || (isBsonValue(value) && value._bsontype === 'BSONRegExp')) return ['$regex'];
  if (!isPlainObject(value)) return ['$eq'];
  const keys = Object.keys(value);
  // An embedded document compared as a whole is an equality; one of operators is a list of conditions.
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return ['$eq'];
  return keys.filter((k) => k !== '$options');
}

function addOperators(target: FilterShape, field: string, operators: string[]): void {
  const existing = target.fields[field] ?? [];
  target.fields[field] = [...new Set([...existing, ...operators])];
}

function merge(target: FilterShape, part: FilterShape): void {
  for (const [field, operators] of Object.entries(part.fields)) addOperators(target, field, operators);
  target.or.push(...part.or);
}

function sortShape(sort: unknown): Array<[string, 1 | -1]> {
  // The driver hands a find's sort over as a Map (it keeps the key order); a pipeline's $sort is a document.
  const entries =
    sort instanceof Map
      ? [...(sort as Map<string, unknown>)]
      : isPlainObject(sort)
        ? Object.entries(sort)
        : [];
  return entries.map(([field, direction]) => [field, Number(direction) < 0 ? -1 : 1]);
}

function isBsonValue(value: unknown): value is { _bsontype: string } {
  return typeof value === 'object' && value !== null && '_bsontype' in value;
}

// Only documents written as object literals are filters to look into; ObjectId, Date, Decimal128 … are values.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isBsonValue(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
