import { z } from 'zod';
import { optionalCalendarDate } from '../../shared/http/index.js';
import { GOAL_METRICS, isShareMetric, type GoalMetric } from './goal-rules.js';

/**
 * The chosen period from the query string: real days (2026-02-30 is refused, not read as 2 March). Not
 * strict: the same query also names the area and the table.
 */
export const periodQuerySchema = z.object({ fra: optionalCalendarDate(), til: optionalCalendarDate() });

/** The chosen postcode area; anything else (or nothing) is the whole municipality. */
export const areaQuerySchema = z.object({ omraade: z.string().regex(/^\d{4}$/) });

/** The goals form: per metric an optional whole number (empty removes the target). */
export const goalsFormSchema = z.strictObject({
  year: z
    .string('forms.errors.invalid')
    .regex(/^\d{4}$/, 'reporting.goals.badYear')
    .transform(Number)
    .pipe(z.number().min(2020, 'reporting.goals.badYear').max(2100, 'reporting.goals.badYear')),
  ...(Object.fromEntries(
    GOAL_METRICS.map((metric) => [
      metric,
      z
        .string('forms.errors.invalid')
        .trim()
        .regex(/^\d{0,6}$/, 'reporting.goals.wholeNumber')
        .transform((text) => (text === '' ? undefined : Number(text)))
        .refine(
          (value) => value === undefined || !isShareMetric(metric) || value <= 100,
          'reporting.goals.shareRange',
        ),
    ]),
  ) as unknown as Record<GoalMetric, z.ZodType<number | undefined, string>>),
});
export type GoalsForm = z.output<typeof goalsFormSchema>;
