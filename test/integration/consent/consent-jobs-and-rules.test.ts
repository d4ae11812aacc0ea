import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import {
  consentJobs,
  deleteConsentsOfRequests,
  expireLapsedConsents,
} from '../../../src/components/consent/index.js';
import { consentHomeItems } from '../../../src/components/consent/consent-home.js';
import { endConsent } from '../../../src/components/consent/consent-service.js';
import {
  ConsentClaimModel,
  ConsentLinkModel,
  ConsentVersionModel,
} from '../../../src/components/consent/consent-model.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { JobClaimModel } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { loginAs, submitForm, type TestUser } from '../../helpers/accounts.js';
import { consentPage, recordConsentThroughForm, storeConsent } from '../../helpers/consent.js';
import { itemsDone, jobNamed } from '../../helpers/jobs.js';
import { createMatch, createRequest } from '../../helpers/matching.js';
import { createCasePeople, createMunicipalAdmin, pageAs } from '../../helpers/people.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;

describe('consent: expiry, reminders, retention, the municipality’s rules and the home page', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let clubId: string;
  let karin: TestUser;
  let bo: TestUser;
  let requestId: string;
  let matchId: string;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp({ provisions: [everyoneEligible] });
    ({ sara, clubId, karin, bo } = await createCasePeople());
    requestId = await createRequest(sara.id);
    matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      state: 'active',
    });
  });

  const consentOf = (validUntil: Date) =>
    storeConsent({
      requestId,
      matchId,
      organisationId: clubId,
      volunteerId: bo.id,
      recordedBy: sara.id,
      validUntil,
    });

  it('when a consent has run out, then the child vanishes at read time, and the daily run pauses the match once', async () => {
    await consentOf(new Date(Date.now() - DAY));
    const coordinator = await loginAs(app, karin);
    assert.match((await coordinator.get('/forening/forslag')).text, /Et barn/);
    assert.equal(await expireLapsedConsents(new Date(), testConfig().publicBaseUrl), 1);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');
    assert.equal(await ConsentVersionModel.countDocuments({ 'withdrawal.how': 'expired' }), 1);
    assert.ok(await AuditEventModel.findOne({ action: 'consent.expire' }));
    assert.equal(
      await expireLapsedConsents(new Date(), testConfig().publicBaseUrl),
      0,
      'a second run changes nothing',
    );
  });

  it('when a consent runs out within 30 days, then the responsible worker is reminded once', async () => {
    await consentOf(new Date(Date.now() + 10 * DAY));
    await consentOf(new Date(Date.now() + 90 * DAY));
    const remind = jobNamed(consentJobs(testConfig().publicBaseUrl), 'consent:remind-expiring');
    assert.equal(await itemsDone(remind), 1);
    assert.equal(await itemsDone(remind), 0);
    const mails = await OutboxMessageModel.find({ template: 'consent-expiring' }).lean();
    assert.deepEqual(
      mails.map((mail) => mail.to),
      [sara.email],
    );
    assert.deepEqual(
      consentJobs(testConfig().publicBaseUrl).map((job) => job.name),
      ['consent:expire-lapsed', 'consent:remind-expiring'],
    );
  });

  it('when an instance queued the reminder and died before recording it, then the next run records it without a second mail', async () => {
    await consentOf(new Date(Date.now() + 10 * DAY));
    const remind = jobNamed(consentJobs(testConfig().publicBaseUrl), 'consent:remind-expiring');
    assert.equal(await itemsDone(remind), 1);
    // What the dead instance leaves behind: the mail in the outbox, but neither the record nor a done claim.
    await ConsentClaimModel.deleteMany({});
    await JobClaimModel.deleteMany({ job: 'consent:remind-expiring' });
    assert.equal(await itemsDone(remind), 1, 'the item is done again');
    assert.equal(await ConsentClaimModel.countDocuments(), 1, 'and recorded');
    const mails = await OutboxMessageModel.countDocuments({ template: 'consent-expiring' });
    assert.equal(mails, 1, `mails to the worker: ${mails}`);
  });

  it('when retention deletes a request, then its ledger and links go, and other requests keep theirs', async () => {
    const worker = await loginAs(app, sara);
    await MatchModel.updateOne({ _id: matchId }, { $set: { state: 'awaiting-consent' } });
    await recordConsentThroughForm(worker, requestId, matchId);
    const otherRequest = await createRequest(sara.id);
    const otherMatch = await createMatch({
      requestId: otherRequest,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
    });
    await storeConsent({
      requestId: otherRequest,
      matchId: otherMatch,
      organisationId: clubId,
      volunteerId: bo.id,
      recordedBy: sara.id,
      validUntil: new Date(Date.now() + 90 * DAY),
    });
    assert.equal(await deleteConsentsOfRequests([requestId]), 1);
    assert.equal(await ConsentVersionModel.countDocuments({ requestId }), 0);
    assert.equal(await ConsentLinkModel.countDocuments({ matchId }), 0);
    assert.equal(await ConsentVersionModel.countDocuments({ requestId: otherRequest }), 1);
  });

  it('when an administrator changes the rules, then activation follows them and the change is audited', async () => {
    const admin = await loginAs(app, await createMunicipalAdmin());
    assert.equal((await admin.get('/kommune/samtykke')).status, 200);
    const bad = await submitForm(admin, '/kommune/samtykke', '/kommune/samtykke', {
      purposes: 'share-details',
      activationPurposes: 'share-details',
      youthAge: '40',
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /mellem 10 og 18/);
    const saved = await submitForm(admin, '/kommune/samtykke', '/kommune/samtykke', {
      purposes: 'share-details',
      activationPurposes: 'share-details',
      youthAge: '15',
    });
    assert.equal(saved.status, 303);
    assert.ok(await AuditEventModel.findOne({ action: 'consent.rules.change', municipalityCode: '0849' }));

    await MatchModel.updateOne({ _id: matchId }, { $set: { state: 'awaiting-consent' } });
    const worker = await loginAs(app, sara);
    await recordConsentThroughForm(worker, requestId, matchId, { purposes: ['share-details'] });
    await submitForm(worker, consentPage(requestId, matchId), `/sager/${requestId}/match/${matchId}/aktiver`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
    // A coordinator or a social worker cannot reach the rules.
    assert.equal((await pageAs(app, karin, '/kommune/samtykke')).status, 404);
    assert.equal((await worker.get('/kommune/samtykke')).status, 404);
  });

  it('when the worker has matches awaiting consent, consents running out and a recent withdrawal, then the home items say so', async () => {
    await MatchModel.updateOne({ _id: matchId }, { $set: { state: 'awaiting-consent' } });
    await consentOf(new Date(Date.now() + 10 * DAY));
    const withdrawn = await consentOf(new Date(Date.now() + 100 * DAY));
    await ConsentVersionModel.create({
      ...(await ConsentVersionModel.findOne({ consentId: withdrawn })
        .lean({ virtuals: false })
        .then((doc) => {
          const { _id, ...rest } = doc!;
          void _id;
          return rest;
        })),
      version: 2,
      withdrawal: { at: new Date(), by: 'family', how: 'link' },
    });
    const items = await consentHomeItems({
      userId: sara.id,
      role: 'social-worker',
      municipalityCode: '0849',
    });
    assert.deepEqual(
      items.map((item) => [item.labelKey, item.count, item.urgency]),
      // The match is waiting, but one guardian with sole custody has consented: it is ready to start
      // (matching's own line), not waiting for consent.
      [
        ['consent.home.withdrawn', 1, 'overdue'],
        ['consent.home.expiring', 1, 'due'],
      ],
    );
    assert.deepEqual(
      await consentHomeItems({ userId: karin.id, role: 'coordinator', organisationId: clubId }),
      [],
    );
  });

  it('when another instance records a consent, then the home keeps its snapshot within the bound; a withdrawal recorded here shows at once', async () => {
    const home = async () =>
      (await consentHomeItems({ userId: sara.id, role: 'social-worker', municipalityCode: '0849' })).map(
        (item) => [item.labelKey, item.count],
      );
    const first = await consentOf(new Date(Date.now() + 10 * DAY));
    assert.deepEqual(await home(), [['consent.home.expiring', 1]]);
    // Written straight to the ledger, as another instance would: nothing is announced here.
    await consentOf(new Date(Date.now() + 20 * DAY));
    assert.deepEqual(await home(), [['consent.home.expiring', 1]], 'the snapshot, not the ledger');
    // Recorded here: the next home waits for a read that sees it, and with it the other instance's write.
    const match = { matchId, requestId, municipalityCode: '0849' };
    assert.ok(await endConsent(match, first, { by: sara.id, how: 'phone' }, 'https://brobygning.test'));
    assert.deepEqual(await home(), [
      ['consent.home.withdrawn', 1],
      ['consent.home.expiring', 1],
    ]);
  });
});
