import { upsertRequest, type PreventsStep } from '../components/requests/index.js';

/**
 * Open requests spread over the demo municipality's postcodes, so the supply-and-demand report has a
 * picture: Fjerritslev (9690) has children waiting and no offers, Brovst (9460) has about as many
 * children as the football club's free places, Aabybro (9440) asks for woodwork where the carpenter has
 * one place, and Pandrup's few open requests stay held back. Fictional: invented case references, nobody's
 * children, no needs text. Running it again changes nothing that is already there.
 */
const AREAS: Array<{ postcode: string; count: number; interests: string[]; step: PreventsStep }> = [
  { postcode: '9690', count: 7, interests: ['fodbold', 'fællesskab'], step: 'early-prevention' },
  { postcode: '9460', count: 5, interests: ['fodbold'], step: 'family-support' },
  { postcode: '9440', count: 5, interests: ['træ', 'værktøj'], step: 'early-prevention' },
];

export const DEMO_SUPPLY_REQUESTS = AREAS.reduce((sum, area) => sum + area.count, 0);

export async function seedDemoSupply(
  municipalityCode: string,
  socialWorkerId: string,
  now = new Date(),
): Promise<void> {
  // Distinct case references, so the writes do not touch one another and can go together.
  const seeds = AREAS.flatMap((area, areaIndex) =>
    [...Array(area.count)].map((_, index) => ({ area, number: 201 + areaIndex * 10 + index, index })),
  );
  await Promise.all(
    seeds.map(({ area, number, index }) =>
      upsertRequest({
        municipalityCode,
        responsibleId: socialWorkerId,
        caseRef: `DEMO-2026-0${number}`,
        birthYear: now.getUTCFullYear() - (8 + (index % 6)),
        birthMonth: 1 + ((number * 5) % 12),
        postcode: area.postcode,
        preventsStep: area.step,
        interests: area.interests,
        homeLanguages: ['da'],
        expectedMonths: 6,
      }),
    ),
  );
}
