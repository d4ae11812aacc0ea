import { z } from 'zod';
import { calendarDate, optionalText } from '../../shared/http/index.js';
import {
  CHILD_FIELDS,
  CONSENT_HOW,
  CONSENTERS,
  CUSTODY,
  DEFAULT_PURPOSES,
  RECIPIENTS,
} from './consent-rules.js';

// Checkboxes: one ticked box is a string, several an array, none is absent.
const manyOf = <T extends readonly [string, ...string[]]>(choices: T, requiredMessage?: string) =>
  z
    .union([z.string(), z.array(z.string()).max(choices.length)], 'forms.errors.invalid')
    .optional()
    .transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])])
    .pipe(
      requiredMessage
        ? z.array(z.enum(choices, 'forms.errors.invalid')).min(1, requiredMessage)
        : z.array(z.enum(choices, 'forms.errors.invalid')),
    );

// A real day (2027-02-30 is refused, not moved to March), kept as noon UTC: the same day in Copenhagen.
const day = (requiredMessage: string) =>
  calendarDate(requiredMessage).transform((value) => new Date(`${value}T12:00:00Z`));

/**
 * One person's consent, as the short form in a conversation with a parent records it. Who recorded it,
 * the recipients' ids and the match are never taken from the form.
 */
export const consentSchema = z
  .strictObject({
    consenter: z.enum(CONSENTERS, 'consent.record.consenterRequired'),
    initials: z
      .string('forms.errors.invalid')
      .trim()
      .regex(/^[A-Za-zÆØÅæøåÉé.]{1,6}$/, 'consent.record.initialsInvalid'),
    custody: z
      .union([z.enum(CUSTODY), z.literal('')], 'forms.errors.invalid')
      .optional()
      .transform((value) => value || undefined),
    purposes: manyOf(DEFAULT_PURPOSES, 'consent.record.purposesRequired'),
    recipients: manyOf(RECIPIENTS, 'consent.record.recipientsRequired'),
    fields: manyOf(CHILD_FIELDS),
    how: z.enum(CONSENT_HOW, 'consent.record.howRequired'),
    givenAt: day('consent.record.givenAtInvalid'),
    validUntil: day('consent.record.validUntilInvalid'),
  })
  .superRefine((value, issues) => {
    if (value.consenter === 'guardian' && !value.custody)
      issues.addIssue({ code: 'custom', path: ['custody'], message: 'consent.record.custodyRequired' });
  });

export const workerWithdrawalSchema = z.strictObject({
  how: z.enum(['phone', 'letter', 'in-person'], 'consent.withdraw.howRequired'),
  reason: optionalText(500),
});

export const emptySchema = z.strictObject({});

export const rulesSchema = z.strictObject({
  purposes: manyOf(DEFAULT_PURPOSES, 'consent.rules.purposesRequired'),
  proposalPurposes: manyOf(DEFAULT_PURPOSES),
  activationPurposes: manyOf(DEFAULT_PURPOSES, 'consent.rules.activationRequired'),
  youthAge: z.coerce
    .number('consent.rules.youthAgeInvalid')
    .int('consent.rules.youthAgeInvalid')
    .min(10, 'consent.rules.youthAgeInvalid')
    .max(18, 'consent.rules.youthAgeInvalid'),
  youthConsentAsked: z
    .literal('yes', 'forms.errors.invalid')
    .optional()
    .transform((value) => value === 'yes'),
});
