import { z } from 'zod';
import { MAX_TRAVEL_KM } from '../requests/index.js';

const CLOCK = /^\d{2}:\d{2}$/;

/** One suggested change, as its button posts it; the request form's own rules check it again. */
export const relaxationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('distance'),
      km: z
        .string()
        .regex(/^\d{1,3}$/)
        .transform(Number)
        .pipe(z.number().min(1).max(MAX_TRAVEL_KM)),
    }),
    z.strictObject({
      kind: z.literal('weekday'),
      weekday: z
        .string()
        .regex(/^[1-7]$/)
        .transform(Number),
      from: z.string().regex(CLOCK),
      to: z.string().regex(CLOCK),
    }),
    z.strictObject({ kind: z.literal('any-time') }),
    z.strictObject({ kind: z.literal('any-gender') }),
  ],
  'forms.errors.invalid',
);

export type RelaxationInput = z.output<typeof relaxationSchema>;

export { emptySchema } from '../../shared/http/index.js';
