// The calendar day in Denmark, whatever the server's own zone: what "today" and "once a day" mean to
// the people using Brobygning. en-CA formats as YYYY-MM-DD, which also sorts as text.
const DANISH_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Copenhagen date of an instant, as YYYY-MM-DD. */
export function danishDay(at: Date): string {
  return DANISH_DAY.format(at);
}
