/** {{t (concat "a." key ".b")}}: builds a catalog key from parts (Handlebars passes an options hash last). */
export function concatHelper(...parts: unknown[]): string {
  return parts.slice(0, -1).map(String).join('');
}
