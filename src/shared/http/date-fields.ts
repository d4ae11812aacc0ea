import { z } from 'zod';

// A day as <input type="date"> sends it, and as people are asked to type it where the browser has no
// date picker: year-month-day.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether "YYYY-MM-DD" names a day that exists. The day built from it must give back the same year,
 * month and day: Date quietly turns 30 February into 2 March, and 2026-13-01 into January 2027.
 */
export function isCalendarDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Two messages, so that the person learns which is wrong: the way it is written, or the day itself.
const wellWritten = (value: string) => DAY.test(value);
const realDay = (value: string) => !DAY.test(value) || isCalendarDate(value);

/**
 * A required date field: "YYYY-MM-DD" naming a real day, kept as that text (each form turns it into the
 * moment it means). `requiredMessage` is the form's own catalog key for an empty field.
 */
export function calendarDate(requiredMessage = 'forms.errors.required') {
  return z
    .string('forms.errors.invalid')
    .trim()
    .min(1, requiredMessage)
    .refine((value) => value === '' || wellWritten(value), 'forms.errors.dateFormat')
    .refine(realDay, 'forms.errors.noSuchDate');
}

/** A date field that may be left empty (then undefined); otherwise as calendarDate. */
export function optionalCalendarDate() {
  return z
    .string('forms.errors.invalid')
    .trim()
    .refine((value) => value === '' || wellWritten(value), 'forms.errors.dateFormat')
    .refine(realDay, 'forms.errors.noSuchDate')
    .optional()
    .transform((value) => value || undefined);
}
