import type { Actor, RequestContext } from '../accounts/index.js';
import { findPostcode } from '../geography/index.js';
import { distanceKm } from '../offers/index.js';
import { addMonths } from '../vetting/index.js';
import { criteriaOf, recordAudit } from '../../shared/audit/index.js';
import { candidateBase, type BaseCandidate } from './candidate-base.js';
import { candidateFactsOf, candidateKey } from './candidate-facts.js';
import { capacityOf, DEFAULT_TRAVEL_KM, standingOf } from './candidate-rules.js';
import { firstNamesOf, updatedAt, vettedNow } from './candidate-view.js';
import { placeCounts, CASEWORK, ownMunicipality, EXPECTED_MONTHS } from '../requests/index.js';
import type { SearchQuery } from './search-schemas.js';

const SEARCH_PAGE_SIZE = 20;

// One collator for every comparison: `localeCompare(other, 'da')` orders the same, but looks its collator
// up on every call, thousands of times per search at a large municipality's size.
const byDanishName = new Intl.Collator('da').compare;

/**
 * Why a volunteer found by the search cannot be proposed now, by the ranking's own rules (standing, then
 * room), with the vetting read exactly: the search knows no child, so it asks for vetting through a
 * course of the usual length. Undefined when nothing but a request's own wishes could stand in the way.
 */
function blockedReason(
  candidate: BaseCandidate,
  vettedUntil: Date | undefined,
  counts: { activeMatches: number; placesInUse: number },
  now: Date,
) {
  const through = addMonths(now, EXPECTED_MONTHS.default);
  const facts = candidateFactsOf({ ...candidate, vettedUntil }, counts.activeMatches, counts.placesInUse);
  const reason = standingOf(facts, through) ?? capacityOf(facts);
  if (reason === 'not-vetted' && vettedUntil && vettedUntil >= now)
    return { key: 'candidateHelp.search.expiring', months: EXPECTED_MONTHS.default };
  return reason ? { key: `candidateHelp.search.${reason}`, months: EXPECTED_MONTHS.default } : undefined;
}

function fits(candidate: BaseCandidate, query: SearchQuery): boolean {
  if (
    query.interesse &&
    !candidate.interests.some((tag) => tag.toLocaleLowerCase('da-DK').includes(query.interesse!))
  )
    return false;
  if (query.ugedag && !candidate.windows.some((window) => window.weekday === query.ugedag)) return false;
  return true;
}

/**
 * A social worker searches the own municipality's offers and volunteers directly (from the same read
 * model as the candidates). Volunteers are shown by first name, organisation and vetting state, never
 * with contact details. Every search is audited with the names of the criteria it used.
 */
export async function searchCandidates(
  actor: Actor,
  query: SearchQuery,
  context: RequestContext,
  now = new Date(),
) {
  const municipalityCode = ownMunicipality(actor);
  const base = await candidateBase(municipalityCode);
  const place = query.postnummer ? findPostcode(query.postnummer) : undefined;
  const maxKm = query.afstand ?? DEFAULT_TRAVEL_KM;
  const found = base.candidates
    .filter((candidate) => fits(candidate, query))
    .map((candidate) => ({ candidate, km: place ? distanceKm(place, candidate) : undefined }))
    .filter(({ km }) => km === undefined || km <= maxKm)
    .sort(
      (a, b) =>
        (a.km ?? 0) - (b.km ?? 0) || byDanishName(a.candidate.organisationName, b.candidate.organisationName),
    );
  const pages = Math.max(1, Math.ceil(found.length / SEARCH_PAGE_SIZE));
  const page = Math.min(query.side, pages);
  const shown = found.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const [names, vetted, { loads, inUse }] = await Promise.all([
    firstNamesOf(shown.map(({ candidate }) => candidate.volunteerId)),
    vettedNow(
      shown.map(({ candidate }) => candidate),
      base.vettingReadAs,
      now,
    ),
    placeCounts(
      shown.map(({ candidate }) => candidate.volunteerId),
      shown.flatMap(({ candidate }) => (candidate.offerId ? [candidate.offerId] : [])),
    ),
  ]);
  await recordAudit(
    {
      action: 'candidates.search',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode,
      objectType: 'candidate-search',
      purpose: CASEWORK,
      details: {
        // Which criteria were searched by, never what was typed or picked (often the child's own).
        criteria: criteriaOf({
          interests: query.interesse !== undefined,
          distance: place !== undefined,
          schedule: query.ugedag !== undefined,
        }),
        page,
        found: found.length,
      },
    },
    context.origin,
  );
  return {
    updated: updatedAt(base.loadedAt),
    total: found.length,
    page,
    pages,
    results: shown.map(({ candidate, km }) => ({
      blocked: blockedReason(
        candidate,
        vetted.get(`${candidate.volunteerId}:${candidate.organisationId}`),
        {
          activeMatches: loads.get(candidate.volunteerId) ?? 0,
          placesInUse: inUse.get(candidate.offerId ?? '') ?? 0,
        },
        now,
      ),
      key: candidateKey(candidate),
      firstName: names.get(candidate.volunteerId) ?? '–',
      organisationName: candidate.organisationName,
      offerTitle: candidate.offerTitle,
      postcode: candidate.postcode,
      interests: candidate.interests.slice(0, 8),
      weekdays: [...new Set(candidate.windows.map((window) => window.weekday))].sort(),
      vettedUntil: vetted.get(`${candidate.volunteerId}:${candidate.organisationId}`),
      km: km === undefined ? undefined : Math.round(km * 10) / 10,
    })),
  };
}
