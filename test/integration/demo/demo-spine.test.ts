import assert from 'node:assert/strict';
import { trusted } from 'mongoose';
import { consentCounts, consentGateFor } from '../../../src/components/consent/index.js';
import { ageFrom } from '../../../src/components/requests/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { DEMO_MUNICIPALITY_CODE } from '../../../src/demo/demo-content.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import {
  buildDemoApp,
  DEMO_MIN_CANDIDATES,
  demoRequestsShortOfCandidates,
  loginAsDemo,
} from '../../helpers/demo.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;

describe('the demo shows the whole case, from request to closure', function () {
  // Seeding the whole demo (months of follow-ups through the services) takes seconds on a busy machine.
  this.timeout(120_000);
  // Seeding uses the real services, which send notices through the outbox the app configures.
  beforeEach(() => {
    buildDemoApp();
  });
  useTestDatabase();

  it('when the demo is seeded, then every request not closed has at least three eligible candidates now and a year later', async () => {
    await seedDemo();
    assert.deepEqual(await demoRequestsShortOfCandidates(new Date(), DEMO_MIN_CANDIDATES), [], 'now');
    assert.deepEqual(
      await demoRequestsShortOfCandidates(new Date(Date.now() + 365 * DAY), DEMO_MIN_CANDIDATES),
      [],
      'in a year',
    );
  });

  it("when the demo is seeded, then there is a case in every state, each linked from the social worker's caseload, which home links", async () => {
    await seedDemo();
    const requests = await RequestModel.find({
      municipalityCode: DEMO_MUNICIPALITY_CODE,
      status: trusted({ $ne: 'closed' }),
    }).lean();
    const matches = await MatchModel.find({
      requestId: trusted({ $in: requests.map((request) => String(request._id)) }),
    }).lean();
    const matchIds = matches.map((match) => String(match._id));
    const counts = await consentCounts(matchIds);
    const requestOf = (requestId: string) => requests.find((request) => String(request._id) === requestId)!;
    const gateOf = async (match: (typeof matches)[number]) => {
      const request = requestOf(match.requestId);
      return consentGateFor(
        {
          matchId: String(match._id),
          municipalityCode: match.municipalityCode,
          childAge: ageFrom(request.birthYear, request.birthMonth, new Date()),
        },
        'activation',
      );
    };
    const ofRequest = (request: (typeof requests)[number]) =>
      matches.filter((match) => match.requestId === String(request._id));
    const awaiting = matches.filter((match) => match.state === 'awaiting-consent');
    const awaitingGates = await Promise.all(awaiting.map(gateOf));
    const paused = matches.filter((match) => match.state === 'paused');
    const pausedBy = (match: (typeof matches)[number]) => match.history.at(-1)?.role;

    const cases: Record<string, string | undefined> = {
      new: requests.find((request) => ofRequest(request).length === 0)?.caseRef,
      looking: requests.find(
        (request) =>
          request.status === 'open' &&
          ofRequest(request).some((match) => match.state === 'declined') &&
          ofRequest(request).every((match) => match.state === 'declined' || match.state === 'closed'),
      )?.caseRef,
      proposed: requestOf(matches.find((match) => match.state === 'proposed')?.requestId ?? '')?.caseRef,
      'waiting for consent, one guardian missing': requestOf(
        awaiting.find(
          (match, index) =>
            counts.get(String(match._id))?.inForce === 1 && awaitingGates[index]!.missing.length > 0,
        )?.requestId ?? '',
      )?.caseRef,
      'ready to start': requestOf(
        awaiting.find(
          (match, index) =>
            counts.get(String(match._id))!.inForce >= 2 && awaitingGates[index]!.missing.length === 0,
        )?.requestId ?? '',
      )?.caseRef,
      active: requestOf(matches.find((match) => match.state === 'active')?.requestId ?? '')?.caseRef,
      'paused after the family withdrew': requestOf(
        paused.find((match) => pausedBy(match) === 'system' && counts.get(String(match._id))!.ended > 0)
          ?.requestId ?? '',
      )?.caseRef,
      'paused by hand': requestOf(
        paused.find((match) => pausedBy(match) === 'social-worker')?.requestId ?? '',
      )?.caseRef,
      'closed with a reason': requestOf(
        matches.find((match) => match.state === 'closed' && match.closeReason)?.requestId ?? '',
      )?.caseRef,
    };
    const missing = Object.entries(cases).filter(([, caseRef]) => !caseRef);
    assert.deepEqual(missing, [], `states without a demo case: ${JSON.stringify(cases)}`);

    const { agent, landing } = await loginAsDemo(buildDemoApp(), 'socialraadgiver@demo.brobygning.dk');
    const home = await agent.get(landing);
    assert.match(home.text, /href="\/sager"/, 'home links the caseload');
    const caseload = await agent.get('/sager');
    for (const [state, caseRef] of Object.entries(cases)) {
      const request = requests.find((candidate) => candidate.caseRef === caseRef)!;
      assert.ok(
        caseload.text.includes(`href="/sager/${String(request._id)}"`),
        `the caseload links the ${state} case ${caseRef}`,
      );
    }
  });
});
