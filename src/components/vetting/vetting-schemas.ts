import { z } from 'zod';
import { calendarDate, identifierText, writtenText } from '../../shared/http/index.js';
import { CERTIFICATE_OUTCOMES, INTERVIEW_OUTCOMES } from './vetting-rules.js';

// Every form is a strict object: a posted recordedBy, outcomeBy, validUntil, organisationId, userId or
// cpr field is an unknown key, which parseForm answers with 400. Free text must not carry a CPR number.
const CPR_LIKE = /(?<!\d)\d{6}[- ]?\d{4}(?!\d)/;

/**
 * Text that may not hold anything shaped like a CPR number (ddmmyy-xxxx, with or without the dash). The
 * base is written text (hidden characters removed before the check, so none can split a CPR number) or,
 * for a name, an identifier (hidden characters refused).
 */
function withoutCpr(base: z.ZodString, min: number, max: number) {
  return base
    .min(min, 'forms.errors.required')
    .max(max, 'forms.errors.tooLong')
    .refine((value) => !CPR_LIKE.test(value), 'vetting.errors.noCpr');
}

/** A date from <input type="date"> (YYYY-MM-DD): a real day, from 2000 on, not in the future. */
const pastDate = calendarDate()
  .refine((value) => !/^\d{4}-/.test(value) || Number(value.slice(0, 4)) >= 2000, 'vetting.errors.date')
  .transform((value) => new Date(`${value}T00:00:00Z`))
  // A day of slack: the coordinator's "today" in Copenhagen may be tomorrow in UTC.
  .refine((date) => date.getTime() <= Date.now() + 24 * 60 * 60 * 1000, 'vetting.errors.future');

/** Forms with nothing to fill in (ordering, consent): only the CSRF token may come along. */
export { emptySchema } from '../../shared/http/index.js';

export const outcomeSchema = z.strictObject({
  outcome: z.enum(CERTIFICATE_OUTCOMES, 'vetting.errors.chooseOutcome'),
});

export const interviewFormSchema = z.strictObject({
  heldOn: pastDate,
  interviewer: withoutCpr(identifierText(), 2, 120),
  interviewOutcome: z.enum(INTERVIEW_OUTCOMES, 'vetting.errors.chooseOutcome'),
  note: withoutCpr(writtenText(), 0, 500)
    .optional()
    .transform((value) => value || undefined),
});

export const referenceFormSchema = z.strictObject({
  slot: z.enum(['1', '2'], 'forms.errors.invalid').transform(Number),
  checked: z.enum(['yes', 'no'], 'vetting.errors.chooseYesNo').transform((value) => value === 'yes'),
});

export const trainingFormSchema = z.strictObject({
  hours: z
    .string('forms.errors.invalid')
    .trim()
    .min(1, 'forms.errors.required')
    .regex(/^\d{1,3}([.,]\d{1,2})?$/, 'vetting.errors.hours')
    .transform((value) => Number(value.replace(',', '.')))
    .refine((hours) => hours > 0 && hours <= 200, 'vetting.errors.hours'),
  completedOn: pastDate,
});

/** The organisation's own validity: empty means "as the municipality says". */
export const vettingPolicySchema = z.strictObject({
  validityMonths: z
    .string('forms.errors.invalid')
    .trim()
    .regex(/^\d{0,2}$/, 'vetting.errors.months')
    .transform((value) => (value === '' ? undefined : Number(value)))
    .refine((months) => months === undefined || (months >= 1 && months <= 60), 'vetting.errors.months'),
});

export const declarationSchema = z.strictObject({
  confirm: z.literal('yes', 'vetting.declaration.confirmRequired'),
});

/** ?year= on the municipality's list: a plausible calendar year or nothing. */
export const yearQuerySchema = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .refine((year) => year >= 2000 && year <= 2100)
    .optional(),
});
