import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trusted } from 'mongoose';
import { consentGateFor } from '../../../src/components/consent/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { OfferModel } from '../../../src/components/offers/offer-model.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import {
  createCandidate,
  createCandidateRequest,
  createOrganisationOfKind,
} from '../../helpers/candidates.js';
import { consentPage, createConsentedMatch } from '../../helpers/consent.js';
import { createOffer } from '../../helpers/offers.js';
import { startInstancesOnTestDatabase, type ServerProcess } from '../../helpers/server-process.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A token for the agent's session, read from a page it may open. */
async function tokenOf(agent: Agent, pagePath: string): Promise<string> {
  return csrfFrom((await agent.get(pagePath)).text);
}

// Two real app processes on the test run's database: every decision below is taken by both at once, so
// only what the database itself refuses (a unique insert) can keep the two from both winning.
describe('decisions that race between two instances', function () {
  this.timeout(600_000);
  useTestDatabase();
  let mailDir: string;
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    mailDir = mkdtempSync(path.join(os.tmpdir(), 'brobygning-races-'));
    [a, b] = await startInstancesOnTestDatabase(2, { MAIL_DIR: mailDir });
  });

  after(() => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    if (mailDir) rmSync(mailDir, { recursive: true, force: true });
  });

  let worker: TestUser;
  let organisationId: string;
  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    worker = await createUser({ roles: [{ role: 'social-worker', municipalityCode: '0849' }], totp: true });
    organisationId = await createOrganisationOfKind('association');
  });

  it('when a withdrawal and a start reach two instances at random offsets 100 times, then no match is ever active without complete consent', async () => {
    const volunteer = await createCandidate(organisationId);
    const [onA, onB] = [await loginAs(a.baseUrl as never, worker), await loginAs(b.baseUrl as never, worker)];
    const ends = { active: 0, paused: 0, 'awaiting-consent': 0 } as Record<string, number>;
    for (let round = 0; round < 100; round++) {
      const requestId = await createCandidateRequest(worker.id);
      const { matchId, consentId } = await createConsentedMatch({
        requestId,
        organisationId,
        volunteerId: volunteer.id,
        workerId: worker.id,
      });
      const page = consentPage(requestId, matchId);
      const [tokenA, tokenB] = await Promise.all([tokenOf(onA, page), tokenOf(onB, page)]);
      const offset = Math.round(Math.random() * 500 - 250);
      const [started, withdrawn] = await Promise.all([
        sleep(Math.max(0, offset)).then(() =>
          onA.post(`/sager/${requestId}/match/${matchId}/aktiver`).type('form').send({ _csrf: tokenA }),
        ),
        sleep(Math.max(0, -offset)).then(() =>
          onB.post(`${page}/${consentId}/tilbagekald`).type('form').send({ _csrf: tokenB, how: 'phone' }),
        ),
      ]);
      assert.deepEqual([started.status, withdrawn.status], [303, 303], `round ${round}: both were answered`);
      const match = await MatchModel.findById(matchId).lean();
      const gate = await consentGateFor({ matchId, municipalityCode: '0849', childAge: 10 }, 'activation');
      ends[match!.state] = (ends[match!.state] ?? 0) + 1;
      assert.ok(
        !(match!.state === 'active' && !gate.ok),
        `round ${round} (offset ${offset} ms): the match is active while its consent is incomplete ` +
          `(${JSON.stringify(ends)})`,
      );
      // The volunteer has room for one child: the round's match gives its place back for the next.
      await MatchModel.updateOne(
        { _id: matchId },
        { $set: { state: 'closed', liveKey: `ended:${matchId}` } },
      );
    }
    console.log(`      how 100 races ended: ${JSON.stringify(ends)}`);
    assert.equal(ends.active ?? 0, 0, 'every consent was withdrawn, so none may end active');
  });

  /** Twenty requests, each proposing the volunteer at the same moment, alternately through A and B. */
  async function proposeTwentyAtOnce(volunteerId: string, offerId?: string) {
    const [onA, onB] = [await loginAs(a.baseUrl as never, worker), await loginAs(b.baseUrl as never, worker)];
    const requestIds = await Promise.all(Array.from({ length: 20 }, () => createCandidateRequest(worker.id)));
    const tokens = [await tokenOf(onA, '/sager'), await tokenOf(onB, '/sager')];
    return Promise.all(
      requestIds.map((requestId, index) =>
        [onA, onB]
          [index % 2]!.post(`/sager/${requestId}/foreslaa`)
          .type('form')
          .send({
            _csrf: tokens[index % 2],
            volunteerId,
            organisationId,
            ...(offerId ? { offerId } : {}),
            childAlias: 'M.',
            askText: 'Gymnastik om tirsdagen i hallen.',
          }),
      ),
    );
  }

  it('when 20 proposals for one free place arrive through two instances at once, then exactly one is made', async () => {
    const volunteer = await createCandidate(organisationId, { maxChildren: 3 });
    const offerId = await createOffer(organisationId, { places: 1 });
    await OfferModel.updateOne({ _id: offerId }, { $set: { adultIds: [volunteer.id] } });
    const answers = await proposeTwentyAtOnce(volunteer.id, offerId);
    assert.deepEqual(
      [...new Set(answers.map((answer) => answer.status))],
      [303],
      'every proposal was answered with a page, none with an error',
    );
    const made = await MatchModel.countDocuments({ offerId, state: trusted({ $in: ['proposed'] }) });
    assert.equal(made, 1, `proposals made for the offer's one free place: ${made}`);
  });

  it('when 20 proposals of a volunteer with room for one child arrive at once, then exactly one is made', async () => {
    const volunteer = await createCandidate(organisationId, { maxChildren: 1 });
    await VolunteerProfileModel.updateOne({ userId: volunteer.id }, { $set: { maxChildren: 1 } });
    await proposeTwentyAtOnce(volunteer.id);
    const made = await MatchModel.countDocuments({ volunteerId: volunteer.id });
    assert.equal(made, 1, `proposals made for the volunteer's one place: ${made}`);
  });
});
