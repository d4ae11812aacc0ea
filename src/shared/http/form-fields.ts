import { z } from 'zod';
import { hasHiddenCharacters, withoutHiddenCharacters } from './text-characters.js';

// Field schemas that many forms share. Messages are catalog keys; the form shows them by the field.

/** A form that posts nothing but its CSRF token (a button): anything else is refused. */
export const emptySchema = z.strictObject({});

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

/*
 * Hidden characters (control characters, bidirectional overrides, zero-width characters: see
 * text-characters.ts) are handled the same way in every form, in one of two ways:
 * - Text people write (descriptions, notes, reasons, titles, addresses, tags, search words): they are
 *   removed silently. They arrive unseen with copied text (word processors, PDFs, mail, phone keyboards),
 *   carry no meaning, and a person told about them could not find them to delete them. Removing them
 *   also means a CPR number cannot hide from the CPR check behind a zero-width space.
 * - Identifiers and names (the case reference, a person's or an organisation's name, the child's alias,
 *   the interviewer): they are refused with a message by the field. These are looked up and recognised
 *   later, so a hidden character means the stored value is not the one the person sees, and a
 *   bidirectional override can make a name show as another; the person types it again instead of us
 *   guessing what was meant.
 */

/** Text a person writes: hidden characters removed, then trimmed. Chain .min/.max as the field needs. */
export function writtenText(options: { oneLine?: boolean } = {}) {
  return z
    .string('forms.errors.invalid')
    .overwrite((value) => withoutHiddenCharacters(value, options))
    .trim();
}

/** An identifier or a name: trimmed; hidden characters refused. Chain .min/.max as the field needs. */
export function identifierText() {
  return z
    .string('forms.errors.invalid')
    .trim()
    .refine((value) => !hasHiddenCharacters(value), 'forms.errors.hiddenCharacters');
}

/** Written text that may be left empty (then undefined). */
export function optionalText(max: number, options: { oneLine?: boolean } = {}) {
  return writtenText(options)
    .max(max, 'forms.errors.tooLong')
    .optional()
    .transform((value) => value || undefined);
}

const MAX_TAGS = 10;
const MAX_TAG_LENGTH = 40;

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

/** A comma-separated tag field (may be empty); `tooLongMessage` is the form's own catalog key. */
export function tagListField(tooLongMessage: string) {
  return writtenText({ oneLine: true })
    .max(400, 'forms.errors.tooLong')
    .optional()
    .transform((value) => normaliseTags(value ?? ''))
    .refine((list) => list.every((tag) => tag.length <= MAX_TAG_LENGTH), tooLongMessage);
}
