import assert from 'node:assert/strict';
import type { Express } from 'express';
import { candidateJobs, forgetCandidateBase } from '../../../src/components/candidates/index.js';
import { CandidateWatchModel } from '../../../src/components/candidates/candidate-watch-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import {
  createCandidate,
  createCandidateRequest,
  createOrganisationOfKind,
} from '../../helpers/candidates.js';
import { itemsDone, jobNamed } from '../../helpers/jobs.js';
import { createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const job = jobNamed(candidateJobs('https://x.dk'), 'matching:waiting-for-candidates');
const DAY = 86_400_000;

describe('a request waiting for candidates', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let requestId: string;
  let club: string;
  const page = () => `/sager/${requestId}/kandidater`;
  const mails = () =>
    OutboxMessageModel.countDocuments({ template: 'candidate-watch-found', to: sara.email });
  const newCandidate = async (name: string) => {
    await createCandidate(club, { name });
    forgetCandidateBase();
  };
  const homeLine = async () =>
    /<span class="home-item__count">(\d+)<\/span> <span class="home-item__label">(?:sag har|sager har) fået nye kandidater/.exec(
      (await worker.get('/overblik')).text,
    )?.[1];

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
    club = await createOrganisationOfKind('association');
    await createCandidate(club, { name: 'Ulla Uattest', vetted: false });
    requestId = await createCandidateRequest(sara.id);
    forgetCandidateBase();
  });

  it('when the worker chooses to wait, then the candidates page and the request say so, and it is audited', async () => {
    const empty = await worker.get(page());
    assert.match(empty.text, /Sagen kan vente/);
    const started = await submitForm(worker, page(), `${page()}/vent`);
    assert.equal(started.status, 303);
    const watch = await CandidateWatchModel.findOne({ requestId }).lean();
    assert.equal(watch?.eligible, 0);
    assert.match((await worker.get(page())).text, /Sagen venter på kandidater siden/);
    assert.match((await worker.get(`/sager/${requestId}`)).text, /Venter på kandidater siden/);
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'request.wait-start', objectId: requestId }),
      1,
    );
    await submitForm(worker, page(), `${page()}/stop-vent`);
    assert.equal(await CandidateWatchModel.countDocuments({ requestId }), 0);
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'request.wait-stop', objectId: requestId }),
      1,
    );
    assert.doesNotMatch((await worker.get(`/sager/${requestId}`)).text, /Venter på kandidater/);
  });

  it('when someone who fits turns up, then the job tells the worker on the home and by one mail a day, and looking at the candidates quiets the line', async () => {
    await submitForm(worker, page(), `${page()}/vent`);
    const now = new Date();
    assert.equal(await itemsDone(job, now), 0, 'nothing new yet');
    assert.equal(await mails(), 0);

    await newCandidate('Nina Ny');
    assert.equal(await itemsDone(job, now), 1);
    assert.equal(await mails(), 1);
    const mail = await OutboxMessageModel.findOne({ template: 'candidate-watch-found' }).lean();
    assert.equal(mail?.subject, 'Nye kandidater til en sag, der venter');
    assert.equal(await homeLine(), '1');

    await newCandidate('Olga Også');
    assert.equal(await itemsDone(job, new Date(now.getTime() + 60_000)), 1);
    assert.equal(await mails(), 1, 'at most one mail a day');
    assert.equal((await CandidateWatchModel.findOne({ requestId }).lean())?.found, 2);

    const seen = await worker.get(page());
    assert.match(seen.text, /2 nye er kommet til/);
    assert.equal((await CandidateWatchModel.findOne({ requestId }).lean())?.found, 0);
    assert.equal(await homeLine(), '0');

    await newCandidate('Pia Pålidelig');
    assert.equal(await itemsDone(job, new Date(now.getTime() + DAY)), 1);
    assert.equal(await mails(), 2, 'a new day, a new mail');
  });

  it('when the request is closed, then its waiting ends at the next look and nobody is told', async () => {
    await submitForm(worker, page(), `${page()}/vent`);
    await RequestModel.updateOne({ _id: requestId }, { $set: { status: 'closed' } });
    await newCandidate('Nina Ny');
    assert.equal(await itemsDone(job), 0);
    assert.equal(await CandidateWatchModel.countDocuments({ requestId }), 0);
    assert.equal(await mails(), 0);
  });

  it('when a colleague who is not responsible posts to wait, then it is refused', async () => {
    const colleague = await loginAs(app, await createSocialWorker('0849', 'Kasper Kollega'));
    const refused = await submitForm(colleague, page(), `${page()}/vent`);
    assert.equal(refused.status, 403);
    assert.equal(await CandidateWatchModel.countDocuments({ requestId }), 0);
  });
});
