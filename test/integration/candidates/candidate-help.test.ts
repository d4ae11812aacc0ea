import assert from 'node:assert/strict';
import type { Express } from 'express';
import { forgetCandidateBase } from '../../../src/components/candidates/index.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { putVettingFacts } from '../../../src/components/vetting/index.js';
import { demoVettingFacts } from '../../../src/demo/demo-vetting.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import {
  createCandidate,
  createCandidateRequest,
  createOrganisationOfKind,
} from '../../helpers/candidates.js';
import { createMatch, createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// About 111 km per degree of latitude: 12 km north of the child.
const TWELVE_KM_NORTH = 57.22 + 12 / 111.2;

describe('ways forward on the candidates page', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let requestId: string;
  let club: string;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
    club = await createOrganisationOfKind('association');
    await createCandidate(club, { name: 'Bente Bedst' });
    await createCandidate(club, { name: 'Fjern Fjernsen', lat: TWELVE_KM_NORTH });
    await createCandidate(club, { name: 'Ulla Uattest', vetted: false });
    const full = await createCandidate(club, { name: 'Frida Fuld' });
    requestId = await createCandidateRequest(sara.id, { maxTravelKm: 10 });
    const other = await createCandidateRequest(sara.id, { caseRef: 'SAG-ANDEN' });
    await createMatch({
      requestId: other,
      organisationId: club,
      volunteerId: full.id,
      proposedBy: sara.id,
      state: 'active',
    });
    forgetCandidateBase();
  });

  it('when someone is left out by the distance alone, then the page offers the wider distance with its gain, and the safeguards only as facts', async () => {
    const page = await worker.get(`/sager/${requestId}/kandidater`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Udvid afstanden til 15 km: 1 mere/);
    assert.match(page.text, /1 ville passe, når sin børneattest er fornyet\./);
    assert.match(page.text, /1 ville passe, når der bliver en plads fri\./);
    assert.match(page.text, /action="\/sager\/[0-9a-f]{24}\/kandidater\/udvid"/);
    assert.equal((page.text.match(/name="kind"/g) ?? []).length, 1, 'a safeguard is never a button');
    for (const name of ['Ulla', 'Frida', 'Fjern']) assert.doesNotMatch(page.text, new RegExp(name));
  });

  it('when the worker applies the wider distance, then the request is changed, audited as an edit, and the new candidate is shown', async () => {
    const page = `/sager/${requestId}/kandidater`;
    const applied = await submitForm(worker, page, `${page}/udvid`, { kind: 'distance', km: '15' });
    assert.equal(applied.status, 303);
    assert.equal(applied.headers.location, page);
    assert.equal((await RequestModel.findById(requestId).lean())?.maxTravelKm, 15);
    const audit = await AuditEventModel.findOne({ action: 'request.update' }).lean();
    // Field names only (the test's request has a point of its own, so the place is stored afresh too).
    assert.ok((audit?.details as { fields: string[] }).fields.includes('maxTravelKm'));
    assert.ok(!JSON.stringify(audit).includes('Fortroligt'), 'the needs text never reaches the audit');
    const after = await worker.get(page);
    assert.match(after.text, /Sagen er rettet/);
    assert.match(after.text, /<h2>Fjern ·/);
    assert.doesNotMatch(after.text, /Udvid afstanden/);
  });

  it('when the worker drops the time wish or adds a weekday, then the request holds exactly that change', async () => {
    await RequestModel.updateOne(
      { _id: requestId },
      { $set: { windows: [{ weekday: 3, from: '16:00', to: '18:00' }] } },
    );
    const page = `/sager/${requestId}/kandidater`;
    const before = await worker.get(page);
    assert.match(before.text, /Også om tirsdagen kl\. 16:00–18:00: 1 mere/);
    await submitForm(worker, page, `${page}/udvid`, {
      kind: 'weekday',
      weekday: '2',
      from: '16:00',
      to: '18:00',
    });
    const stored = await RequestModel.findById(requestId).lean();
    assert.deepEqual(
      stored?.windows.map(({ weekday, from, to }) => ({ weekday, from, to })),
      [
        { weekday: 3, from: '16:00', to: '18:00' },
        { weekday: 2, from: '16:00', to: '18:00' },
      ],
    );
    await submitForm(worker, page, `${page}/udvid`, { kind: 'any-time' });
    assert.deepEqual((await RequestModel.findById(requestId).lean())?.windows, []);
  });

  it('when a colleague who is not responsible opens the page, then the ways forward show without buttons and a post is refused', async () => {
    const kasper = await createSocialWorker('0849', 'Kasper Kollega');
    const colleague = await loginAs(app, kasper);
    const page = `/sager/${requestId}/kandidater`;
    const seen = await colleague.get(page);
    assert.match(seen.text, /Udvid afstanden til 15 km: 1 mere/);
    assert.match(seen.text, /Kun den ansvarlige rådgiver/);
    assert.doesNotMatch(seen.text, /kandidater\/udvid/);
    const refused = await submitForm(colleague, page, `${page}/udvid`, { kind: 'distance', km: '15' });
    assert.equal(refused.status, 403);
    assert.equal((await RequestModel.findById(requestId).lean())?.maxTravelKm, 10);
  });

  it('when the posted change is not one of the known kinds, then it is refused and nothing changes', async () => {
    const page = `/sager/${requestId}/kandidater`;
    const refused = await submitForm(worker, page, `${page}/udvid`, { kind: 'vetting' });
    assert.equal(refused.status, 400);
    assert.equal((await RequestModel.findById(requestId).lean())?.maxTravelKm, 10);
  });

  it('when the worker searches, then each volunteer who cannot be proposed now says why, by the same rules as the ranking', async () => {
    await createCandidate(club, { name: 'Per Pause', status: 'paused' });
    const ea = await createCandidate(club, { name: 'Erik Udløber', vetted: false });
    await putVettingFacts(club, ea.id, demoVettingFacts('expiring', ea.id));
    forgetCandidateBase();
    const page = await worker.get('/sager/soeg?interesse=fodbold');
    assert.equal(page.status, 200);
    const panelOf = (name: string) => {
      const start = page.text.indexOf(`<h3>${name} ·`);
      assert.ok(start > 0, `${name} is found`);
      return page.text.slice(start, page.text.indexOf('</li>', start));
    };
    assert.match(panelOf('Ulla'), /Kan ikke foreslås nu:<\/strong> er ikke godkendt/);
    assert.match(panelOf('Per'), /Kan ikke foreslås nu:<\/strong> holder pause\./);
    assert.match(panelOf('Frida'), /Kan ikke foreslås nu:<\/strong> har ikke plads til flere børn\./);
    assert.match(
      panelOf('Erik'),
      /godkendt til .*Kan ikke foreslås nu:<\/strong> godkendelsen udløber, før et forløb på 12 måneder slutter\./s,
    );
    assert.doesNotMatch(panelOf('Bente'), /Kan ikke foreslås/);
    assert.doesNotMatch(
      panelOf('Fjern'),
      /Kan ikke foreslås/,
      'a distance is a wish of a request, not a block',
    );
  });

  it('when the worker asks the organisation to renew a vetting, then its coordinator is mailed once a day, audited without the child, and a second click says it was done', async () => {
    const karin = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: club }],
    });
    const page = `/sager/${requestId}/kandidater`;
    const shown = await worker.get(page);
    assert.match(shown.text, /Bed deres organisation om det/);
    const asked = await submitForm(worker, page, `${page}/bed-om-fornyelse`);
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.location, page);
    assert.match((await worker.get(page)).text, /Organisationen er bedt om at forny godkendelsen/);
    const mails = await OutboxMessageModel.find({ template: 'candidate-vetting-ask' }).lean();
    assert.deepEqual(
      mails.map((mail) => mail.to),
      [karin.email],
    );
    assert.match(mails[0]!.subject, /når deres godkendelse er fornyet/);
    const again = await submitForm(worker, page, `${page}/bed-om-fornyelse`);
    assert.equal(again.status, 303);
    assert.match((await worker.get(page)).text, /allerede bedt om det i dag/);
    assert.equal(await OutboxMessageModel.countDocuments({ template: 'candidate-vetting-ask' }), 1);
    const audits = await AuditEventModel.find({ action: 'candidates.ask-renewal' }).lean();
    assert.equal(audits.length, 2);
    assert.deepEqual(audits[0]?.details, { organisations: 1, alreadyToday: 0, volunteers: 1 });
    assert.ok(!JSON.stringify(audits).includes('SAG-KAND'), 'no case reference beyond the object id');
  });
});
