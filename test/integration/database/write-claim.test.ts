import assert from 'node:assert/strict';
import { decideOrganisation } from '../../../src/components/organisations/organisation-service.js';
import { findOrganisation } from '../../../src/components/organisations/index.js';
import { OrganisationModel } from '../../../src/components/organisations/organisation-model.js';
import { readRecord, saveRecord } from '../../../src/components/vetting/vetting-service.js';
import {
  claimNextVersion,
  databaseNow,
  STRANDED_CLAIM_MS,
  writeClaimedVersion,
  writeNextVersion,
  WriteClaimModel,
} from '../../../src/shared/db/index.js';
import {
  AuditEventModel,
  completeAuditedWrites,
  writeVersionAudited,
} from '../../../src/shared/audit/index.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { createMember } from '../../helpers/vetting.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const vettingAudit = {
  event: { action: 'vetting.test', outcome: 'success' as const, objectType: 'vetting-record' },
};

const origin = { ip: '127.0.0.1', userAgent: 'test', requestId: 'r1' };
const context = { origin, baseUrl: 'http://localhost', language: 'da' as const };

// FerretDB's updates do not lock: these run the real race against the real engine.
describe('claimed writes (one writer per version, on FerretDB as on MongoDB)', () => {
  useTestDatabase();

  it('when eight writers claim the same version at once, then exactly one gets it', async () => {
    const id = await createOrganisation();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => claimNextVersion(OrganisationModel as never, id, 0)),
    );
    assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      assert.equal((outcome.reason as { code?: string }).code, 'CONFLICT');
    }
  });

  it('when a claim was left by a writer that died, then it blocks only until it is stale', async () => {
    const id = await createOrganisation();
    const then = new Date();
    await claimNextVersion(OrganisationModel as never, id, 0, then);
    // Nobody wrote version 1: a fresh claim still blocks, a stale one is taken over.
    await assert.rejects(
      claimNextVersion(OrganisationModel as never, id, 0, new Date(then.getTime() + 1000)),
      {
        code: 'CONFLICT',
      },
    );
    const later = new Date(then.getTime() + STRANDED_CLAIM_MS + 1000);
    assert.equal(await claimNextVersion(OrganisationModel as never, id, 0, later), 1);
    assert.equal(await WriteClaimModel.countDocuments({ documentId: id }), 1);
  });

  it('when the claimed version was written, then an old claim is not taken over', async () => {
    const id = await createOrganisation();
    const then = new Date(Date.now() - STRANDED_CLAIM_MS * 2);
    await claimNextVersion(OrganisationModel as never, id, 0, then);
    await OrganisationModel.updateOne({ _id: id }, { $set: { writeVersion: 1 } });
    await assert.rejects(claimNextVersion(OrganisationModel as never, id, 0), { code: 'CONFLICT' });
  });

  it('when a writer stalls past the takeover and another writes that version, then the stalled write is refused', async () => {
    const id = await createOrganisation();
    const stalledSince = new Date((await databaseNow()).getTime() - STRANDED_CLAIM_MS - 5000);
    const stalledVersion = await claimNextVersion(OrganisationModel as never, id, 0, stalledSince);
    // The other writer takes the stranded claim over (by the database's clock) and writes version 1.
    assert.equal(
      await writeNextVersion(OrganisationModel as never, id, 0, { description: 'Den nye tekst.' }),
      1,
    );
    await assert.rejects(
      writeClaimedVersion(OrganisationModel as never, id, 0, stalledVersion, {
        description: 'Den gamle tekst.',
      }),
      { code: 'CONFLICT' },
    );
    const stored = await findOrganisation(id);
    assert.equal(stored?.description, 'Den nye tekst.');
    assert.equal(stored?.writeVersion, 1);
  });

  it('when two administrators decide about the same organisation at once, then one decision lands', async () => {
    const id = await OrganisationModel.create({
      name: 'Samtidig Forening',
      kind: 'association',
      description: 'En forening til en test af samtidighed.',
      postcode: '9490',
      municipalityCodes: ['0849'],
      approvals: [{ municipalityCode: '0849', decision: 'pending' }],
      status: 'pending',
    }).then((created) => String(created._id));
    const admin = (n: number) => ({
      userId: `admin${n}`,
      role: 'municipal-admin' as const,
      municipalityCode: '0849',
    });
    const outcomes = await Promise.allSettled([
      decideOrganisation(admin(1), id, 'approved', {}, context),
      decideOrganisation(admin(2), id, 'rejected', { reason: 'Ikke relevant' }, context),
    ]);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
    const stored = await findOrganisation(id);
    const winner = outcomes[0]!.status === 'fulfilled' ? 'approved' : 'rejected';
    assert.equal(stored?.approvals[0]?.decision, winner);
    assert.equal(stored?.writeVersion, 1);
  });

  it('when two coordinators record different vetting steps from the same read at once, then one lands and the other is told', async () => {
    const organisationId = await createOrganisation();
    const member = await createMember(organisationId);
    await saveRecord(
      organisationId,
      member.id,
      undefined,
      { childCertificate: {}, references: [] },
      vettingAudit,
    );
    const read = await readRecord(organisationId, member.id);
    const at = new Date();
    const outcomes = await Promise.allSettled([
      saveRecord(
        organisationId,
        member.id,
        read,
        {
          ...read!.facts,
          training: { hours: 3, completedOn: at, recordedBy: 'a', recordedAt: at },
        },
        vettingAudit,
      ),
      saveRecord(
        organisationId,
        member.id,
        read,
        {
          ...read!.facts,
          interview: { heldOn: at, interviewer: 'B', outcome: 'suitable', recordedBy: 'b', recordedAt: at },
        },
        vettingAudit,
      ),
    ]);
    assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
    const stored = await readRecord(organisationId, member.id);
    const trainingWon = outcomes[0]!.status === 'fulfilled';
    assert.equal(stored?.facts.training?.hours, trainingWon ? 3 : undefined);
    assert.equal(stored?.facts.interview?.interviewer, trainingWon ? undefined : 'B');
  });
});

