// Dates and periods for vetting: pure, UTC-based arithmetic (no clock is read here).
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Calendar months later, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * How long a clear certificate is valid: the shortest of the municipalities' settings (an organisation in
 * several municipalities must satisfy the strictest), shortened further, never lengthened, by the
 * organisation's own choice.
 */
export function validityMonths(municipalityMonths: readonly number[], organisationMonths?: number): number {
  const candidates = [...municipalityMonths, ...(organisationMonths ? [organisationMonths] : [])];
  return candidates.length > 0 ? Math.min(...candidates) : 24;
}

/** The strictest minimum training of the municipalities the organisation works in. */
export function minimumTrainingHours(municipalityHours: readonly number[]): number {
  return municipalityHours.length > 0 ? Math.max(...municipalityHours) : 2;
}
