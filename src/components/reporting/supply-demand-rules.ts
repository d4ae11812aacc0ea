import { countCell, MIN_CELL, suppressedCell, suppressParts, type Cell } from './suppression-rules.js';

/** A postcode area as the report places it. */
export interface Area {
  postcode: string;
  name: string;
  lat: number;
  lon: number;
}

/** What the report needs of a running offer: where, what kind, what it matches, and how many places are free. */
export interface SupplyOffer {
  postcode: string;
  category: string;
  tags: readonly string[];
  places: number;
  freePlaces: number;
}

/** What the report needs of an open request: where the child lives and what it would like to do. */
export interface DemandRequest {
  postcode: string;
  interests: readonly string[];
}

/**
 * Where an area stands: more open requests than free places ('short'), at least as many free places as
 * open requests ('covered'), no open requests ('no-demand'), or its requests held back so no child can be
 * recognised ('held-back': then neither the gap nor its direction is shown).
 */
export type AreaNeed = 'short' | 'covered' | 'no-demand' | 'held-back';

export interface AreaRow extends Area {
  offers: number;
  freePlaces: number;
  requests: Cell;
  /** Open requests minus free places: positive where more volunteers are needed. */
  gap: Cell;
  /** The gap as a number when it is shown, for the map; undefined when held back. */
  gapValue?: number;
  need: AreaNeed;
}

interface CategoryRow {
  category: string;
  offers: number;
  places: number;
  freePlaces: number;
}

interface InterestRow {
  /** The interest as children's requests name it, or undefined for the row of the rarer interests. */
  interest?: string;
  requests: Cell;
  /** Offers in the municipality whose category or tags name the interest (not counted for the rarer ones). */
  offers?: number;
  freePlaces?: number;
}

export interface SupplyDemand {
  areas: AreaRow[];
  categories: CategoryRow[];
  interests: InterestRow[];
  /** Open requests of children living outside the listed areas (absent when there are none). */
  outside?: Cell;
  totals: { offers: number; places: number; freePlaces: number; requests: Cell };
}

const normalised = (text: string) => text.trim().toLocaleLowerCase('da-DK');

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

function gapOf(
  requests: Cell,
  requestCount: number,
  freePlaces: number,
): Pick<AreaRow, 'gap' | 'gapValue' | 'need'> {
  // The free places are shown, so a gap beside a held-back count would give the count away.
  if (requests.suppressed) return { gap: suppressedCell(), need: 'held-back' };
  const gap = requestCount - freePlaces;
  const need: AreaNeed = requestCount === 0 ? 'no-demand' : gap > 0 ? 'short' : 'covered';
  return { gap: { text: String(gap), suppressed: false }, gapValue: gap, need };
}

/**
 * Offers and free places against open requests, per postcode area, per offer category and per interest.
 * Request counts are about children: the areas' counts add up to the total shown, so they are held back
 * as one table (complementary suppression). An interest asked for by fewer than MIN_CELL requests is not
 * named at all (a rare interest in a small municipality could point to a child): those are counted together.
 */
export function supplyAndDemand(
  areas: readonly Area[],
  offers: readonly SupplyOffer[],
  requests: readonly DemandRequest[],
  categories: readonly string[],
): SupplyDemand {
  const known = new Set(areas.map((area) => area.postcode));
  const requestsIn = countBy(requests, (request) => request.postcode);
  const offersIn = groupBy(offers, (offer) => offer.postcode);
  const requestCounts = areas.map((area) => requestsIn.get(area.postcode) ?? 0);
  // A request from outside the listed areas still counts in the total, in a row of its own.
  const outside = requests.filter((request) => !known.has(request.postcode)).length;
  const held = suppressParts(outside > 0 ? [...requestCounts, outside] : requestCounts);
  const areaRows = areas.map((area, index): AreaRow => {
    const here = offersIn.get(area.postcode) ?? [];
    const freePlaces = here.reduce((sum, offer) => sum + offer.freePlaces, 0);
    const cell = held.parts[index]!;
    return {
      ...area,
      offers: here.length,
      freePlaces,
      requests: cell,
      ...gapOf(cell, requestCounts[index]!, freePlaces),
    };
  });
  const categoryRows = categories.map((category) => {
    const ofKind = offers.filter((offer) => offer.category === category);
    return {
      category,
      offers: ofKind.length,
      places: ofKind.reduce((sum, offer) => sum + offer.places, 0),
      freePlaces: ofKind.reduce((sum, offer) => sum + offer.freePlaces, 0),
    };
  });
  return {
    areas: areaRows,
    categories: categoryRows,
    interests: interestRows(offers, requests),
    ...(outside > 0 ? { outside: held.parts[areas.length]! } : {}),
    totals: {
      offers: offers.length,
      places: offers.reduce((sum, offer) => sum + offer.places, 0),
      freePlaces: offers.reduce((sum, offer) => sum + offer.freePlaces, 0),
      requests: held.total,
    },
  };
}

/** Interests named by at least MIN_CELL open requests, most asked first, and one row for all the others. */
function interestRows(offers: readonly SupplyOffer[], requests: readonly DemandRequest[]): InterestRow[] {
  const asked = new Map<string, number>();
  for (const request of requests) {
    for (const interest of new Set(request.interests.map(normalised))) {
      if (interest) asked.set(interest, (asked.get(interest) ?? 0) + 1);
    }
  }
  const named = [...asked.entries()]
    .filter(([, count]) => count >= MIN_CELL)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'da-DK'));
  const rows: InterestRow[] = named.map(([interest, count]) => {
    const matching = offers.filter(
      (offer) =>
        normalised(offer.category) === interest || offer.tags.some((tag) => normalised(tag) === interest),
    );
    return {
      interest,
      requests: countCell(count),
      offers: matching.length,
      freePlaces: matching.reduce((sum, offer) => sum + offer.freePlaces, 0),
    };
  });
  const namedSet = new Set(named.map(([interest]) => interest));
  const others = requests.filter((request) =>
    request.interests.some((interest) => normalised(interest) && !namedSet.has(normalised(interest))),
  ).length;
  return [...rows, { requests: countCell(others) }];
}

/** The areas where more volunteers are needed, the largest gap first (held-back areas are never named). */
export function areasShort(rows: readonly AreaRow[]): AreaRow[] {
  return rows.filter((row) => row.need === 'short').sort((a, b) => b.gapValue! - a.gapValue!);
}
