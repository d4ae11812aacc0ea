import { z } from 'zod';
import {
  identifierText,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredEmail,
  writtenText,
} from '../../shared/http/index.js';
import { findMunicipality, findPostcode } from '../geography/index.js';
import { ORGANISATION_KINDS } from './organisation-model.js';
import { isValidCvr } from './organisation-rules.js';

export const inviteMemberSchema = z.strictObject({
  email: requiredEmail,
  role: z.enum(['volunteer', 'coordinator'], 'forms.errors.invalid'),
});

/**
 * The registration form. Municipalities arrive as repeated `municipalityCodes` fields (checkboxes): one
 * is a string, several an array. The postcode must exist, and the CVR number (if any) must pass the
 * official check.
 */
export const registerOrganisationSchema = z.strictObject({
  // The name families and municipalities know the organisation by: hidden characters refused.
  name: identifierText().min(2, 'forms.errors.required').max(120, 'forms.errors.tooLong'),
  kind: z.enum(ORGANISATION_KINDS, 'organisations.register.kindRequired'),
  description: writtenText().min(10, 'organisations.register.describe').max(2000, 'forms.errors.tooLong'),
  address: optionalText(200, { oneLine: true }),
  postcode: z
    .string('forms.errors.invalid')
    .trim()
    .refine((value) => Boolean(findPostcode(value)), 'organisations.register.postcodeUnknown'),
  municipalityCodes: z
    .union([z.string(), z.array(z.string()).max(98)], 'organisations.register.municipalitiesRequired')
    .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
    .refine(
      (codes) => codes.length > 0 && codes.every((code) => Boolean(findMunicipality(code))),
      'organisations.register.municipalitiesRequired',
    ),
  cvr: z
    .string('forms.errors.invalid')
    .trim()
    .transform((value) => value.replace(/\s+/g, ''))
    .refine((value) => value === '' || isValidCvr(value), 'organisations.register.cvrInvalid')
    .optional()
    .transform((value) => value || undefined),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
});

export const decisionSchema = z.strictObject({
  reason: optionalText(500, { oneLine: true }),
  // The organisation's version the page showed; absent from forms that predate it.
  version: z.coerce
    .number('forms.errors.invalid')
    .int('forms.errors.invalid')
    .min(0)
    .max(1_000_000)
    .optional(),
});

export { emptySchema } from '../../shared/http/index.js';
