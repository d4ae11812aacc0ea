// The benchmark municipality's audit log: 100,000 entries over two years, by its staff, coordinators and
// volunteers, about the requests, matches and people the seeder wrote (the demo logins among the actors).
import { modelNamed } from './seed-models.js';
import type { SeededCases } from './seed-municipality-cases.js';
import { insertInBatches, type SeededPeople } from './seed-municipality-people.js';
import { between, daysBefore, pick, type Random } from './seed-random.js';

interface Kind {
  action: string;
  purpose: string;
  objectType: 'child-request' | 'match' | 'user';
}

const SOCIAL_WORKER: Kind[] = [
  { action: 'candidates.search', purpose: 'requests:work', objectType: 'child-request' },
  { action: 'match.propose', purpose: 'requests:work', objectType: 'match' },
  { action: 'match.list', purpose: 'requests:work', objectType: 'child-request' },
  { action: 'followup.worry-handled', purpose: 'followups:work', objectType: 'match' },
];
const COORDINATOR: Kind[] = [
  { action: 'invitation.sent', purpose: 'members:invite', objectType: 'user' },
  { action: 'vetting.consent-requested', purpose: 'vetting:record', objectType: 'user' },
  { action: 'match.list', purpose: 'requests:work', objectType: 'match' },
];
const VOLUNTEER: Kind[] = [
  { action: 'account.profile-updated', purpose: 'account:manage-own', objectType: 'user' },
  { action: 'membership.requested', purpose: 'volunteer:manage-own', objectType: 'user' },
];
const HISTORY_DAYS = 730;

export async function seedAudit(
  random: Random,
  now: Date,
  municipalityCode: string,
  people: SeededPeople,
  cases: SeededCases,
  entries: number,
): Promise<number> {
  const coordinators = people.organisations.flatMap((o) =>
    o.coordinatorIds.map((id) => ({ id, organisationId: o.id })),
  );
  const documents: object[] = [];
  for (let n = 0; n < entries; n += 1) {
    const roll = random();
    // Half by the social workers (the demo one a little more than her share), a fifth by coordinators,
    // a quarter by volunteers, the rest sign-ins and administration.
    const [role, actorId, kind, organisationId] =
      roll < 0.5
        ? ([
            'social-worker',
            random() < 0.05 ? people.demo.socialWorker : pick(random, people.socialWorkerIds),
            pick(random, SOCIAL_WORKER),
            undefined,
          ] as const)
        : roll < 0.7
          ? (() => {
              const coordinator = pick(random, coordinators);
              return [
                'coordinator',
                coordinator.id,
                pick(random, COORDINATOR),
                coordinator.organisationId,
              ] as const;
            })()
          : roll < 0.95
            ? (['volunteer', pick(random, people.volunteerIds), pick(random, VOLUNTEER), undefined] as const)
            : ([
                'municipal-admin',
                people.demo.municipalAdmin,
                { action: 'login', purpose: 'auth:use', objectType: 'user' as const },
                undefined,
              ] as const);
    const objectId =
      kind.objectType === 'child-request'
        ? pick(random, cases.requestIds)
        : kind.objectType === 'match'
          ? pick(random, cases.matchIds)
          : actorId;
    documents.push({
      at: new Date(
        daysBefore(now, between(random, 0, HISTORY_DAYS)).getTime() - between(random, 0, 86_399) * 1000,
      ),
      action: kind.action,
      outcome: random() < 0.98 ? 'success' : 'denied',
      actorId,
      actorRole: role,
      municipalityCode: role === 'volunteer' ? undefined : municipalityCode,
      ...(organisationId ? { organisationId } : {}),
      objectType: kind.objectType,
      objectId,
      purpose: kind.purpose,
      ip: `10.0.${between(random, 0, 255)}.${between(random, 1, 254)}`,
      userAgent: 'Mozilla/5.0 (bench)',
      requestId: `bench-${n}`,
    });
  }
  await insertInBatches(modelNamed('AuditEvent'), documents);
  return documents.length;
}
