import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trusted } from 'mongoose';
import request from 'supertest';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { findOrganisation } from '../../../src/components/organisations/index.js';
import { OrganisationModel } from '../../../src/components/organisations/organisation-model.js';
import { VettingRecordModel } from '../../../src/components/vetting/vetting-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { READ_BOUNDS } from '../../../src/shared/db/index.js';
import { createUser, loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import { createCandidate, createCandidateRequest } from '../../helpers/candidates.js';
import { createOffer } from '../../helpers/offers.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { startInstancesOnTestDatabase, type ServerProcess } from '../../helpers/server-process.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Logs in on one instance (the session lives in the database, so any instance would do). */
const loginOn = (server: ServerProcess, user: TestUser): Promise<Agent> =>
  loginAs(server.baseUrl as never, user);

/** Polls `check` until it holds; returns how long that took, or fails after `withinMs`. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= withinMs) {
    if (await check()) return Date.now() - started;
    await sleep(250);
  }
  throw new Error(`not within ${withinMs} ms`);
}

// Two real app processes (src/server.ts, as `npm start` runs it) on the one FerretDB of the test run:
// each keeps its own read models, so what one writes the other sees only by reading the database.
describe('two instances on one database', function () {
  this.timeout(180_000);
  useTestDatabase();
  let mailDir: string;
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    mailDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-two-instances-'));
    [a, b] = await startInstancesOnTestDatabase(2, { MAIL_DIR: mailDir });
  });

  after(() => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    if (mailDir) rmSync(mailDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
  });

  it('when an offer is paused through A, then it leaves B’s marketplace within the marketplace bound', async () => {
    const organisationId = await createOrganisation();
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    const offerId = await createOffer(organisationId, { title: 'Pauseprøve Gymnastik' });
    const listed = async () => (await request(b.baseUrl).get('/tilbud')).text.includes(offerId);
    await within(READ_BOUNDS.marketplace, listed); // B has read the list with the offer in it
    const agent = await loginOn(a, coordinator);
    const paused = await submitForm(agent, '/forening/tilbud', `/forening/tilbud/${offerId}/pause`);
    assert.equal(paused.status, 303);
    const pausedAt = Date.now();
    const took = await within(READ_BOUNDS.marketplace, async () => !(await listed()));
    assert.ok(Date.now() - pausedAt <= READ_BOUNDS.marketplace, `took ${took} ms`);
    // The details page reads exactly: gone on B at once.
    assert.equal((await request(b.baseUrl).get(`/tilbud/${offerId}`)).status, 404);
  });

  it('when a volunteer’s vetting lapses, then B’s candidates drop them within the candidates bound', async () => {
    const organisationId = await createOrganisation();
    const worker = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      totp: true,
    });
    const volunteer = await createCandidate(organisationId);
    const requestId = await createCandidateRequest(worker.id);
    const key = `kandidat-${volunteer.id}_${organisationId}`;
    const workerAgent = await loginOn(b, worker);
    const shown = async () => (await workerAgent.get(`/sager/${requestId}/kandidater`)).text.includes(key);
    assert.ok(await shown(), 'B lists the vetted volunteer');
    // A certificate lapses by time: its validity runs out. No instance writes that (and no page can end
    // a current certificate: a renewal may start only in its last 60 days), so it is written here, behind
    // both instances' backs; B notices only by reloading within its bound.
    await VettingRecordModel.updateOne(
      { organisationId, userId: volunteer.id },
      { $set: { 'childCertificate.validUntil': new Date(Date.now() - 86_400_000) } },
    );
    const lapsedAt = Date.now();
    await within(READ_BOUNDS.candidates, async () => !(await shown()));
    assert.ok(Date.now() - lapsedAt <= READ_BOUNDS.candidates);
  });

  it('when two administrators decide on one organisation through A and B at once, then one decision lands', async () => {
    const admins = await Promise.all(
      [1, 2].map(() =>
        createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0849' }], totp: true }),
      ),
    );
    const [onA, onB] = [await loginOn(a, admins[0]!), await loginOn(b, admins[1]!)];
    for (let round = 0; round < 3; round++) {
      const organisationId = await createOrganisation({ name: `Samtidig ${round}` });
      await OrganisationModel.updateOne(
        { _id: organisationId },
        {
          $set: {
            status: 'pending',
            activeIn: [],
            approvals: [{ municipalityCode: '0849', decision: 'pending' }],
          },
        },
      );
      const [pageA, pageB] = await Promise.all([
        onA.get('/kommune/foreninger'),
        onB.get('/kommune/foreninger'),
      ]);
      const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
      // The version each administrator's page shows, posted with the decision as the browser does.
      const version = (html: string) =>
        new RegExp(
          `foreninger/${organisationId}/[a-z]+"[^>]*>\\s*<input[^>]*_csrf[^>]*>\\s*<input type="hidden" name="version" value="(\\d+)"`,
        ).exec(html)![1]!;
      const answers = await Promise.all([
        onA
          .post(`/kommune/foreninger/${organisationId}/godkend`)
          .type('form')
          .send({ _csrf: token(pageA.text), version: version(pageA.text) }),
        onB
          .post(`/kommune/foreninger/${organisationId}/afvis`)
          .type('form')
          .send({
            _csrf: token(pageB.text),
            version: version(pageB.text),
            reason: 'Ikke relevant for kommunen',
          }),
      ]);
      const statuses = answers.map((answer) => answer.status);
      const stored = await findOrganisation(organisationId);
      const decisions = await AuditEventModel.find({
        objectId: organisationId,
        action: trusted({ $in: ['organisation.approved', 'organisation.rejected'] }),
      }).lean();
      assert.deepEqual(statuses, [303, 303], `round ${round}: both administrators got an answer`);
      assert.equal(
        decisions.length,
        1,
        `round ${round}: one decision is recorded, found ${decisions.length}: ` +
          `${decisions.map((decision) => decision.action).join(', ')} (write version ${stored?.writeVersion})`,
      );
      assert.equal(stored?.writeVersion, 1, `round ${round}: one write landed`);
      const expected = decisions[0]!.action === 'organisation.approved' ? 'approved' : 'rejected';
      assert.equal(
        stored?.approvals[0]?.decision,
        expected,
        `round ${round}: the stored decision is the recorded one`,
      );
    }
  });

  it('when a role is changed on A while it is revoked on B, then both changes land and nothing is lost', async () => {
    const admins = await Promise.all(
      [1, 2, 3].map(() =>
        createUser({ roles: [{ role: 'municipal-admin', municipalityCode: '0849' }], totp: true }),
      ),
    );
    const [onA, onB] = [await loginOn(a, admins[0]!), await loginOn(b, admins[1]!)];
    for (let round = 0; round < 3; round++) {
      const worker = await createUser({
        roles: [{ role: 'volunteer' }, { role: 'social-worker', municipalityCode: '0849' }],
        totp: true,
      });
      const [pageA, pageB] = await Promise.all([
        onA.get('/kommune/medarbejdere'),
        onB.get('/kommune/medarbejdere'),
      ]);
      const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
      const [granted, revoked] = await Promise.all([
        onA
          .post(`/kommune/medarbejdere/${worker.id}/rolle`)
          .type('form')
          .send({ _csrf: token(pageA.text), role: 'municipal-admin' }),
        onB
          .post(`/kommune/medarbejdere/${worker.id}/deaktiver`)
          .type('form')
          .send({ _csrf: token(pageB.text) }),
      ]);
      assert.deepEqual([granted.status, revoked.status], [303, 303], `round ${round}`);
      const stored = await UserModel.findById(worker.id).lean();
      assert.deepEqual(
        stored?.roles.map((grant) => [grant.role, grant.municipalityCode ?? null, grant.active]),
        [
          ['volunteer', null, true],
          ['municipal-admin', '0849', false],
        ],
        `round ${round}: the new role and the revocation are both kept`,
      );
      assert.equal(stored?.writeVersion, 2, `round ${round}: two writes, one after the other`);
    }
  });
});
