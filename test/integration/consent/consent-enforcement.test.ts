import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { ConsentLinkModel, ConsentVersionModel } from '../../../src/components/consent/consent-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import { consentPage, familyLinkFrom, recordConsentThroughForm } from '../../helpers/consent.js';
import { latestMailTo } from '../../helpers/mail.js';
import { createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createCasePeople, pageAs } from '../../helpers/people.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// The child's details that must never reach the organisation or the adult without consent.
const CHILD = /Emma|fodbold|lektiestøtte/;

describe('consent: what a proposal shows, activation, and withdrawal taking effect at once', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let clubId: string;
  let karin: TestUser;
  let bo: TestUser;
  let requestId: string;

  beforeEach(async () => {
    await importMunicipalities();
    // Eligibility itself is tested in match-safety.test.ts; here every candidate passes.
    app = buildTestApp({ provisions: [everyoneEligible] });
    ({ sara, clubId, karin, bo } = await createCasePeople());
    worker = await loginAs(app, sara);
    requestId = await createRequest(sara.id, { caseRef: 'SAG-HEMMELIG-1', needsText: 'Mor er syg' });
    await RequestModel.updateOne({ _id: requestId }, { $set: { needTags: ['lektiestøtte'] } });
  });

  async function propose(): Promise<string> {
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/foreslaa`, {
      volunteerId: bo.id,
      organisationId: clubId,
      childAlias: 'Emma',
      askText: 'Tag barnet med til gymnastik om tirsdagen.',
    });
    return String((await MatchModel.findOne({ requestId }).lean())!._id);
  }

  async function acceptBoth(matchId: string): Promise<{ coordinator: Agent; volunteer: Agent }> {
    const coordinator = await loginAs(app, karin);
    await submitForm(coordinator, '/forening/forslag', `/forening/forslag/${matchId}/accepter`);
    const volunteer = await loginAs(app, bo);
    await submitForm(volunteer, '/frivillig/forslag', `/frivillig/forslag/${matchId}/accepter`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');
    return { coordinator, volunteer };
  }

  const activate = (matchId: string, fields: Record<string, string> = {}) =>
    submitForm(
      worker,
      consentPage(requestId, matchId),
      `/sager/${requestId}/match/${matchId}/aktiver`,
      fields,
    );

  it('when nobody in the family has agreed, then the mails and pages hold only an age band and the activity', async () => {
    const matchId = await propose();
    for (const person of [karin, bo]) {
      const mail = await latestMailTo(person.email);
      assert.equal(mail?.template, 'match-proposal');
      assert.doesNotMatch(`${mail?.subject} ${mail?.text} ${mail?.html}`, CHILD);
      assert.doesNotMatch(`${mail?.text} ${mail?.html}`, /SAG-HEMMELIG-1|Mor er syg/);
      // The ask text is a field of its own: before consent only the activity (the organisation) is told.
      assert.doesNotMatch(mail?.text ?? '', /Tag barnet med til gymnastik/);
      assert.match(mail?.text ?? '', /Nordstrand IF/);
      assert.match(mail?.text ?? '', /10-12/);
      assert.match(mail?.text ?? '', /Familien har endnu ikke givet samtykke/);
    }
    const pages = [
      (await pageAs(app, karin, '/forening/forslag')).text,
      (await pageAs(app, bo, '/frivillig/forslag')).text,
    ];
    for (const page of pages) {
      assert.doesNotMatch(page, CHILD);
      assert.match(page, /Et barn, 10-12 år/);
      assert.match(page, /Familien har endnu ikke givet samtykke/);
    }
    assert.ok(matchId);
  });

  it('when a guardian agrees to some fields, then exactly those appear on the next request, and the rest never', async () => {
    const matchId = await propose();
    const receipt = await recordConsentThroughForm(worker, requestId, matchId, {
      purposes: ['share-details'],
      recipients: ['organisation', 'adult'],
      fields: ['alias', 'interests'],
    });
    assert.equal(receipt.status, 200);
    assert.match(receipt.text, /Kvittering for jeres samtykke/);
    assert.match(receipt.text, /Nordstrand IF/);
    const coordinatorPage = (await pageAs(app, karin, '/forening/forslag')).text;
    const volunteerPage = (await pageAs(app, bo, '/frivillig/forslag')).text;
    for (const page of [coordinatorPage, volunteerPage]) {
      assert.match(page, /Emma/);
      assert.match(page, /fodbold/);
      assert.doesNotMatch(page, /lektiestøtte/);
      assert.doesNotMatch(page, /Familien har endnu ikke givet samtykke/);
    }
  });

  it('when consent is missing, then activation is refused naming what is missing; once given, the match starts', async () => {
    const matchId = await propose();
    await acceptBoth(matchId);
    const refused = await activate(matchId);
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.location, consentPage(requestId, matchId));
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');
    const checklist = (await worker.get(consentPage(requestId, matchId))).text;
    assert.match(checklist, /der mangler samtykke fra en forælder/);
    assert.match(checklist, /At barnet deltager i aktiviteten: mangler samtykke fra en forælder/);

    await recordConsentThroughForm(worker, requestId, matchId, { purposes: ['share-details'] });
    await activate(matchId);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');

    await recordConsentThroughForm(worker, requestId, matchId, { purposes: ['take-part'], initials: 'MH' });
    await activate(matchId);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
  });

  it('when custody is joint and the child is 16, then both guardians are needed and going ahead without the young person takes a reason, kept and audited', async () => {
    requestId = await createRequest(sara.id, { caseRef: 'SAG-UNG-1' });
    await RequestModel.updateOne(
      { _id: requestId },
      { $set: { birthYear: new Date().getUTCFullYear() - 17, birthMonth: 1 } },
    );
    const matchId = await propose();
    await acceptBoth(matchId);
    await recordConsentThroughForm(worker, requestId, matchId, { custody: 'joint', initials: 'AB' });
    await activate(matchId);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');
    assert.match((await worker.get(consentPage(requestId, matchId))).text, /den anden forælder/);

    await recordConsentThroughForm(worker, requestId, matchId, { custody: 'joint', initials: 'CD' });
    await activate(matchId);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'awaiting-consent');
    assert.match((await worker.get(consentPage(requestId, matchId))).text, /Skriv en begrundelse/);

    await activate(matchId, { acknowledgement: 'Den unge er indforstået, men ville ikke skrive under.' });
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
    const acknowledgements = await MatchModel.db
      .collection('consent_acknowledgements')
      .find({ matchId })
      .toArray();
    assert.equal(acknowledgements.length, 1);
    const audit = await AuditEventModel.findOne({ action: 'consent.youth-warning-acknowledged' }).lean();
    assert.equal(audit?.actorId, sara.id);
    assert.doesNotMatch(JSON.stringify(audit), /indforstået/);
  });

  it('when the family withdraws through their link, then the match pauses, details vanish, unsent mail is cancelled and everyone is told', async () => {
    const matchId = await propose();
    await acceptBoth(matchId);
    const receipt = await recordConsentThroughForm(worker, requestId, matchId);
    const link = familyLinkFrom(receipt.text);
    await activate(matchId);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'active');
    assert.match((await pageAs(app, bo, '/frivillig/forslag')).text, /Emma/);
    // A message about the child still waiting in the outbox.
    const queued = await OutboxMessageModel.create({
      messageId: '<queued@test>',
      idempotencyKey: 'test:queued',
      to: bo.email,
      subject: 'x',
      sealedBody: 'sealed',
      template: 'match-reminder',
      language: 'da',
      nextAttemptAt: new Date(Date.now() + 3_600_000),
      aboutMatchId: matchId,
    });

    const family = (await import('supertest')).default.agent(app);
    const page = await family.get(link);
    assert.equal(page.status, 200);
    assert.match(page.text, /Nordstrand IF/);
    assert.match(page.text, /Bo Frivillig/);
    assert.doesNotMatch(page.text, /SAG-HEMMELIG-1|Mor er syg|Emma/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const withdrawn = await family.post(link).type('form').send({ _csrf: csrf });
    assert.equal(withdrawn.status, 200);
    assert.match(withdrawn.text, /Samtykket er trukket tilbage/);

    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');
    assert.doesNotMatch((await pageAs(app, karin, '/forening/forslag')).text, CHILD);
    assert.doesNotMatch((await pageAs(app, bo, '/frivillig/forslag')).text, CHILD);
    const cancelled = await OutboxMessageModel.findById(queued._id).lean();
    assert.equal(cancelled?.status, 'cancelled');
    assert.equal(cancelled?.sealedBody, undefined);
    for (const person of [karin, bo]) {
      const told = await latestMailTo(person.email);
      assert.equal(told?.template, 'consent-paused');
      assert.doesNotMatch(`${told?.subject} ${told?.text}`, CHILD);
    }
    assert.equal((await latestMailTo(sara.email))?.template, 'consent-withdrawn');
    const audit = await AuditEventModel.find({ action: 'consent.withdraw' }).lean();
    assert.deepEqual(
      audit.map((event) => [event.actorRole, event.actorId]),
      [['family', undefined]],
    );
    assert.ok(await AuditEventModel.findOne({ action: 'consent.link.open', actorRole: 'family' }));
    assert.equal((await family.get(link)).status, 410);
  });

  it('when the social worker records a withdrawal by phone, then the match pauses and the ledger keeps both versions', async () => {
    const matchId = await propose();
    await acceptBoth(matchId);
    await recordConsentThroughForm(worker, requestId, matchId);
    await activate(matchId);
    const consentId = (await ConsentVersionModel.findOne({ matchId }).lean())!.consentId;
    const response = await submitForm(
      worker,
      consentPage(requestId, matchId),
      `${consentPage(requestId, matchId)}/${consentId}/tilbagekald`,
      { how: 'phone', reason: 'Mor ringede' },
    );
    assert.equal(response.status, 303);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');
    const versions = await ConsentVersionModel.find({ consentId }).sort({ version: 1 }).lean();
    assert.deepEqual(
      versions.map((version) => [version.version, version.withdrawal?.how]),
      [
        [1, undefined],
        [2, 'phone'],
      ],
    );
    assert.match((await worker.get(`/sager/${requestId}`)).text, /Samtykker: 0 gældende, 1 ophørt/);
    const history = (await worker.get(consentPage(requestId, matchId))).text;
    assert.match(history, /Ophørt \(Telefon\)/);
    assert.match(history, /Givet \(Underskrevet blanket\)/);
    assert.ok(await AuditEventModel.findOne({ action: 'consent.withdraw', actorId: sara.id }));
    const recorded = await AuditEventModel.findOne({ action: 'consent.record' }).lean();
    assert.equal(recorded?.actorId, sara.id);
    assert.equal(recorded?.objectId, consentId);
    assert.equal(recorded?.municipalityCode, '0849');
    assert.ok(await AuditEventModel.findOne({ action: 'consent.read', actorId: sara.id }));
    // Resuming needs consent again.
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/match/${matchId}/genoptag`);
    assert.equal((await MatchModel.findById(matchId).lean())?.state, 'paused');
  });

  it('when one address tries many family links, then it is slowed down (429) before it can guess', async () => {
    const family = (await import('supertest')).default(app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1)
      statuses.push((await family.get(`/samtykke/${String(attempt).padStart(43, 'A')}`)).status);
    assert.deepEqual([...new Set(statuses.slice(0, 30))], [410]);
    assert.equal(statuses[30], 429);
  });

  it('when anyone tries to change or delete the ledger, then no route or model call allows it', async () => {
    const matchId = await propose();
    await recordConsentThroughForm(worker, requestId, matchId);
    const before = await ConsentVersionModel.findOne({ matchId }).lean();
    const path = `${consentPage(requestId, matchId)}/${before!.consentId}`;
    // Without a route these are refused (403 by the CSRF guard before routing, or 404).
    for (const method of ['put', 'patch', 'delete'] as const) {
      for (const target of [consentPage(requestId, matchId), path])
        assert.ok([403, 404].includes((await worker[method](target)).status), `${method} ${target}`);
    }
    await assert.rejects(ConsentVersionModel.updateOne({ matchId }, { $set: { initials: 'ZZ' } }));
    await assert.rejects(ConsentVersionModel.deleteOne({ matchId }));
    const after = await ConsentVersionModel.findOne({ matchId }).lean();
    assert.deepEqual(after, before);
    // The link token is stored only as a hash.
    const link = await ConsentLinkModel.findOne({ consentId: before!.consentId }).lean();
    assert.match(link!._id, /^[0-9a-f]{64}$/);
  });

  it('when another municipality, a coordinator or a colleague reach for a consent, then they get 404 or a refusal and nothing changes', async () => {
    const matchId = await propose();
    await recordConsentThroughForm(worker, requestId, matchId);
    const consentId = (await ConsentVersionModel.findOne({ matchId }).lean())!.consentId;
    const elsewhere = await loginAs(app, await createSocialWorker('0101'));
    assert.equal((await elsewhere.get(consentPage(requestId, matchId))).status, 404);
    const tampered = await recordConsentThroughForm(elsewhere, requestId, matchId);
    assert.equal(tampered.status, 404);
    const withdraw = await submitForm(
      elsewhere,
      '/sager',
      `${consentPage(requestId, matchId)}/${consentId}/tilbagekald`,
      {
        how: 'phone',
      },
    );
    assert.equal(withdraw.status, 404);
    const coordinator = await loginAs(app, karin);
    assert.equal((await coordinator.get(consentPage(requestId, matchId))).status, 404);
    const colleague = await loginAs(app, await createSocialWorker('0849', 'Kollega'));
    const colleagueRecord = await recordConsentThroughForm(colleague, requestId, matchId);
    assert.equal(colleagueRecord.status, 303);
    // A consent id of another match is a 404 on this match.
    const otherRequest = await createRequest(sara.id);
    const otherMatch = await MatchModel.create({
      requestId: otherRequest,
      municipalityCode: '0849',
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      childAlias: 'X',
      askText: 'Noget andet helt.',
      state: 'proposed',
      history: [],
      liveKey: `${otherRequest}:${bo.id}`,
    });
    const onOther = await submitForm(
      worker,
      '/sager',
      `${consentPage(otherRequest, String(otherMatch._id))}/${consentId}/tilbagekald`,
      { how: 'phone' },
    );
    assert.equal(onOther.status, 404);
    assert.equal(await ConsentVersionModel.countDocuments(), 1);
    const family = (await import('supertest')).default(app);
    assert.equal((await family.get(`/samtykke/${'A'.repeat(43)}`)).status, 410);
    assert.equal((await family.get('/samtykke/nonsense')).status, 404);
  });
});
