import type { Actor, RequestContext } from '../components/accounts/index.js';
import { defaultPeriod, goalsOf, saveGoals } from '../components/reporting/index.js';

const context: RequestContext = { origin: {}, baseUrl: 'http://localhost:3000', language: 'da' };

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
