import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { copenhagenDate } from '../followups/index.js';
import { listOwnOffers } from '../offers/index.js';
import { findOrganisation } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ForbiddenError } from '../../shared/errors/index.js';
import { organisationActivity } from './organisation-report-read-model.js';
import { organisationTables, type OrganisationTable } from './organisation-report-rules.js';

/** The coordinator's own organisation, from the active role only; nobody else has one to report on. */
function ownOrganisation(actor: Actor): string {
  const organisationId = actor.organisationId;
  if (!organisationId || !can(actor, 'reports:organisation', { organisationId })) throw new ForbiddenError();
  return organisationId;
}

export interface OrganisationReport {
  organisationName: string;
  today: string;
  tables: OrganisationTable[];
}

/**
 * The coordinator's report on the own organisation, with small counts about children held back. Its
 * matches, check-ins and members' vetting are at most READ_BOUNDS.organisationReport old.
 */
export async function organisationReport(actor: Actor, now = new Date()): Promise<OrganisationReport> {
  const organisationId = ownOrganisation(actor);
  const [organisation, offers, activity] = await Promise.all([
    findOrganisation(organisationId),
    listOwnOffers(actor, now),
    organisationActivity(organisationId),
  ]);
  const { matches, checkIns, members } = activity.value;
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
