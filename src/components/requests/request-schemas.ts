import { z } from 'zod';
import { findPostcode } from '../geography/index.js';
import { LANGUAGES } from '../volunteers/index.js';
import { identifierText, tagListField, writtenText } from '../../shared/http/index.js';
import { checkWindowRows, takeWindows, windowFields } from '../../shared/window-fields/index.js';
import {
  ADULT_GENDERS,
  CASE_REF_MAX,
  caseRefProblem,
  CHILD_GENDERS,
  EXPECTED_MONTHS,
  isChildBirth,
  MAX_TRAVEL_KM,
  NEEDS_TEXT_MAX,
  PREVENTS_STEPS,
} from './request-rules.js';

const tags = tagListField('matching.request.tagTooLong');

// Checkboxes: one ticked box is a string, several an array, none is absent.
const manyOf = (max: number) =>
  z
    .union([z.string(), z.array(z.string()).max(max)], 'forms.errors.invalid')
    .optional()
    .transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])]);

/** An empty select is "not given"; anything else must be one of the choices. */
const optionalChoice = <T extends readonly [string, ...string[]]>(choices: T) =>
  z
    .union([z.enum(choices), z.literal('')], 'forms.errors.invalid')
    .optional()
    .transform((value) => value || undefined);

const number = (pattern: RegExp, message: string) =>
  z.string('forms.errors.invalid').trim().regex(pattern, message).transform(Number);

/**
 * The two-minute request form: case number, birth year and month, postcode and the step it is meant to
 * prevent are required; everything else may wait. Tenant, responsible worker and status are not fields
 * at all, so a form that posts them is refused as tampered (unknown keys).
 */
export const requestSchema = z
  .strictObject({
    // An identifier, looked up later in the municipality's own case system: hidden characters refused.
    caseRef: identifierText()
      .min(1, 'matching.request.caseRefRequired')
      .max(CASE_REF_MAX, 'forms.errors.tooLong')
      .refine((value) => caseRefProblem(value) !== 'cpr', 'matching.request.caseRefCpr')
      .refine((value) => caseRefProblem(value) !== 'name', 'matching.request.caseRefName'),
    birthYear: number(/^\d{4}$/, 'matching.request.birthInvalid'),
    birthMonth: number(/^\d{1,2}$/, 'matching.request.birthInvalid'),
    gender: optionalChoice(CHILD_GENDERS),
    postcode: z
      .string('forms.errors.invalid')
      .trim()
      .refine((value) => Boolean(findPostcode(value)), 'matching.request.postcodeUnknown'),
    interests: tags,
    needsText: writtenText()
      .max(NEEDS_TEXT_MAX, 'forms.errors.tooLong')
      .optional()
      .transform((value) => (value ?? '').normalize('NFC')),
    needTags: tags,
    homeLanguages: manyOf(LANGUAGES.length).pipe(z.array(z.enum(LANGUAGES, 'forms.errors.invalid'))),
    ...windowFields,
    maxTravelKm: z
      .string('forms.errors.invalid')
      .trim()
      .regex(/^(\d{1,3})?$/, 'matching.request.travelInvalid')
      .optional()
      .transform((value) => (value ? Number(value) : undefined))
      .pipe(
        z
          .number()
          .min(1, 'matching.request.travelInvalid')
          .max(MAX_TRAVEL_KM, 'matching.request.travelInvalid')
          .optional(),
      ),
    adultGender: optionalChoice(ADULT_GENDERS),
    noFaithCommunity: z
      .literal('yes', 'forms.errors.invalid')
      .optional()
      .transform((value) => value === 'yes'),
    networkOrganisationIds: manyOf(50).pipe(
      z.array(z.string().regex(/^[0-9a-f]{24}$/, 'forms.errors.invalid')),
    ),
    preventsStep: z.enum(PREVENTS_STEPS, 'matching.request.stepRequired'),
    expectedMonths: z
      .string('forms.errors.invalid')
      .trim()
      .regex(/^(\d{1,2})?$/, 'matching.request.monthsInvalid')
      .optional()
      .transform((value) => (value ? Number(value) : EXPECTED_MONTHS.default))
      .pipe(
        z
          .number()
          .min(EXPECTED_MONTHS.min, 'matching.request.monthsInvalid')
          .max(EXPECTED_MONTHS.max, 'matching.request.monthsInvalid'),
      ),
  })
  // Runs even when other fields failed, so every message shows at once; values may then be unparsed.
  .superRefine(
    (form, context) => {
      const { birthYear, birthMonth } = form as { birthYear: unknown; birthMonth: unknown };
      if (
        typeof birthYear === 'number' &&
        typeof birthMonth === 'number' &&
        !isChildBirth(birthYear, birthMonth, new Date())
      )
        context.addIssue({ code: 'custom', path: ['birthYear'], message: 'matching.request.birthInvalid' });
      checkWindowRows(form, context, 'matching.request.window');
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((form) => {
    const { windows, rest } = takeWindows(form);
    return { ...rest, windows };
  });

export type RequestInput = z.output<typeof requestSchema>;

export const transferSchema = z.strictObject({
  colleagueId: z.string('forms.errors.invalid').regex(/^[0-9a-f]{24}$/, 'matching.transfer.choose'),
});

export { emptySchema } from '../../shared/http/index.js';
