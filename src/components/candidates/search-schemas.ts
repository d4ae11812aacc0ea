import { z } from 'zod';
import { findPostcode } from '../geography/index.js';
import { writtenText } from '../../shared/http/index.js';

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')], 'forms.errors.invalid')
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** The direct search's query string: an interest or tag, a postcode with a distance, a weekday, a page. */
export const searchSchema = z
  .strictObject({
    interesse: optional(
      writtenText({ oneLine: true })
        .min(2, 'candidates.search.interestShort')
        .max(40, 'forms.errors.tooLong'),
    ),
    postnummer: optional(
      z
        .string('forms.errors.invalid')
        .trim()
        .refine((value) => Boolean(findPostcode(value)), 'candidates.search.postcodeUnknown'),
    ),
    afstand: optional(z.string('forms.errors.invalid').regex(/^\d{1,3}$/, 'candidates.search.distance'))
      .transform((value) => (value === undefined ? undefined : Number(value)))
      .pipe(
        z.number().min(1, 'candidates.search.distance').max(100, 'candidates.search.distance').optional(),
      ),
    ugedag: optional(z.string('forms.errors.invalid').regex(/^[1-7]$/, 'forms.errors.invalid')).transform(
      (value) => (value === undefined ? undefined : Number(value)),
    ),
    side: optional(z.string('forms.errors.invalid').regex(/^\d{1,4}$/, 'forms.errors.invalid')).transform(
      (value) => Math.max(1, Number(value ?? '1')),
    ),
  })
  .transform((query) => ({
    ...query,
    interesse: query.interesse?.normalize('NFC').toLocaleLowerCase('da-DK'),
  }));

export type SearchQuery = z.output<typeof searchSchema>;
