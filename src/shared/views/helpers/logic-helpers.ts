/** {{#if (eq a b)}} and {{#if (or a b)}}: the two comparisons templates need (Handlebars passes options last). */
export function eqHelper(a: unknown, b: unknown): boolean {
  return a === b;
}

export function orHelper(...args: unknown[]): boolean {
  return args.slice(0, -1).some(Boolean);
}

/**
 * {{#if (anyNamed object items "key")}}: whether any item's `key` names a set entry of `object`, such as
 * a form's errors for a list of rows (Handlebars passes options last).
 */
export function anyNamedHelper(object: unknown, items: unknown, key: unknown): boolean {
  if (typeof object !== 'object' || object === null || !Array.isArray(items) || typeof key !== 'string')
    return false;
  const entries = object as Record<string, unknown>;
  return items.some((item: unknown) => {
    const name = (item as Record<string, unknown> | null)?.[key];
    return typeof name === 'string' && Object.hasOwn(entries, name) && Boolean(entries[name]);
  });
}
