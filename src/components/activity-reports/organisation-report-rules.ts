import { countCell, suppressParts, type Cell, type TableRow } from '../reporting/index.js';
import { type MatchForActivity } from '../case-reads/index.js';
import {
  isRunning,
  lastTwelveMonths,
  startedAt,
  VETTING_STATES,
  type VettingState,
} from './activity-rules.js';
import { checkInCompletion, type CheckInForReport } from './checkin-rules.js';

/** An offer as the report needs it: capacity now (free places are derived from the matches holding one). */
interface OfferForReport {
  id: string;
  title: string;
  places: number;
  free: number;
}

export interface OrganisationReportInput {
  /** Today in Copenhagen (YYYY-MM-DD). */
  today: string;
  offers: OfferForReport[];
  matches: MatchForActivity[];
  /** The organisation's volunteers' own check-ins (not the family follow-ups). */
  checkIns: CheckInForReport[];
  /** Each active member's vetting state. */
  members: VettingState[];
  /** The Copenhagen date of an instant (the service passes the follow-ups' own). */
  dayOf: (at: Date) => string;
}

/** A column heading: a catalog key, or a plain text such as an offer's title. */
export interface Heading {
  labelKey?: string;
  label?: string;
}

export const ORGANISATION_TABLE_IDS = ['offers', 'months', 'checkins', 'vetting'] as const;
type OrganisationTableId = (typeof ORGANISATION_TABLE_IDS)[number];

export interface OrganisationTable {
  id: OrganisationTableId;
  captionKey: string;
  columns: Heading[];
  rows: TableRow[];
}

const plain = (value: number): Cell => ({ text: String(value), suppressed: false });
const NONE: Cell = { text: '–', suppressed: false };
const key = (name: string): Heading => ({ labelKey: `activityReports.organisation.columns.${name}` });
const rowKey = (name: string) => `activityReports.organisation.rows.${name}`;
const caption = (id: OrganisationTableId) => `activityReports.organisation.tables.${id}`;
/** Matches whose offer is not among the organisation's offers (none given, or since removed). */
const NO_OFFER = '';

function offerOf(match: MatchForActivity, offerIds: ReadonlySet<string>): string {
  return match.offerId && offerIds.has(match.offerId) ? match.offerId : NO_OFFER;
}

/**
 * Places and free places per offer (capacity, shown as on the offers page), and the matches running on
 * each now: those counts are about children, so they are held back under 5 with a complementary cell,
 * the total being shown.
 */
function offersTable(input: OrganisationReportInput, offerIds: ReadonlySet<string>): OrganisationTable {
  const running = input.matches.filter(isRunning);
  const runningOn = (id: string) => running.filter((match) => offerOf(match, offerIds) === id).length;
  const withoutOffer = runningOn(NO_OFFER);
  const counts = [
    ...input.offers.map((offer) => runningOn(offer.id)),
    ...(withoutOffer ? [withoutOffer] : []),
  ];
  const { parts, total } = suppressParts(counts);
  const sum = (pick: (offer: OfferForReport) => number) => input.offers.reduce((s, o) => s + pick(o), 0);
  return {
    id: 'offers',
    captionKey: caption('offers'),
    columns: [key('offer'), key('places'), key('free'), key('running')],
    rows: [
      ...input.offers.map((offer, index) => ({
        label: offer.title,
        cells: [plain(offer.places), plain(offer.free), parts[index]!],
      })),
      ...(withoutOffer
        ? [{ labelKey: rowKey('withoutOffer'), cells: [NONE, NONE, parts[input.offers.length]!] }]
        : []),
      {
        labelKey: rowKey('total'),
        cells: [plain(sum((o) => o.places)), plain(sum((o) => o.free)), total],
        total: true,
      },
    ],
  };
}

/**
 * Matches started (first became active) per month over the last twelve months, per offer and for all
 * offers. Each month's offers add up to its "all offers" cell, so each month is held back as one group.
 * No twelve-month total is shown: with a month held back, it would give that month away.
 */
function monthsTable(input: OrganisationReportInput, offerIds: ReadonlySet<string>): OrganisationTable {
  const months = lastTwelveMonths(input.today);
  const started = input.matches.flatMap((match) => {
    const at = startedAt(match);
    return at ? [{ month: input.dayOf(at).slice(0, 7), offerId: offerOf(match, offerIds) }] : [];
  });
  const inWindow = started.filter((entry) => months.includes(entry.month));
  const withoutOffer = inWindow.some((entry) => entry.offerId === NO_OFFER);
  const columnIds = [...input.offers.map((offer) => offer.id), ...(withoutOffer ? [NO_OFFER] : [])];
  return {
    id: 'months',
    captionKey: caption('months'),
    columns: [
      key('month'),
      ...input.offers.map((offer) => ({ label: offer.title })),
      ...(withoutOffer ? [key('withoutOffer')] : []),
      key('allOffers'),
    ],
    rows: months.map((month) => {
      const counts = columnIds.map(
        (id) => inWindow.filter((entry) => entry.month === month && entry.offerId === id).length,
      );
      const { parts, total } = suppressParts(counts);
      return { label: month, cells: [...parts, total] };
    }),
  };
}

/**
 * The volunteers' running matches, and their check-ins due in the last twelve months: on time, late
 * and missed add up to the total judged, so they are held back together.
 */
function checkInsTable(input: OrganisationReportInput): OrganisationTable {
  const running = input.matches.filter(isRunning);
  const from = `${lastTwelveMonths(input.today)[0]}-01`;
  const completion = checkInCompletion(input.checkIns, from, input.today);
  const judged = suppressParts([completion.onTime, completion.late, completion.missed]);
  const row = (name: string, cell: Cell, total = false): TableRow => ({
    labelKey: rowKey(name),
    cells: [cell],
    total,
  });
  return {
    id: 'checkins',
    captionKey: caption('checkins'),
    columns: [key('figure'), key('count')],
    rows: [
      row('runningMatches', countCell(running.length)),
      row('volunteersWithMatch', countCell(new Set(running.map((match) => match.volunteerId)).size)),
      row('onTime', judged.parts[0]!),
      row('late', judged.parts[1]!),
      row('missed', judged.parts[2]!),
      row('judged', judged.total, true),
      row('pending', countCell(completion.pending)),
    ],
  };
}

/** Members by vetting state: figures about adults, shown as they are. */
function vettingTable(input: OrganisationReportInput): OrganisationTable {
  return {
    id: 'vetting',
    captionKey: caption('vetting'),
    columns: [key('vettingState'), key('members')],
    rows: [
      ...VETTING_STATES.map((state) => ({
        labelKey: `activityReports.vettingStates.${state}`,
        cells: [plain(input.members.filter((member) => member === state).length)],
      })),
      { labelKey: rowKey('total'), cells: [plain(input.members.length)], total: true },
    ],
  };
}

/** Every table of the organisation's report, with small counts about children held back. */
export function organisationTables(input: OrganisationReportInput): OrganisationTable[] {
  const offerIds = new Set(input.offers.map((offer) => offer.id));
  return [
    offersTable(input, offerIds),
    monthsTable(input, offerIds),
    checkInsTable(input),
    vettingTable(input),
  ];
}

/** The months table's "all offers" column as a one-column table for the bar chart. */
export function monthsChartTable(months: OrganisationTable) {
  return {
    id: 'months',
    captionKey: months.captionKey,
    columnKeys: [],
    rows: months.rows.map((row) => ({ label: row.label, cells: [row.cells[row.cells.length - 1]!] })),
  };
}
