import assert from 'node:assert/strict';
import type { Express } from 'express';
import { CHILD_FIELDS, type ChildField } from '../../../src/components/consent/index.js';
import { ConsentVersionModel } from '../../../src/components/consent/consent-model.js';
import { copenhagenDate, FollowUpModel, reconcilePlan } from '../../../src/components/followups/index.js';
import { followUpJobs } from '../../../src/components/followups/followups-jobs.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { matchFacts, purgeEndedCases } from '../../../src/components/requests/index.js';
import { notifyProposal } from '../../../src/components/requests/match-mail.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { ORGANISATION_TABLE_IDS } from '../../../src/components/activity-reports/organisation-report-rules.js';
import { listRoutes } from '../../../src/shared/http/index.js';
import { runJob } from '../../../src/shared/jobs/index.js';
import {
  createUser,
  csrfFrom,
  loginAs,
  submitForm,
  type Agent,
  type TestUser,
} from '../../helpers/accounts.js';
import {
  consentPage,
  familyLinkFrom,
  recordConsentThroughForm,
  storeConsent,
} from '../../helpers/consent.js';
import { mailsTo } from '../../helpers/mail.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp, everyoneEligible } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/**
 * A distinct value in every field of the child that a recipient could reach. Languages and times are
 * chosen from fixed lists, so their canary is the value as a page or mail shows it as a child's fact.
 */
const CANARIES: Record<Exclude<ChildField, 'age'>, RegExp> = {
  alias: /Qzalias/i,
  interests: /qzinteresse/i,
  needTags: /qzbehov/i,
  languages: /(?:<dd>|: )(?:Tigrinya|ti\b)/,
  arrangements: /13:47/,
  ask: /qzopgave/i,
};
const CANARY_FIELDS = Object.keys(CANARIES) as Array<keyof typeof CANARIES>;

type Scenario = {
  name: string;
  /** What the family's consent lists (none: no consent at all). */
  fields: ChildField[] | 'none';
  /** What happens after the consent is recorded. */
  then?: 'worker-withdraws' | 'family-withdraws' | 'expired' | 'paused' | 'closed' | 'deleted';
};

const SCENARIOS: Scenario[] = [
  { name: 'no consent', fields: 'none' },
  ...CHILD_FIELDS.map((field) => ({ name: `consent to ${field} alone`, fields: [field] })),
  { name: 'consent to every field', fields: [...CHILD_FIELDS] },
  { name: 'withdrawn by the social worker', fields: [...CHILD_FIELDS], then: 'worker-withdraws' },
  { name: "withdrawn through the family's link", fields: [...CHILD_FIELDS], then: 'family-withdraws' },
  { name: 'expired', fields: [...CHILD_FIELDS], then: 'expired' },
  { name: 'match paused by hand', fields: [...CHILD_FIELDS], then: 'paused' },
  { name: 'match closed', fields: [...CHILD_FIELDS], then: 'closed' },
  { name: 'case deleted by retention', fields: [...CHILD_FIELDS], then: 'deleted' },
] as const;

// Staff-only actions: a recipient is refused them (the route × role matrix test proves that), so the
// walk looks at what recipients can reach. Routes with a secret token or a language switch are not pages.
const STAFF_ACTIONS =
  /^(requests:work|followups:work|staff:manage|municipality:configure|platform:|reports:municipality|reports:goals|caseload:|vetting:declarations|organisations:approve|matching:configure|consent:configure)/;
const SKIPPED_PATHS = /:token|:lang|^\/log-ud|^\/logout/;

const DAY = 86_400_000;

