import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { FollowUpModel } from '../../../src/components/followups/followup-model.js';
import { whenConsentEnded } from '../../../src/components/requests/consent-ended.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { matchRepairJobs } from '../../../src/components/requests/match-repair.js';
import { SETTLE_AFTER_MS } from '../../../src/components/requests/match-settle.js';
import { MatchStepModel } from '../../../src/components/requests/match-step-model.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import { createUser, csrfFrom, loginAs } from '../../helpers/accounts.js';
import {
  createCandidate,
  createCandidateRequest,
  createOrganisationOfKind,
} from '../../helpers/candidates.js';
import { consentPage, createConsentedMatch } from '../../helpers/consent.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { startStallableProxy, type StallableProxy } from '../../helpers/stallable-proxy.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

async function pollUntil(check: () => Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Twenty activations are under way when the database stops answering and SIGTERM follows: the requests
// still running at the limit are answered 503 and their work is cut off between writes. What they leave
// behind is completed by the repair job (run here as the next instance's scheduler would, minutes later).
describe('decisions cut off by a stop, then repaired', function () {
  this.timeout(180_000);
  useTestDatabase();
  let proxy: StallableProxy | undefined;
  let server: ServerProcess | undefined;

  afterEach(async () => {
    proxy?.resume();
    server?.child.kill('SIGKILL');
    await proxy?.close();
  });

  it('when SIGTERM cuts off activations mid-way, then after the repair every started match has its audit entry and follow-ups, once', async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    buildTestApp(); // this process runs the repair: it plans follow-ups as the app does
    const worker = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      totp: true,
    });
    const organisationId = await createOrganisationOfKind('association');
    const matches: Array<{ requestId: string; matchId: string }> = [];
    for (let index = 0; index < 20; index++) {
      const volunteer = await createCandidate(organisationId);
      const requestId = await createCandidateRequest(worker.id);
      const { matchId } = await createConsentedMatch({
        requestId,
        organisationId,
        volunteerId: volunteer.id,
        workerId: worker.id,
      });
      matches.push({ requestId, matchId });
    }

    proxy = await startStallableProxy('127.0.0.1', Number(new URL(process.env.TEST_MONGODB_URI!).port));
    server = await startServerProcess({
      MONGODB_URI: proxy.uriFor(process.env.TEST_MONGODB_URI!, mongoose.connection.name),
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
    const agent = await loginAs(server.baseUrl as never, worker);
    const token = csrfFrom((await agent.get(consentPage(matches[0]!.requestId, matches[0]!.matchId))).text);

    const answers = Promise.all(
      matches.map(({ requestId, matchId }) =>
        agent
          .post(`/sager/${requestId}/match/${matchId}/aktiver`)
          .type('form')
          .send({ _csrf: token })
          .then((response) => response.status)
          .catch(() => 0),
      ),
    );
    // Stop the database while some steps are claimed but not yet settled, then stop the instance.
    await pollUntil(
      async () => (await MatchStepModel.countDocuments({ settled: false })) > 0,
      60_000,
      'an activation has claimed its step',
    );
    proxy.stall();
    server.child.kill('SIGTERM');
    const statuses = await answers;
    assert.equal(await server.exited, 0, server.output().slice(-2000));

    const steps = await MatchStepModel.find({}).lean();
    const cutOff = steps.filter((step) => !step.settled).length;
    const audited = async () =>
      AuditEventModel.countDocuments({
        action: 'match.activate',
        objectId: mongoose.trusted({ $in: matches.map((match) => match.matchId) }),
      });
    const before = { claimed: steps.length, cutOff, audited: await audited() };
    assert.ok(cutOff > 0, `the stop cut some activations off: ${JSON.stringify(before)}`);

    // Minutes later, by the repair's clock.
    await runJob(matchRepairJobs('http://localhost', whenConsentEnded)[0]!, {
      now: new Date(Date.now() + SETTLE_AFTER_MS + 60_000),
    });

    const active = await MatchModel.find({
      _id: mongoose.trusted({ $in: matches.map((m) => m.matchId) }),
    }).lean();
    const started = active.filter((match) => match.state === 'active');
    for (const match of started) {
      const matchId = String(match._id);
      assert.equal(
        await AuditEventModel.countDocuments({ action: 'match.activate', objectId: matchId }),
        1,
        `${matchId}: one audit entry`,
      );
      assert.ok((await FollowUpModel.countDocuments({ matchId })) > 0, `${matchId}: follow-ups planned`);
    }
    assert.equal(await MatchStepModel.countDocuments({ settled: false }), 0, 'every step settled');
    assert.equal(started.length, steps.length, 'every claimed activation was applied, none lost');
    const answered = statuses.reduce<Record<string, number>>((tally, status) => {
      tally[status] = (tally[status] ?? 0) + 1;
      return tally;
    }, {});
    console.log(
      `      before the repair ${JSON.stringify(before)}; answers ${JSON.stringify(answered)}; ` +
        `after it: ${started.length} active, ${await audited()} audited`,
    );
  });
});
