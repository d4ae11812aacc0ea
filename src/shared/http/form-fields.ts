import { z } from 'zod';

// Field schemas that many forms share. Messages are catalog keys; the form shows them by the field.

/** An e-mail address that must be there. */
export const requiredEmail = z
  .string('forms.errors.invalid')
  .trim()
  .min(1, 'forms.errors.required')
  .max(254, 'forms.errors.tooLong')
  .pipe(z.email('accounts.errors.email'));

/** An e-mail address that may be left empty (then undefined). */
export const optionalEmail = z
  .string('forms.errors.invalid')
  .trim()
  .max(254, 'forms.errors.tooLong')
  .refine((value) => value === '' || z.email().safeParse(value).success, 'accounts.errors.email')
  .optional()
  .transform((value) => value || undefined);

/** A phone number that may be left empty: digits, spaces, +, brackets and hyphens. */
export const optionalPhone = z
  .string('forms.errors.invalid')
  .trim()
  .max(30, 'forms.errors.tooLong')
  .regex(/^[0-9 +()-]*$/, 'accounts.errors.phone')
  .optional()
  .transform((value) => value || undefined);

/** Free text that may be left empty (then undefined). */
export function optionalText(max: number) {
  return z
    .string('forms.errors.invalid')
    .trim()
    .max(max, 'forms.errors.tooLong')
    .optional()
    .transform((value) => value || undefined);
}
