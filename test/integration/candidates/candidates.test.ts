import assert from 'node:assert/strict';
import type { Express } from 'express';
import { forgetCandidateBase } from '../../../src/components/candidates/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import {
  createCandidate,
  createCandidateRequest,
  createOrganisationOfKind,
} from '../../helpers/candidates.js';
import { createMatch, createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { putVettingFacts } from '../../../src/components/vetting/index.js';
import { demoVettingFacts } from '../../../src/demo/demo-vetting.js';

describe('candidates for a request', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let requestId: string;
  let club: string;
  let known: string;
  let names: Record<string, TestUser>;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp(process.env.DEBUG_CAND ? { logger: createLogger('error') } : {});
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
    club = await createOrganisationOfKind('association');
    known = await createOrganisationOfKind('association');
    const church = await createOrganisationOfKind('faith');
    names = {
      best: await createCandidate(club, { name: 'Bente Bedst', interests: ['fodbold', 'tegning'] }),
      network: await createCandidate(known, { name: 'Naja Netværk', interests: [] }),
      unvetted: await createCandidate(club, { name: 'Ulla Uattest', vetted: false }),
      paused: await createCandidate(club, { name: 'Per Pause', status: 'paused' }),
      full: await createCandidate(club, { name: 'Frida Fuld' }),
      far: await createCandidate(club, { name: 'Fjern Fjernsen', lat: 57.6 }),
      faith: await createCandidate(church, { name: 'Tove Tro' }),
    };
    requestId = await createCandidateRequest(sara.id, {
      noFaithCommunity: true,
      networkOrganisationIds: [known],
    });
    const other = await createCandidateRequest(sara.id, { caseRef: 'SAG-ANDEN' });
    await createMatch({
      requestId: other,
      organisationId: club,
      volunteerId: names.full!.id,
      proposedBy: sara.id,
      state: 'active',
    });
    forgetCandidateBase();
  });

  it('when the worker opens the candidates, then the eligible are ranked with the network first and the rest counted by reason', async () => {
    const page = await worker.get(`/sager/${requestId}/kandidater`);
    assert.equal(page.status, 200);
    const order = ['Naja', 'Bente'].map((name) => page.text.indexOf(`<h2>${name} ·`));
    assert.ok(order[0]! > 0 && order[0]! < order[1]!, 'the network organisation ranks first');
    for (const name of ['Ulla', 'Per', 'Frida', 'Fjern', 'Tove'])
      assert.doesNotMatch(page.text, new RegExp(`<h2>${name} `));
    assert.match(page.text, /2 kandidater passer/);
    assert.match(page.text, /5 flere blev sorteret fra:/);
    for (const reason of [
      '1 ikke godkendt for hele perioden',
      '1 holder pause',
      '1 har ikke plads til flere børn',
      '1 for langt væk',
      '1 fra et trossamfund',
    ])
      assert.ok(page.text.includes(reason), reason);
    assert.match(page.text, /En forening, barnet allerede kender/);
    assert.match(page.text, /Fælles: fodbold, tegning \(2 af 2\)/);
    assert.doesNotMatch(page.text, /@example\.dk|Efternavn|Bedst/, 'no contact details or surnames');
  });

  it('when the administrator sets the network weight to 0, then the order changes and the change is audited', async () => {
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    const agent = await loginAs(app, admin);
    const fields = {
      network: '0',
      interests: '30',
      distance: '20',
      schedule: '20',
      language: '15',
      load: '15',
    };
    const saved = await submitForm(agent, '/kommune/matchvaegte', '/kommune/matchvaegte', fields);
    assert.equal(saved.status, 303);
    const page = await worker.get(`/sager/${requestId}/kandidater`);
    assert.ok(page.text.indexOf('<h2>Bente ·') < page.text.indexOf('<h2>Naja ·'));
    const [event] = await AuditEventModel.find({ action: 'matching.weights-changed' }).lean();
    assert.deepEqual(event?.details, { network: { from: 200, to: 0 } });
    const refused = await submitForm(agent, '/kommune/matchvaegte', '/kommune/matchvaegte', {
      ...fields,
      load: '101',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /uden for det tilladte/);
  });

  it('when a listing is made, then it is audited with the names of its criteria and its purpose, never their values or the needs text', async () => {
    await worker.get(`/sager/${requestId}/kandidater`);
    const [event] = await AuditEventModel.find({ action: 'candidates.list' }).lean();
    assert.equal(event?.purpose, 'casework');
    assert.equal(event?.objectId, requestId);
    assert.equal(event?.actorId, sara.id);
    const details = event?.details as { criteria: { factors: string[] }; excluded: number };
    assert.ok(details.criteria.factors.includes('interests'), details.criteria.factors.join(', '));
    assert.ok(details.criteria.factors.includes('no-faith-community'), details.criteria.factors.join(', '));
    assert.doesNotMatch(JSON.stringify(details), /fodbold|tegning/);
    assert.equal(details.excluded, 5);
    const everything = JSON.stringify(await AuditEventModel.find({}).lean());
    assert.doesNotMatch(everything, /Fortroligt/);
  });

  it('when the snapshot is stale, then a proposal of a meanwhile paused volunteer is refused and nothing is stored', async () => {
    const page = await worker.get(`/sager/${requestId}/kandidater`);
    assert.match(page.text, /<h2>Bente ·/);
    // Written behind the instance's back (as another instance would): the snapshot does not know.
    await VolunteerProfileModel.updateOne({ userId: names.best!.id }, { $set: { status: 'paused' } });
    assert.match(
      (await worker.get(`/sager/${requestId}/kandidater`)).text,
      /<h2>Bente ·/,
      'still in the stale snapshot',
    );
    const before = await MatchModel.countDocuments();
    const response = await submitForm(
      worker,
      `/sager/${requestId}/kandidater`,
      `/sager/${requestId}/foreslaa`,
      {
        volunteerId: names.best!.id,
        organisationId: club,
        offerId: '',
        childAlias: 'E.',
        askText: 'Tag barnet med til fodbold om tirsdagen.',
      },
    );
    assert.equal(response.status, 303);
    assert.equal(await MatchModel.countDocuments(), before);
    const detail = await worker.get(`/sager/${requestId}`);
    assert.match(detail.text, /Den frivillige holder pause/);
  });

  it('when the vetting of a shown candidate is recorded after the list was read, then the page shows the vetting as it is now', async () => {
    const bente = (text: string) => /<h2>Bente ·[\s\S]*?<\/p>/.exec(text)?.[0] ?? '';
    const page = await worker.get(`/sager/${requestId}/kandidater`);
    assert.match(bente(page.text), /godkendt til/);
    assert.doesNotMatch(bente(page.text), /2031/);
    const facts = demoVettingFacts('vetted', names.best!.id);
    await putVettingFacts(club, names.best!.id, {
      ...facts,
      childCertificate: { ...facts.childCertificate, validUntil: new Date('2031-03-15T12:00:00Z') },
    });
    assert.match(bente((await worker.get(`/sager/${requestId}/kandidater`)).text), /godkendt til [^<]*2031/);
    await putVettingFacts(club, names.best!.id, {
      ...facts,
      childCertificate: { ...facts.childCertificate, validUntil: new Date(Date.now() - 86_400_000) },
    });
    assert.doesNotMatch(bente((await worker.get(`/sager/${requestId}/kandidater`)).text), /godkendt til/);
  });

  it('when an eligible candidate is proposed, then the match is made', async () => {
    const response = await submitForm(
      worker,
      `/sager/${requestId}/kandidater`,
      `/sager/${requestId}/foreslaa`,
      {
        volunteerId: names.best!.id,
        organisationId: club,
        offerId: '',
        childAlias: 'E.',
        askText: 'Tag barnet med til fodbold om tirsdagen.',
      },
    );
    assert.equal(response.status, 303);
    assert.equal(await MatchModel.countDocuments({ requestId, volunteerId: names.best!.id }), 1);
  });
});
