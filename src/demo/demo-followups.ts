import {
  addDays,
  answerFollowUp,
  copenhagenDate,
  FollowUpModel,
  reconcilePlan,
} from '../components/followups/index.js';
import { liveMatchFacts } from '../components/requests/index.js';
import type { DemoAdult } from './demo-requests.js';

// How the volunteer saw things at each check-in, oldest first: a slow climb, then a worry.
const WELLBEING = [2, 2, 3, 3, 3, 4, 4, 3];
const GOES = [3, 3, 3, 4, 4, 4, 5, 4];

/**
 * The follow-up history of the demo's long-running match (active for seven months, seeded by
 * demo-requests.ts, with both guardians' consent): the plan built by the planner as the months passed, the volunteer's and the family's answers (a wellbeing trend), the latest check-in
 * answered with a worry (flagged on the social worker's home), and the newest family follow-up left
 * overdue. Answers go through the same service as the forms (model validation, audit); idempotent.
 */
export async function seedDemoFollowUps(
  people: { municipalityCode: string; socialWorkerId: string; requestId: string; adult: DemoAdult },
  now = new Date(),
): Promise<void> {
  const requestId = people.requestId;
  const facts = (await liveMatchFacts(now)).find((match) => match.requestId === requestId);
  if (!facts) return;
  const today = copenhagenDate(now);
  // The planner as it ran over the months (each run plans up to the next date after that day).
  for (let day = 0; day <= 210; day += 7) await reconcilePlan(facts, addDays(today, day - 210));
  await reconcilePlan(facts, today);

  const planned = await FollowUpModel.find({ matchId: facts.matchId, kind: 'regular' }).lean();
  const past = planned.filter((followUp) => followUp.dueOn <= addDays(today, -4));
  const volunteerSide = past
    .filter((f) => f.audience === 'volunteer')
    .sort((a, b) => a.sequence - b.sequence);
  const familySide = past.filter((f) => f.audience === 'family').sort((a, b) => a.sequence - b.sequence);
  const context = { origin: {}, baseUrl: '', language: 'da' as const };
  for (const [index, followUp] of volunteerSide.entries()) {
    const last = index === volunteerSide.length - 1;
    await answerFollowUp(
      { userId: people.adult.volunteerId, role: 'volunteer' },
      followUp,
      {
        meetings: 3 + (index % 2),
        goes: GOES[index % GOES.length],
        wellbeing: WELLBEING[index % WELLBEING.length],
        worry: last,
        worryText: last ? 'Opdigtet: han fortalte, at der er meget uro derhjemme om aftenen.' : undefined,
        wishContinue: 'yes',
      },
      context,
      { notify: false },
    );
  }
  // Every family follow-up answered except the newest, which is left overdue.
  for (const [index, followUp] of familySide.slice(0, -1).entries()) {
    await answerFollowUp(
      { userId: people.socialWorkerId, role: 'social-worker', municipalityCode: people.municipalityCode },
      followUp,
      {
        meetings: 3,
        goes: GOES[index % GOES.length],
        wellbeing: WELLBEING[index % WELLBEING.length],
        worry: false,
        worryText: undefined,
        wishContinue: 'yes',
      },
      context,
      { notify: false },
    );
  }
}
