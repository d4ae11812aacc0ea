/** {{#if (eq a b)}} and {{#if (or a b)}}: the two comparisons templates need (Handlebars passes options last). */
export function eqHelper(a: unknown, b: unknown): boolean {
  return a === b;
}

export function orHelper(...args: unknown[]): boolean {
  return args.slice(0, -1).some(Boolean);
}
