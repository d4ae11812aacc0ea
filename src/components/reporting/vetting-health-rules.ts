/**
 * Where a member's børneattest stands today: valid beyond the warning window, valid but running out within
 * it, run out, or never valid (no certificate yet, or waiting for one). The best certificate a person holds
 * with any organisation decides for the person; each organisation counts its own.
 */
export const CERTIFICATE_STANDINGS = ['valid', 'expiring', 'expired', 'none'] as const;
export type CertificateStanding = (typeof CERTIFICATE_STANDINGS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

export function standingOf(
  validUntil: Date | undefined,
  now: Date,
  warningDays: number,
): CertificateStanding {
  if (!validUntil) return 'none';
  if (validUntil.getTime() < now.getTime()) return 'expired';
  return validUntil.getTime() <= now.getTime() + warningDays * DAY_MS ? 'expiring' : 'valid';
}

const RANK: Record<CertificateStanding, number> = { valid: 0, expiring: 1, expired: 2, none: 3 };

type StandingCounts = Record<CertificateStanding, number>;

const emptyCounts = (): StandingCounts => ({ valid: 0, expiring: 0, expired: 0, none: 0 });

export interface Membership {
  organisationId: string;
  userId: string;
}

export interface Certificate extends Membership {
  validUntil?: Date;
}

interface OrganisationStanding {
  organisationId: string;
  members: number;
  counts: StandingCounts;
}

export interface VettingHealth {
  /** Each active member counted once, by the best certificate they hold with any of the organisations. */
  people: StandingCounts & { total: number };
  organisations: OrganisationStanding[];
}

/** Members by certificate standing, per organisation and per person. */
export function vettingHealth(
  organisationIds: readonly string[],
  memberships: readonly Membership[],
  certificates: readonly Certificate[],
  now: Date,
  warningDays: number,
): VettingHealth {
  const validity = new Map(
    certificates.map((certificate) => [
      `${certificate.organisationId}:${certificate.userId}`,
      certificate.validUntil,
    ]),
  );
  const byOrganisation = new Map(organisationIds.map((id) => [id, { members: 0, counts: emptyCounts() }]));
  const bestOfPerson = new Map<string, CertificateStanding>();
  for (const membership of memberships) {
    const entry = byOrganisation.get(membership.organisationId);
    if (!entry) continue;
    const standing = standingOf(
      validity.get(`${membership.organisationId}:${membership.userId}`),
      now,
      warningDays,
    );
    entry.members += 1;
    entry.counts[standing] += 1;
    const best = bestOfPerson.get(membership.userId);
    if (!best || RANK[standing] < RANK[best]) bestOfPerson.set(membership.userId, standing);
  }
  const people = { ...emptyCounts(), total: bestOfPerson.size };
  for (const standing of bestOfPerson.values()) people[standing] += 1;
  return {
    people,
    organisations: [...byOrganisation.entries()].map(([organisationId, entry]) => ({
      organisationId,
      ...entry,
    })),
  };
}
