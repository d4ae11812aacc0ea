import type { Actor, RequestContext } from '../components/accounts/index.js';
import { CLOSE_REASONS, PREVENTS_STEPS, seedPastCase } from '../components/requests/index.js';
import { defaultPeriod, goalsOf, saveGoals } from '../components/reporting/index.js';
import type { DemoAdult } from './demo-requests.js';

const context: RequestContext = { origin: {}, baseUrl: 'http://localhost:3000', language: 'da' };
const DAY = 86_400_000;

/**
 * The demo municipality's goals for the current year, set by its administrator through the same service
 * as the goals form. Goals already set for the year are left as they are (running it again changes nothing).
 */
export async function seedDemoReporting(municipalityCode: string, administratorId: string): Promise<void> {
  const year = Number(defaultPeriod().to.slice(0, 4));
  if (Object.keys(await goalsOf(municipalityCode, year)).length > 0) return;
  const administrator: Actor = { userId: administratorId, role: 'municipal-admin', municipalityCode };
  await saveGoals(
    administrator,
    {
      year,
      matchedWithin30Share: 80,
      lastingSixMonthsShare: 70,
      followUpsOnTimeShare: 90,
      childrenSupported: 25,
    },
    context,
  );
}

// Requests per month, from thirteen months back to two months back: some months under 5, so the
// report's chart and tables show "< 5" as well as bars.
const REQUESTS_PER_MONTH = [5, 6, 2, 7, 5, 3, 6, 5, 1, 6, 5, 4];
// Mostly Pandrup and Aabybro; Brovst and Fjerritslev have few children, held back when chosen as the area.
const POSTCODES = ['9490', '9440', '9490', '9440', '9460', '9490', '9690'];
const REASONS = ['goal-reached', 'goal-reached', 'goal-reached', ...CLOSE_REASONS] as const;
// Closed matches this recent still get their closing follow-up planned: the history ends before that.
const QUIET_DAYS = 61;

/**
 * A year of fictional past cases in the demo municipality, so the report has a history to show: closed
 * requests, most with an adult for one to ten months, every sixth child with a second adult after the
 * first match ended, a few closed without an adult. All matches ended more than two months ago, so
 * nothing in anyone's lists of running work changes. Case references DEMO-HIST-…; written once.
 */
export async function seedDemoHistory(
  people: { municipalityCode: string; socialWorkerId: string; adults: DemoAdult[] },
  now = new Date(),
): Promise<void> {
  const quietFrom = now.getTime() - QUIET_DAYS * DAY;
  let number = 0;
  for (const [monthsBack, count] of REQUESTS_PER_MONTH.map((count, index) => [13 - index, count] as const)) {
    for (let child = 0; child < count; child += 1) {
      number += 1;
      const month = new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 3 + child * 4, 10),
      );
      const adult = (offset: number) => people.adults[(number + offset) % people.adults.length]!;
      const activeAt = new Date(month.getTime() + (4 + ((number * 7) % 40)) * DAY);
      const firstEnd = new Date(activeAt.getTime() + (30 + ((number * 37) % 270)) * DAY);
      const matches = [];
      if (number % 9 !== 0 && firstEnd.getTime() < quietFrom) {
        matches.push({ adult: adult(0), activeAt, closedAt: firstEnd });
        const again = new Date(firstEnd.getTime() + (10 + (number % 20)) * DAY);
        const secondEnd = new Date(again.getTime() + 75 * DAY);
        if (number % 6 === 0 && secondEnd.getTime() < quietFrom)
          matches.push({ adult: adult(1), activeAt: again, closedAt: secondEnd });
      }
      await seedPastCase(
        {
          municipalityCode: people.municipalityCode,
          responsibleId: people.socialWorkerId,
          caseRef: `DEMO-HIST-${String(number).padStart(3, '0')}`,
          birthYear: now.getUTCFullYear() - 8 - (number % 7),
          birthMonth: 1 + (number % 12),
          postcode: POSTCODES[number % POSTCODES.length]!,
          preventsStep: PREVENTS_STEPS[number % PREVENTS_STEPS.length]!,
          interests: ['fodbold'],
          createdAt: month,
          closedAt: matches.at(-1)?.closedAt ?? new Date(month.getTime() + 30 * DAY),
        },
        matches.map(({ adult: chosen, activeAt: startedAt, closedAt }, index) => ({
          ...chosen,
          proposedBy: people.socialWorkerId,
          childAlias: 'Opdigtet',
          askText: 'Opdigtet forløb fra demoens historik.',
          activeAt: startedAt,
          closedAt,
          closeReason: REASONS[(number + index) % REASONS.length]!,
        })),
      );
    }
  }
}
