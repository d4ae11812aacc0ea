import assert from 'node:assert/strict';
import { Router } from 'express';
import request from 'supertest';
import { wiringOf } from '../../../src/app.js';
import { assemble, defaultComponents, unmetNeeds } from '../../../src/component-list.js';
import { accountDeletingSignal } from '../../../src/components/accounts/index.js';
import { announceAccountDeleting } from '../../../src/components/accounts/account-events.js';
import { eligibilitySeam, type StoredRequest } from '../../../src/components/requests/index.js';
import { eligibilityProblem } from '../../../src/components/requests/match-ports.js';
import type { Component } from '../../../src/shared/http/index.js';
import { jobCatalog } from '../../../src/shared/jobs/index.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { mailSettingsFor } from '../../../src/shared/mail/index.js';
import { listen, provide, Wiring } from '../../../src/shared/wiring/index.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';

const candidate = {
  request: { municipalityCode: '0849' } as unknown as StoredRequest,
  volunteerId: 'v1',
  organisationId: 'o1',
};

/** A component whose page and job answer with what the app's eligibility check says of the candidate. */
function probe(): Component {
  const router = Router();
  router.get('/probe', async (_req, res) => {
    res.type('text').send((await eligibilityProblem(candidate)) ?? 'eligible');
  });
  return {
    name: 'probe',
    router,
    jobs: [{ name: 'probe:eligibility', schedule: '0 3 * * *', run: () => eligibilityProblem(candidate) }],
  };
}

describe('app wiring: each app built in one process is connected on its own', () => {
  const refusedBy = (who: string) => provide(eligibilitySeam, async () => `refused.by.${who}`);

  it('when two apps are built with different eligibility checks, then each app’s pages use their own', async () => {
    const first = buildTestApp({ components: [probe()], provisions: [refusedBy('first')] });
    const second = buildTestApp({ components: [probe()], provisions: [refusedBy('second')] });
    const [a, b] = await Promise.all([request(first).get('/probe'), request(second).get('/probe')]);
    assert.equal(a.text, 'refused.by.first');
    assert.equal(b.text, 'refused.by.second');
    // Building the second did not change the first.
    assert.equal((await request(first).get('/probe')).text, 'refused.by.first');
  });

  it('when each app’s wiring runs a call, then the call uses that app’s collaborators, also interleaved', async () => {
    const first = buildTestApp({ components: [probe()], provisions: [refusedBy('first')] });
    const second = buildTestApp({ components: [probe()], provisions: [refusedBy('second')] });
    const answers = await Promise.all(
      [first, second, first, second].map((app) => wiringOf(app).run(() => eligibilityProblem(candidate))),
    );
    assert.deepEqual(answers, [
      'refused.by.first',
      'refused.by.second',
      'refused.by.first',
      'refused.by.second',
    ]);
  });

  it('when an app has no eligibility check, then a proposal’s candidate is refused (fails closed)', async () => {
    const bare = buildTestApp({ components: [probe()], provisions: [provide(eligibilitySeam, undefined)] });
    assert.equal((await request(bare).get('/probe')).text, 'matching.propose.noEligibilityCheck');
    assert.equal(
      await new Wiring([]).run(() => eligibilityProblem(candidate)),
      'matching.propose.noEligibilityCheck',
    );
  });

  it('when an event happens in one app, then only that app’s listeners hear of it', async () => {
    const heard: string[] = [];
    const first = buildTestApp({
      components: [probe()],
      provisions: [
        listen(accountDeletingSignal, async (userId: string) => void heard.push(`first:${userId}`)),
      ],
    });
    const second = buildTestApp({
      components: [probe()],
      provisions: [
        listen(accountDeletingSignal, async (userId: string) => void heard.push(`second:${userId}`)),
      ],
    });
    await wiringOf(first).run(() => announceAccountDeleting('u1'));
    await wiringOf(second).run(() => announceAccountDeleting('u2'));
    assert.deepEqual(heard, ['first:u1', 'second:u2']);
  });

  it('when two apps are assembled, then each has its own jobs, and a job runs inside its own app’s wiring', async () => {
    const config = testConfig();
    const mail = mailSettingsFor(config, createLogger('silent'));
    const first = assemble(config, mail, { components: [probe()], provisions: [refusedBy('first')] });
    const second = assemble(config, mail, { components: [probe()], provisions: [refusedBy('second')] });
    const probeJob = (jobs: readonly { name: string; run: () => Promise<unknown> }[]) =>
      jobs.find((job) => job.name === 'probe:eligibility')!;
    // Run from outside either wiring (as the scheduler's timer does): each job enters its own.
    assert.equal(await probeJob(first.jobs).run(), 'refused.by.first');
    assert.equal(await probeJob(second.jobs).run(), 'refused.by.second');
    // The jobs page of each app lists that app's jobs.
    assert.equal(
      first.wiring.run(() => jobCatalog()),
      first.jobs,
    );
    assert.equal(
      second.wiring.run(() => jobCatalog()),
      second.jobs,
    );
  });

  it('when the component list is built several times, then each app connects every listener once', () => {
    const config = testConfig();
    const mail = mailSettingsFor(config, createLogger('silent'));
    defaultComponents(config);
    const apps = [assemble(config, mail), assemble(config, mail)];
    for (const app of apps) {
      // Organisations, vetting, volunteers and matching each remove what they hold of a deleted account.
      assert.equal(app.wiring.listeners(accountDeletingSignal).length, 4);
      assert.deepEqual(unmetNeeds(app), [], 'every seam filled and every signal heard');
    }
  });

  it('when an app leaves out a collaborator, then the assembly names the need nothing meets', () => {
    const config = testConfig();
    const mail = mailSettingsFor(config, createLogger('silent'));
    const app = assemble(config, mail, { provisions: [provide(eligibilitySeam, undefined)] });
    assert.deepEqual(unmetNeeds(app), ['requests: requests.eligibility']);
  });
});
