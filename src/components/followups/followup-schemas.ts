import { z } from 'zod';
import { optionalText, pageParam, writtenText } from '../../shared/http/index.js';
import { SKIP_REASON_MAX, WORRY_TEXT_MAX } from './followup-model.js';
import { CONTINUE_WISHES } from './followup-rules.js';
import { WORRY_ACTIONS, WORRY_NOTE_MAX } from './worry-rules.js';

const scale = (message: string) => z.enum(['1', '2', '3', '4', '5'], message).transform(Number);

/** The check-in and the family follow-up: five short questions, the same every time. */
export const answersSchema = z
  .strictObject({
    meetings: z
      .string('followups.errors.meetings')
      .trim()
      .regex(/^\d{1,2}$/, 'followups.errors.meetings')
      .transform(Number)
      .pipe(z.number().max(31, 'followups.errors.meetings')),
    goes: scale('followups.errors.pickOne'),
    wellbeing: scale('followups.errors.pickOne'),
    worry: z.enum(['yes', 'no'], 'followups.errors.pickOne').transform((value) => value === 'yes'),
    worryText: optionalText(WORRY_TEXT_MAX),
    wishContinue: z.enum(CONTINUE_WISHES, 'followups.errors.pickOne'),
  })
  .superRefine((answers, context) => {
    if (answers.worry && !answers.worryText)
      context.addIssue({ code: 'custom', path: ['worryText'], message: 'followups.errors.worryText' });
  });

export type AnswersForm = z.output<typeof answersSchema>;

export const skipSchema = z.strictObject({
  reason: writtenText({ oneLine: true })
    .min(2, 'followups.errors.skipReason')
    .max(SKIP_REASON_MAX, 'forms.errors.tooLong'),
});

export const followUpIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}:(volunteer|family):(regular|closing):\d{1,3}$/);

/** What was done about a worry: one or more actions (ticked boxes) and a short note. */
export const worryHandlingSchema = z.strictObject({
  actions: z
    .union([z.string(), z.array(z.string()).max(WORRY_ACTIONS.length)], 'forms.errors.invalid')
    .optional()
    .transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])])
    .pipe(z.array(z.enum(WORRY_ACTIONS, 'forms.errors.invalid')).min(1, 'worry.handle.pickAction')),
  note: optionalText(WORRY_NOTE_MAX),
});

/** A paged list's query string: only the page. */
export const listQuerySchema = z.strictObject({ side: pageParam });
