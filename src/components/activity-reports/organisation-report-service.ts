import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { copenhagenDate, FollowUpModel } from '../followups/index.js';
import { matchesOfOrganisation } from '../matching/index.js';
import { listOwnOffers } from '../offers/index.js';
import { findOrganisation, listMemberships } from '../organisations/index.js';
import { vettingStatusFor } from '../vetting/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ForbiddenError } from '../../shared/errors/index.js';
import { vettingStateOf } from './activity-rules.js';
import { organisationTables, type OrganisationTable } from './organisation-report-rules.js';

/** The most check-ins one organisation's report reads (a large club has a few thousand). */
const CHECK_IN_READ_LIMIT = 50_000;

/** The coordinator's own organisation, from the active role only; nobody else has one to report on. */
function ownOrganisation(actor: Actor): string {
  const organisationId = actor.organisationId;
  if (!organisationId || !can(actor, 'reports:organisation', { organisationId })) throw new ForbiddenError();
  return organisationId;
}

async function checkInsOf(organisationId: string) {
  const followUps = await FollowUpModel.find(
    { organisationId, audience: 'volunteer' },
    // Only the dates and the state: never the answers about the child.
    { dueOn: 1, state: 1, answeredAt: 1 },
  )
    .limit(CHECK_IN_READ_LIMIT)
    .lean<Array<{ dueOn: string; state: string; answeredAt?: Date | null }>>();
  return followUps.map((followUp) => ({
    dueOn: followUp.dueOn,
    state: followUp.state,
    answeredOn: followUp.answeredAt ? copenhagenDate(followUp.answeredAt) : undefined,
  }));
}

async function memberVettingStates(organisationId: string, now: Date) {
  const members = await listMemberships(organisationId);
  const statuses = await vettingStatusFor(
    members.map((member) => member.userId),
    organisationId,
    now,
  );
  const byUser = new Map(statuses.map((status) => [status.userId, status]));
  return members.map((member) => vettingStateOf(byUser.get(member.userId), now));
}

export interface OrganisationReport {
  organisationName: string;
  today: string;
  tables: OrganisationTable[];
}

/** The coordinator's report on the own organisation, with small counts about children held back. */
export async function organisationReport(actor: Actor, now = new Date()): Promise<OrganisationReport> {
  const organisationId = ownOrganisation(actor);
  const [organisation, offers, matches, checkIns, members] = await Promise.all([
    findOrganisation(organisationId),
    listOwnOffers(actor, now),
    matchesOfOrganisation(organisationId),
    checkInsOf(organisationId),
    memberVettingStates(organisationId, now),
  ]);
  const today = copenhagenDate(now);
  return {
    organisationName: organisation?.name ?? '',
    today,
    tables: organisationTables({
      today,
      offers: offers
        .map((offer) => ({ id: offer.id, title: offer.title, places: offer.places, free: offer.free }))
        .sort((a, b) => a.title.localeCompare(b.title, 'da')),
      matches,
      checkIns,
      members,
      dayOf: copenhagenDate,
    }),
  };
}

/** One table of the report for export; the export is audited. */
export async function organisationTableForExport(
  actor: Actor,
  tableId: string,
  context: RequestContext,
  now = new Date(),
): Promise<{ report: OrganisationReport; table: OrganisationTable } | undefined> {
  const report = await organisationReport(actor, now);
  const table = report.tables.find((candidate) => candidate.id === tableId);
  if (!table) return undefined;
  await recordAudit(
    {
      action: 'reporting.organisation-exported',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      organisationId: actor.organisationId,
      objectType: 'organisation',
      objectId: actor.organisationId,
      details: { table: tableId },
    },
    context.origin,
  );
  return { report, table };
}
