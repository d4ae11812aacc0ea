import { z } from 'zod';

/** `?side=N` on a paged list: page 1 when absent; a malformed value is refused like any bad form field. */
export const pageParam = z
  .string('forms.errors.invalid')
  .regex(/^\d{1,4}$/, 'forms.errors.invalid')
  .optional()
  .transform((value) => Math.max(1, Number(value ?? '1')));

interface PageLinks {
  page: number;
  /** Plain links, so the list pages without script and a crawl reaches every page. */
  previous?: string;
  next?: string;
}

/**
 * One page of a list read with one row more than it shows: that extra row says a next page exists
 * without counting the whole list.
 */
export function pageOf<T>(rows: readonly T[], page: number, size: number, base: string) {
  const link = (to: number) => (to === 1 ? base : `${base}?side=${to}`);
  const links: PageLinks = {
    page,
    previous: page > 1 ? link(page - 1) : undefined,
    next: rows.length > size ? link(page + 1) : undefined,
  };
  return { rows: rows.slice(0, size), links };
}