describe('consent: no page, list, CSV or mail shows a recipient more of the child than the family agreed to', function () {
  this.timeout(240_000);
  useTestDatabase();
  let app: Express;

  before(() => {
    // Eligibility has tests of its own; here every candidate may be proposed.
    app = buildTestApp({ provisions: [everyoneEligible] });
  });

  /** One child with a canary in every field, an active match with follow-ups due, and four recipients. */
  async function world() {
    await importMunicipalities();
    const sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    const clubId = await createOrganisation({ name: 'Nordstrand IF' });
    const otherClubId = await createOrganisation({ name: 'Sydstrand BK' });
    const karin = await createUser({
      name: 'Karin Koordinator',
      roles: [{ role: 'coordinator', organisationId: clubId }],
    });
    const bo = await createUser({ name: 'Bo Frivillig' });
    const olga = await createUser({
      name: 'Olga Andenkoordinator',
      roles: [{ role: 'coordinator', organisationId: otherClubId }],
    });
    const ib = await createUser({ name: 'Ib Andenfrivillig' });
    await addMember(clubId, bo.id);
    await addMember(clubId, ib.id);
    const requestId = await createRequest(sara.id);
    await RequestModel.updateOne(
      { _id: requestId },
      {
        $set: {
          interests: ['qzinteresse'],
          needTags: ['qzbehov'],
          homeLanguages: ['ti'],
          windows: [{ weekday: 3, from: '13:47', to: '15:13' }],
        },
      },
    );
    const activeAt = new Date(Date.now() - 20 * DAY);
    const matchId = await createMatch({
      requestId,
      organisationId: clubId,
      volunteerId: bo.id,
      proposedBy: sara.id,
      state: 'active',
      createdAt: activeAt,
    });
    await MatchModel.updateOne(
      { _id: matchId },
      { $set: { childAlias: 'Qzalias', askText: 'Hjælp barnet med qzopgave om onsdagen.' } },
    );
    await reconcilePlan((await matchFacts(matchId))!, copenhagenDate(new Date()));
    return { sara, karin, bo, olga, ib, clubId, requestId, matchId };
  }

  type World = Awaited<ReturnType<typeof world>>;

  async function reachState(w: World, scenario: Scenario) {
    const worker = await loginAs(app, w.sara);
    if (scenario.then === 'worker-withdraws' || scenario.then === 'family-withdraws') {
      const receipt = await recordConsentThroughForm(worker, w.requestId, w.matchId, {
        fields: scenario.fields as string[],
      });
      assert.equal(receipt.status, 200, 'the receipt');
      if (scenario.then === 'family-withdraws') {
        const link = familyLinkFrom(receipt.text);
        const withdrawn = await submitForm(worker, link, link);
        assert.equal(withdrawn.status, 200, `the family's withdrawal answered ${withdrawn.status}`);
      } else {
        const consent = (await ConsentVersionModel.findOne({ matchId: w.matchId }).lean())!;
        const response = await submitForm(
          worker,
          consentPage(w.requestId, w.matchId),
          `${consentPage(w.requestId, w.matchId)}/${consent.consentId}/tilbagekald`,
          { how: 'phone' },
        );
        assert.equal(response.status, 303, `the worker's withdrawal answered ${response.status}`);
      }
      await waitForState(w.matchId, 'paused');
    } else if (scenario.fields !== 'none') {
      await storeConsent({
        requestId: w.requestId,
        matchId: w.matchId,
        organisationId: w.clubId,
        volunteerId: w.bo.id,
        recordedBy: w.sara.id,
        validUntil: new Date(Date.now() + (scenario.then === 'expired' ? -DAY : 365 * DAY)),
        fields: scenario.fields,
      });
    }
    if (scenario.then === 'paused' || scenario.then === 'closed' || scenario.then === 'deleted') {
      const state = scenario.then === 'paused' ? 'paused' : 'closed';
      await MatchModel.updateOne(
        { _id: w.matchId },
        {
          $set: {
            state,
            ...(state === 'closed' ? { liveKey: `ended:${w.matchId}`, closeReason: 'goal-reached' } : {}),
          },
          $push: { history: { state, by: w.sara.id, role: 'social-worker', at: new Date() } },
        },
      );
      await reconcilePlan((await matchFacts(w.matchId))!, copenhagenDate(new Date()));
    }
    if (scenario.then === 'deleted') {
      // The request is closed too, and the case is older than the period retention keeps it.
      await RequestModel.updateOne(
        { _id: w.requestId },
        { $set: { status: 'closed', closedAt: new Date() } },
      );
      const purged = await purgeEndedCases('0849', new Date(Date.now() + 1000));
      assert.equal(purged.matches, 1, `retention deleted the case: ${JSON.stringify(purged)}`);
    }
  }

  async function waitForState(matchId: string, state: string) {
    const deadline = Date.now() + 5000;
    let seen: string | undefined;
    while (Date.now() < deadline) {
      seen = (await MatchModel.findById(matchId).lean())?.state;
      if (seen === state) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`the match is ${seen}, not ${state}`);
  }

  /** The mails recipients get in this state: the proposal's (as its reminder renders it) and the check-in reminder. */
  async function sendRecipientMails(w: World) {
    const match = (await MatchModel.findById(w.matchId).lean())!;
    // The proposal mail goes only to sides that have not answered: rendered once more as if neither had.
    await MatchModel.updateOne({ _id: w.matchId }, { $unset: { acceptedByOrg: 1, acceptedByVolunteer: 1 } });
    await notifyProposal(w.matchId, 'http://localhost', 'match-reminder');
    await MatchModel.updateOne(
      { _id: w.matchId },
      { $set: { acceptedByOrg: match.acceptedByOrg, acceptedByVolunteer: match.acceptedByVolunteer } },
    );
    const job = followUpJobs('http://localhost').find((entry) => entry.name === 'followups:reminders')!;
    await runJob(job, { now: new Date() });
  }

  /** Every recipient-facing GET route of the route table, with this world's ids filled in. */
  function recipientPaths(w: World, followUpIds: string[]): string[] {
    const paths = new Set<string>(['/forening/forslag', '/frivillig/forslag']);
    for (const route of listRoutes()) {
      if (route.method !== 'get' || STAFF_ACTIONS.test(route.action) || SKIPPED_PATHS.test(route.path))
        continue;
      const ids: Record<string, string[]> = {
        matchId: [w.matchId],
        requestId: [w.requestId],
        followUpId: followUpIds,
        memberId: [w.bo.id],
        offerId: [w.matchId],
        organisationId: [w.clubId],
      };
      const params = route.path.match(/:[a-zA-Z]+/g) ?? [];
      // A route whose id this world has no value for is left out (none of the recipient routes today).
      if (!params.every((param) => param.slice(1) in ids)) continue;
      let variants = [route.path];
      for (const param of params)
        variants = variants.flatMap((path) =>
          ids[param.slice(1)]!.map((value) => path.replace(param, value)),
        );
      // A CSV export is asked for each of its tables.
      if (route.path === '/forening/rapport/csv')
        variants = ORGANISATION_TABLE_IDS.map((table) => `${route.path}?tabel=${table}`);
      for (const path of variants) paths.add(path);
    }
    return [...paths];
  }

  async function everythingSeenBy(agent: Agent, paths: string[]): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    for (const path of paths) {
      const response = await agent.get(path);
      seen.set(path, `${response.status} ${response.text}`);
    }
    return seen;
  }

  function allowedFor(scenario: Scenario): Set<string> {
    if (scenario.fields === 'none' || scenario.then) return new Set();
    return new Set(scenario.fields.filter((field) => field !== 'age'));
  }

  for (const scenario of SCENARIOS) {
    it(`when the consent state is "${scenario.name}", then each recipient sees exactly the allowed canaries`, async () => {
      const w = await world();
      await reachState(w, scenario);
      const since = new Date();
      // A deleted case has no match left to write mail about.
      if (scenario.then !== 'deleted') await sendRecipientMails(w);
      const followUpIds = [`${w.matchId}:volunteer:regular:1`, `${w.matchId}:family:regular:1`];
      const paths = recipientPaths(w, followUpIds);
      const allowed = allowedFor(scenario);
      const recipients: Array<{ who: string; user: TestUser; own: boolean }> = [
        { who: 'the match coordinator', user: w.karin, own: true },
        { who: 'the match volunteer', user: w.bo, own: true },
        { who: 'another organisation coordinator', user: w.olga, own: false },
        { who: 'another volunteer', user: w.ib, own: false },
      ];
      let pagesLooked = 0;
      for (const recipient of recipients) {
        const agent = await loginAs(app, recipient.user);
        const seen = await everythingSeenBy(agent, paths);
        for (const mail of await mailsTo(recipient.user.email, since))
          seen.set(`mail ${mail.template}`, `${mail.subject}\n${mail.text}\n${mail.html}`);
        pagesLooked += seen.size;
        const mayShow = recipient.own ? allowed : new Set<string>();
        for (const field of CANARY_FIELDS) {
          const showing = [...seen].filter(([, body]) => CANARIES[field].test(body)).map(([where]) => where);
          if (!mayShow.has(field))
            assert.deepEqual(
              showing,
              [],
              `${recipient.who} sees the child's ${field} on ${showing.join(', ')}`,
            );
        }
        if (!recipient.own) continue;
        // Where the field is shown, an allowed value does appear (so the walk is not blind).
        const matchesPage =
          seen.get(recipient.user === w.karin ? '/forening/forslag' : '/frivillig/forslag') ?? '';
        for (const field of mayShow)
          assert.match(
            matchesPage,
            CANARIES[field as keyof typeof CANARIES],
            `${recipient.who}'s match page lacks ${field}`,
          );
        const followUps =
          seen.get(recipient.user === w.karin ? '/forening/opfoelgning' : '/frivillig/opfoelgning') ?? '';
        assert.match(
          followUps,
          /^200 /,
          `${recipient.who}'s follow-up list answered ${followUps.slice(0, 3)}`,
        );
        if (mayShow.has('alias'))
          assert.match(followUps, CANARIES.alias, `${recipient.who}'s follow-ups lack the alias`);
        if (recipient.user === w.bo) {
          const checkIn = seen.get(`/frivillig/opfoelgning/${w.matchId}:volunteer:regular:1`) ?? '';
          const expected = scenario.then === 'deleted' ? /^404 / : /^200 /;
          assert.match(checkIn, expected, `the check-in page answered ${checkIn.slice(0, 3)}`);
          if (mayShow.has('alias'))
            assert.match(checkIn, CANARIES.alias, 'the check-in page lacks the alias');
        }
        const proposalMail = seen.get('mail match-reminder') ?? '';
        for (const field of ['alias', 'interests', 'needTags', 'ask'] as const)
          if (mayShow.has(field))
            assert.match(proposalMail, CANARIES[field], `${recipient.who}'s proposal mail lacks ${field}`);
      }
      assert.ok(pagesLooked > 40, `only ${pagesLooked} pages and mails were looked at`);
    });
  }

  it('when a check-in belongs to a paused or closed match, then it cannot be answered and nothing is stored', async () => {
    const w = await world();
    await reachState(w, { name: 'paused', fields: [...CHILD_FIELDS], then: 'paused' });
    const volunteer = await loginAs(app, w.bo);
    const path = `/frivillig/opfoelgning/${w.matchId}:volunteer:regular:1`;
    const page = await volunteer.get(path);
    assert.equal(page.status, 200);
    assert.match(page.text, /Forløbet er sat på pause, så denne check-in kan ikke besvares nu/);
    assert.doesNotMatch(page.text, /Qzalias/);
    const answered = await volunteer
      .post(path)
      .type('form')
      .send({
        // The refusing page has no form: the session's token is taken from another form page.
        _csrf: csrfFrom((await volunteer.get('/konto')).text),
        meetings: '2',
        goes: '4',
        wellbeing: '4',
        worry: 'no',
        wishContinue: 'yes',
      });
    assert.equal(answered.status, 409, `a paused match's check-in answered ${answered.status}`);
    assert.match(answered.text, /Forløbet er sat på pause/);
    const stored = await FollowUpModel.findById(`${w.matchId}:volunteer:regular:1`).lean();
    assert.equal(stored?.state, 'open', `the check-in is ${stored?.state} after the refused answer`);
    assert.equal(stored?.answers, undefined);
  });
});