describe('audited writes (the audit entry travels with the claim)', () => {
  useTestDatabase();
  const event = {
    action: 'organisation.approved',
    outcome: 'success' as const,
    actorId: 'admin-1',
    municipalityCode: '0849',
    objectType: 'organisation',
  };
  const entriesFor = (id: string) => AuditEventModel.countDocuments({ objectId: id, action: event.action });
  const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  it('when a writer wrote its version and stopped before its audit entry, then the repair writes the entry once', async () => {
    const id = await createOrganisation();
    // What a writer cut off after its write leaves: the claim with what it owes, the version written.
    await claimNextVersion(OrganisationModel as never, id, 0, new Date(), {
      audit: { event: { ...event, objectId: id, at: new Date() }, origin },
    });
    await writeClaimedVersion(OrganisationModel as never, id, 0, 1, { status: 'approved' });
    assert.equal(await entriesFor(id), 0);

    assert.equal(await completeAuditedWrites(new Date()), 0, 'left to its own request for a minute');
    assert.equal(await completeAuditedWrites(minutesFromNow(2)), 1);
    assert.equal(await completeAuditedWrites(minutesFromNow(4)), 0, 'settled: nothing left to do');
    assert.equal(await entriesFor(id), 1);
  });

  it('when the request itself finishes, then its entry is written once and the repair adds none', async () => {
    const id = await createOrganisation();
    await writeVersionAudited(
      OrganisationModel as never,
      id,
      0,
      { status: 'approved' },
      {
        event: { ...event, objectId: id },
        origin,
      },
    );
    await completeAuditedWrites(minutesFromNow(2));
    assert.equal(await entriesFor(id), 1);
  });

  it('when a claimed version was never written, then no entry is written, and after ten minutes the claim owes nothing', async () => {
    const id = await createOrganisation();
    await claimNextVersion(OrganisationModel as never, id, 0, new Date(), {
      audit: { event: { ...event, objectId: id, at: new Date() }, origin },
    });
    await completeAuditedWrites(minutesFromNow(2));
    assert.equal((await WriteClaimModel.findOne({ documentId: id }).lean())!.settled, false);
    await completeAuditedWrites(minutesFromNow(11));
    assert.equal((await WriteClaimModel.findOne({ documentId: id }).lean())!.settled, true);
    assert.equal(await entriesFor(id), 0);
  });
});
