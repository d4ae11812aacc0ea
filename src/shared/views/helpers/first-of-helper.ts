/** {{t "key" name=(firstOf alias (t "fallback"))}}: the first value that is set, for text with a fallback. */
export function firstOfHelper(...args: unknown[]): unknown {
  return args.slice(0, -1).find(Boolean) ?? '';
}
