import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import {
  activeMatchCountsByVolunteer,
  matchingJobs,
  placesInUseByOffer,
} from '../../../src/components/requests/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, loginAs, type TestUser } from '../../helpers/accounts.js';
import { itemsDone, jobNamed } from '../../helpers/jobs.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createOffer } from '../../helpers/offers.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
const reminderJob = jobNamed(matchingJobs('https://x.dk'), 'matching:proposal-reminders');
const remindWaitingProposals = (now: Date) => itemsDone(reminderJob, now);

describe('matching: reminders and places in use', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let karin: TestUser;
  let bo: TestUser;
  let clubId: string;
  let requestId: string;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    sara = await createSocialWorker();
    clubId = await createOrganisation({ name: 'Nordstrand IF' });
    karin = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    bo = await createUser({});
    await addMember(clubId, bo.id);
    requestId = await createRequest(sara.id, { caseRef: 'SAG-HEMMELIG-2', needsText: 'Far drikker' });
  });

  it('when a proposal has waited more than five days, then the job reminds once, however often it runs', async () => {
    const now = new Date();
    await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      createdAt: new Date(now.getTime() - 6 * DAY),
    });
    assert.equal(await remindWaitingProposals(now), 1);
    assert.equal(await remindWaitingProposals(now), 0);
    const toKarin = await OutboxMessageModel.find({ to: karin.email }).lean();
    assert.deepEqual(
      toKarin.map((message) => message.template),
      ['match-reminder'],
    );
    assert.equal(await OutboxMessageModel.countDocuments({ to: bo.email, template: 'match-reminder' }), 1);
  });

  it('when a proposal is younger than five days or already answered, then nobody is reminded', async () => {
    const now = new Date();
    await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      createdAt: new Date(now.getTime() - 4 * DAY),
    });
    const other = await createUser({});
    await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: other.id,
      proposedBy: sara.id,
      state: 'declined',
      createdAt: new Date(now.getTime() - 9 * DAY),
    });
    assert.equal(await remindWaitingProposals(now), 0);
    assert.equal(await OutboxMessageModel.countDocuments(), 0);
  });

  it('when matches hold places of an offer, then places in use count proposed to paused, not ended', async () => {
    const offerId = await createOffer(clubId, { places: 4 });
    const states = ['proposed', 'awaiting-consent', 'active', 'paused', 'closed', 'declined'] as const;
    for (const state of states) {
      const volunteer = await createUser({});
      await createMatch({
        requestId,
        organisationId: clubId,
        volunteerId: volunteer.id,
        proposedBy: sara.id,
        state,
        offerId,
      });
    }
    assert.equal((await placesInUseByOffer([offerId])).get(offerId), 4);
    // The offers page reads them through the provider matching registered.
    const coordinator = await loginAs(app, karin);
    assert.match((await coordinator.get('/forening/tilbud')).text, /0 af 4/);
  });

  it('when a volunteer has matches, then the count includes waiting proposals (they hold a place) and leaves out ended ones', async () => {
    await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      state: 'active',
    });
    const second = await createRequest(sara.id);
    await createMatch({ requestId: second, organisationId: clubId, volunteerId: bo.id, proposedBy: sara.id });
    const third = await createRequest(sara.id);
    await createMatch({
      requestId: third,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      state: 'closed',
    });
    const counts = await activeMatchCountsByVolunteer([bo.id, karin.id]);
    assert.equal(counts.get(bo.id), 2);
    assert.equal(counts.get(karin.id), undefined);
  });
});
