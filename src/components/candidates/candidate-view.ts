import { describePeople } from '../accounts/index.js';
import { vettingStatusFor, vettingUnchangedSince, type VettingReadAs } from '../vetting/index.js';
import { criteriaOf, type AuditCriteria } from '../../shared/audit/index.js';
import type { Candidate } from './candidate-facts.js';
import { candidateKey } from './candidate-facts.js';
import type { RankedCandidate } from './candidate-ranking.js';
import type { RequestFacts } from './candidate-rules.js';

// First names seen lately, per instance: on FerretDB even a read by `_id` scans the users table until the
// row is found (≈15 ms each at 10,000 users), so twenty of them would cost a page ~300 ms every time.
// Bounded, and forgotten after NAME_TTL_MS so a changed name shows within minutes.
const NAME_TTL_MS = 10 * 60_000;
const MAX_NAMES = 50_000;
const names = new Map<string, { firstName: string; at: number }>();

/** First names only: candidates never show e-mail, phone or full name. */
export async function firstNamesOf(ids: readonly string[], now = Date.now()): Promise<Map<string, string>> {
  const missing = ids.filter((id) => {
    const known = names.get(id);
    return !known || now - known.at > NAME_TTL_MS;
  });
  if (missing.length > 0) {
    const people = await describePeople(missing);
    for (const [id, person] of people) {
      names.delete(id);
      names.set(id, { firstName: person.name.split(/\s+/)[0] ?? '', at: now });
    }
    while (names.size > MAX_NAMES) names.delete(names.keys().next().value as string);
  }
  return new Map(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id)!.firstName] as const] : [])));
}

/**
 * How old the read model behind a page is, as "hh:mm:ss" (Danish time) with its ISO form for <time>:
 * the list may be up to READ_BOUNDS.candidates old, so the page says when it was read.
 */
export function updatedAt(loadedAt: Date) {
  const clock = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Copenhagen',
  }).format(loadedAt);
  return { clock, iso: loadedAt.toISOString() };
}

/**
 * "Godkendt" is shown only as it is now: the vetting of the people on the page is exact, not as old as
 * the read model that ranked them. Keyed by "volunteer:organisation". When no vetting record was written
 * and no training rule changed since the read model read them (vettingUnchangedSince: the marker and the
 * page's organisations, small reads), the periods it holds are exact now; otherwise the page's people are
 * read again, which on FerretDB decodes every vetting record.
 */
export async function vettedNow(
  rows: ReadonlyArray<{ volunteerId: string; organisationId: string; vettedUntil?: Date }>,
  readAs: VettingReadAs,
  now = new Date(),
): Promise<Map<string, Date>> {
  const key = (row: { volunteerId: string; organisationId: string }) =>
    `${row.volunteerId}:${row.organisationId}`;
  if (
    await vettingUnchangedSince(
      readAs,
      rows.map((row) => row.organisationId),
    )
  ) {
    return new Map(
      rows.flatMap((row) => (row.vettedUntil && row.vettedUntil >= now ? [[key(row), row.vettedUntil]] : [])),
    );
  }
  const statuses = await vettingStatusFor(
    rows.map((row) => row.volunteerId),
    undefined,
    now,
  );
  const wanted = new Set(rows.map(key));
  return new Map(
    statuses
      .filter(
        (status) =>
          status.vetted && status.validUntil && wanted.has(`${status.userId}:${status.organisationId}`),
      )
      .map((status) => [`${status.userId}:${status.organisationId}`, status.validUntil!]),
  );
}

/** What the page shows of one ranked candidate: name, organisation, offer, and why (factor by factor). */
export function candidateView(
  ranked: RankedCandidate<Candidate>,
  rank: number,
  names: Map<string, string>,
  bookmarks: Set<string>,
  vetted: Map<string, Date>,
) {
  const { base } = ranked.candidate;
  const key = candidateKey(base);
  return {
    key,
    rank,
    firstName: names.get(base.volunteerId) ?? '–',
    organisationName: base.organisationName,
    offerTitle: base.offerTitle,
    postcode: base.postcode,
    volunteerId: base.volunteerId,
    organisationId: base.organisationId,
    offerId: base.offerId ?? '',
    vettedUntil: vetted.get(`${base.volunteerId}:${base.organisationId}`),
    score: ranked.score,
    factors: ranked.factors.map((factor) => ({
      factor: factor.factor,
      points: factor.points,
      key: `candidates.why.${factor.key}`,
      params: factor.params,
    })),
    bookmarked: bookmarks.has(key),
  };
}

/**
 * The criteria a listing used, for the audit log: which of the request's wishes counted, by name only.
 * Age, distance and the vetting period always count; the rest when the request states them.
 */
export function auditCriteria(facts: RequestFacts): AuditCriteria {
  return criteriaOf({
    age: true,
    distance: true,
    interests: facts.interests.length > 0,
    languages: facts.homeLanguages.length > 0,
    schedule: facts.windows.length > 0,
    'adult-gender': facts.adultGender !== undefined,
    'no-faith-community': facts.noFaithCommunity,
    network: facts.networkOrganisationIds.length > 0 || facts.networkVolunteerId !== undefined,
    'vetting-period': true,
  });
}
