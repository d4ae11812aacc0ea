import { z } from 'zod';
import { findPostcode } from '../geography/index.js';
import { optionalCalendarDate, optionalText, writtenText } from '../../shared/http/index.js';
import { checkWindowRows, takeWindows, windowFields } from '../../shared/window-fields/index.js';
import { OFFER_CATEGORIES } from './offer-rules.js';

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string('forms.errors.invalid')
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const list = (max: number) =>
  writtenText({ oneLine: true })
    .max(300, 'forms.errors.tooLong')
    .optional()
    .transform((value) =>
      [
        ...new Set(
          (value ?? '')
            .split(',')
            .map((item) => item.trim().toLowerCase())
            .filter(Boolean),
        ),
      ].slice(0, max),
    );

const manyOf = z
  .union([z.string(), z.array(z.string()).max(50)], 'forms.errors.invalid')
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/**
 * The offer form. A schedule has up to three rows of weekday + from + to; empty rows are ignored, a
 * half-filled or backwards row is an error on that row.
 */
export const offerSchema = z
  .strictObject({
    title: writtenText({ oneLine: true }).min(3, 'forms.errors.required').max(120, 'forms.errors.tooLong'),
    category: z.enum(OFFER_CATEGORIES, 'offers.form.categoryRequired'),
    tags: list(10),
    description: writtenText().min(10, 'offers.form.describe').max(2000, 'forms.errors.tooLong'),
    ageMin: wholeNumber(0, 25, 'offers.form.age'),
    ageMax: wholeNumber(0, 25, 'offers.form.age'),
    ...windowFields,
    postcode: z
      .string('forms.errors.invalid')
      .trim()
      .refine((value) => Boolean(findPostcode(value)), 'organisations.register.postcodeUnknown'),
    address: optionalText(200, { oneLine: true }),
    places: wholeNumber(1, 100, 'offers.form.places'),
    languages: list(8),
    accessibility: optionalText(500),
    adultIds: manyOf,
    endsOn: optionalCalendarDate().transform((value) => (value ? new Date(`${value}T00:00:00Z`) : undefined)),
  })
  // Runs even when other fields failed (`when`), so every message shows at once; the values may then be
  // unparsed, hence the type checks.
  .superRefine(
    (offer, context) => {
      const { ageMin, ageMax } = offer as { ageMin: unknown; ageMax: unknown };
      if (typeof ageMin === 'number' && typeof ageMax === 'number' && ageMin > ageMax)
        context.addIssue({ code: 'custom', path: ['ageMax'], message: 'offers.form.ageOrder' });
      if (checkWindowRows(offer, context, 'offers.form.window') === 0)
        context.addIssue({ code: 'custom', path: ['weekday1'], message: 'offers.form.windowRequired' });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((offer) => {
    const { windows, rest } = takeWindows(offer);
    return { ...rest, schedule: windows };
  });

export type OfferInput = z.output<typeof offerSchema>;

/** Marketplace filters from the query string; anything unusable is a message by its field. */
export const marketplaceSchema = z
  .strictObject({
    kommune: z
      .string()
      .trim()
      .regex(/^(\d{4})?$/, 'offers.market.municipality')
      .optional()
      .transform((value) => value || undefined),
    postnummer: z
      .string()
      .trim()
      .refine(
        (value) => value === '' || Boolean(findPostcode(value)),
        'organisations.register.postcodeUnknown',
      )
      .optional()
      .transform((value) => value || undefined),
    // Checked as text and then converted (no .pipe: zod's pipe costs milliseconds on every search).
    afstand: z
      .string()
      .trim()
      .regex(/^(\d{1,3})?$/, 'offers.market.distance')
      .refine(
        (value) => value === '' || (Number(value) >= 1 && Number(value) <= 200),
        'offers.market.distance',
      )
      .optional()
      .transform((value) => (value ? Number(value) : undefined)),
    kategori: z
      .union([z.enum(OFFER_CATEGORIES), z.literal('')], 'forms.errors.invalid')
      .optional()
      .transform((value) => value || undefined),
    alder: z
      .string()
      .trim()
      .regex(/^(\d{1,2})?$/, 'offers.market.age')
      .refine((value) => value === '' || Number(value) <= 25, 'offers.market.age')
      .optional()
      .transform((value) => (value ? Number(value) : undefined)),
    ugedag: z
      .string()
      .trim()
      .regex(/^[1-7]?$/, 'offers.market.weekday')
      .optional()
      .transform((value) => (value ? Number(value) : undefined)),
    side: z
      .string()
      .trim()
      .regex(/^\d{0,3}$/, 'forms.errors.invalid')
      .optional()
      .transform((value) => Math.max(1, Number(value) || 1)),
  })
  .superRefine((query, context) => {
    // A distance needs somewhere to measure from.
    if (query.afstand !== undefined && !query.postnummer)
      context.addIssue({
        code: 'custom',
        path: ['postnummer'],
        message: 'offers.market.postcodeForDistance',
      });
  });

export type MarketplaceQuery = z.output<typeof marketplaceSchema>;
