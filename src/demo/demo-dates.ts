import { danishDay } from '../shared/time/index.js';

/**
 * A moment on the Danish calendar day `days` days before `now`'s Danish day, at 12:00 UTC (13:00 or
 * 14:00 in Denmark, never another day). The demo's plans count Danish days, so "210 days ago" by the
 * clock would land on a different Danish day late in the evening when summer time lies between then
 * and now, and every follow-up date planned from it would move by one.
 */
export function danishDaysAgo(now: Date, days: number): Date {
  const [year, month, day] = danishDay(now).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days, 12));
}
