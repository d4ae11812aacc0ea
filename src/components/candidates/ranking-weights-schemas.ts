import { z } from 'zod';
import { FACTORS, WEIGHT_LIMITS, type Factor } from './candidate-rules.js';

/** The weights form: whole numbers within each factor's bounds, one message per field. */
export const weightsSchema = z.strictObject(
  Object.fromEntries(
    FACTORS.map((factor) => [
      factor,
      z
        .string('forms.errors.invalid')
        .trim()
        .min(1, 'forms.errors.required')
        .regex(/^\d{1,3}$/, 'candidates.weights.wholeNumber')
        .transform(Number)
        .pipe(
          z
            .number()
            .min(WEIGHT_LIMITS[factor].min, 'candidates.weights.outOfRange')
            .max(WEIGHT_LIMITS[factor].max, 'candidates.weights.outOfRange'),
        ),
    ]),
  ) as unknown as Record<Factor, z.ZodType<number, string>>,
);
