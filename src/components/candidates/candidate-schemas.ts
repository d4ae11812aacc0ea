import { z } from 'zod';
import { CANDIDATE_KEY } from './candidate-facts.js';

const page = z
  .string('forms.errors.invalid')
  .regex(/^\d{1,4}$/, 'forms.errors.invalid')
  .optional()
  .transform((value) => Math.max(1, Number(value ?? '1')));

const key = z.string('forms.errors.invalid').regex(CANDIDATE_KEY, 'forms.errors.invalid');

/** The candidate list's query string: only the page. */
export const candidatesQuerySchema = z.strictObject({ side: page });

/** Two candidates to compare. */
export const compareQuerySchema = z.strictObject({ a: key, b: key });

/** A bookmark button's form. */
export const bookmarkSchema = z.strictObject({ candidate: key });
