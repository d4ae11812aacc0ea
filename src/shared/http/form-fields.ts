import { z } from 'zod';

// Field schemas that many forms share. Messages are catalog keys; the form shows them by the field.

/** An e-mail address that must be there. */
/** A form that posts nothing but its CSRF token (a button): anything else is refused. */
export const emptySchema = z.strictObject({});

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

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

/**
 * Tags as people type them ("Håndbold, fodbold , HÅNDBOLD"): split on commas, trimmed, NFC (so an "å"
 * typed as a + ring equals the composed one), lower case, without duplicates, at most MAX_TAGS.
 */
export function normaliseTags(input: string): string[] {
  const tags = input
    .split(',')
    .map((tag) => tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK'))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Control characters (other than tab and line breaks) have no place in what a person types. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** A comma-separated tag field (may be empty); `tooLongMessage` is the form's own catalog key. */
export function tagListField(tooLongMessage: string) {
  return z
    .string('forms.errors.invalid')
    .max(400, 'forms.errors.tooLong')
    .refine((value) => !CONTROL.test(value), 'forms.errors.invalid')
    .optional()
    .transform((value) => normaliseTags(value ?? ''))
    .refine((list) => list.every((tag) => tag.length <= MAX_TAG_LENGTH), tooLongMessage);
}
