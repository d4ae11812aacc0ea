import { z } from 'zod';
import { findPostcode } from '../geography/index.js';
import { tagListField, writtenText } from '../../shared/http/index.js';
import { checkWindowRows, takeWindows, windowFields } from '../../shared/window-fields/index.js';
import {
  FREQUENCIES,
  LANGUAGES,
  MAX_CHILDREN,
  PRESENTATION_MAX,
  VOLUNTEER_GENDERS,
} from './volunteer-rules.js';

const tags = tagListField('volunteers.profile.tagTooLong');

// Checkboxes: one ticked box is a string, several an array, none is absent.
const languages = z
  .union([z.string(), z.array(z.string()).max(LANGUAGES.length)], 'forms.errors.invalid')
  .optional()
  .transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])])
  .pipe(z.array(z.enum(LANGUAGES, 'forms.errors.invalid')));

/**
 * The profile form. Hidden or invented fields (userId, status, municipalityCode …) are unknown keys, which
 * parseForm refuses as a tampered form. Availability is up to three rows of weekday + from + to; empty
 * rows are ignored, a half-filled or backwards row is a message on that row.
 */
export const profileSchema = z
  .strictObject({
    interests: tags,
    skills: tags,
    languages,
    postcode: z
      .string('forms.errors.invalid')
      .trim()
      .refine((value) => Boolean(findPostcode(value)), 'volunteers.profile.postcodeUnknown'),
    frequency: z.enum(FREQUENCIES, 'volunteers.profile.frequencyRequired'),
    maxChildren: z
      .string('forms.errors.invalid')
      .trim()
      .regex(/^\d$/, 'volunteers.profile.maxChildrenInvalid')
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, 'volunteers.profile.maxChildrenInvalid')
          .max(MAX_CHILDREN, 'volunteers.profile.maxChildrenInvalid'),
      ),
    gender: z
      .union([z.enum(VOLUNTEER_GENDERS), z.literal('')], 'forms.errors.invalid')
      .optional()
      .transform((value) => value || undefined),
    presentation: writtenText()
      .max(PRESENTATION_MAX, 'volunteers.profile.presentationTooLong')
      .optional()
      .transform((value) => (value ?? '').normalize('NFC')),
    ...windowFields,
  })
  .superRefine((profile, context) => {
    checkWindowRows(profile, context, 'volunteers.profile.window');
  })
  .transform((profile) => {
    const { windows, rest } = takeWindows(profile);
    return { ...rest, availability: windows };
  });

export type ProfileInput = z.output<typeof profileSchema>;

export { emptySchema } from '../../shared/http/index.js';

export const deleteAccountSchema = z.strictObject({
  password: z
    .string('forms.errors.invalid')
    .min(1, 'volunteers.delete.passwordRequired')
    .max(4096, 'forms.errors.tooLong'),
});

/** The browse page's filters (query string): a municipality code and a name search. */
export const browseSchema = z.strictObject({
  kommune: z
    .string('forms.errors.invalid')
    .trim()
    .regex(/^(\d{4})?$/, 'forms.errors.invalid')
    .optional()
    .transform((value) => value || undefined),
  q: writtenText({ oneLine: true })
    .max(80, 'forms.errors.tooLong')
    .optional()
    .transform((value) => value?.normalize('NFC') || undefined),
});
