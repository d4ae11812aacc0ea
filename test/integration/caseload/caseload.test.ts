import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { type MatchState } from '../../../src/components/requests/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { createUser, loginAs, type TestUser } from '../../helpers/accounts.js';
import { createRequest, createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const isoDaysAgo = (days: number) => daysAgo(days).toISOString().slice(0, 10);
const ALIAS = 'Zefyr-alias';
let sequence = 0;

async function match(
  requestId: string,
  events: Array<{ state: MatchState; days: number }>,
  municipalityCode = '0849',
) {
  sequence += 1;
  const state = events[events.length - 1]!.state;
  const created = await MatchModel.create({
    requestId,
    municipalityCode,
    organisationId: 'org',
    volunteerId: `volunteer-${sequence}`,
    proposedBy: 'worker',
    childAlias: ALIAS,
    askText: 'Fodbold om tirsdagen.',
    state,
    history: events.map((event) => ({
      state: event.state,
      by: 'x',
      role: 'social-worker',
      at: daysAgo(event.days),
    })),
    ...(state === 'closed' ? { closeReason: 'goal-reached' } : {}),
    liveKey: state === 'closed' ? `ended:${sequence}` : `${requestId}:volunteer-${sequence}`,
  });
  return String(created._id);
}

async function followUp(
  matchId: string,
  requestId: string,
  audience: 'family' | 'volunteer',
  dueDaysAgo: number,
  municipalityCode = '0849',
) {
  sequence += 1;
  await FollowUpModel.create({
    _id: `${matchId}:${audience}:regular:${sequence}`,
    matchId,
    requestId,
    municipalityCode,
    organisationId: 'org',
    volunteerId: 'volunteer',
    audience,
    kind: 'regular',
    sequence,
    dueOn: isoDaysAgo(dueDaysAgo),
  });
}

// Straight to the collection: the model keeps `createdAt` as it was written.
const backdate = (id: string, dates: Record<string, Date>) =>
  RequestModel.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: dates });

const cells = (html: string, table: string, key: string, value: string) => {
  const section = html.split(`data-table="${table}"`)[1] ?? '';
  const row = section.split(`data-${key}="${value}"`)[1]?.split('</tr>')[0] ?? '';
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((found) => found[1]!.trim());
};

describe('caseload over time: the social worker’s own and the team’s', function () {
  this.timeout(60_000);
  useTestDatabase();

  let sara: TestUser;
  let bent: TestUser;
  let carl: TestUser;

  // Sara (0849): one request open for over a year; one made 100 days ago with an active match; one made
  // 200 days ago whose match ran and ended, closed 30 days ago. Two family conversations (one due today,
  // one overdue) and one overdue check-in on her active match. Bent (0849): one new request with an
  // overdue family conversation. Carl (0101): one open request.
  beforeEach(async () => {
    await importMunicipalities();
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    bent = await createSocialWorker('0849', 'Bent Socialrådgiver');
    carl = await createSocialWorker('0101', 'Carl Socialrådgiver');
    const old = await createRequest(sara.id);
    await backdate(old, { createdAt: daysAgo(400) });
    const matched = await createRequest(sara.id, { status: 'matched' });
    await backdate(matched, { createdAt: daysAgo(100) });
    const live = await match(matched, [
      { state: 'proposed', days: 90 },
      { state: 'active', days: 80 },
    ]);
    await followUp(live, matched, 'family', 0);
    await followUp(live, matched, 'family', 10);
    await followUp(live, matched, 'volunteer', 10);
    const ended = await createRequest(sara.id, { status: 'closed' });
    await backdate(ended, { createdAt: daysAgo(200), closedAt: daysAgo(30) });
    await match(ended, [
      { state: 'active', days: 190 },
      { state: 'closed', days: 35 },
    ]);
    const bents = await createRequest(bent.id);
    const bentsMatch = await match(bents, [{ state: 'proposed', days: 5 }]);
    await followUp(bentsMatch, bents, 'family', 12);
    await createRequest(carl.id, { municipalityCode: '0101' });
  });

  it('when a social worker opens their caseload, then it counts their own cases only, with what is due', async () => {
    const page = await (await loginAs(buildTestApp(), sara)).get('/sager/rapport');
    assert.equal(page.status, 200);
    assert.deepEqual(cells(page.text, 'due', 'due', 'familyDue'), ['1']);
    assert.deepEqual(cells(page.text, 'due', 'due', 'familyOverdue'), ['1']);
    assert.deepEqual(cells(page.text, 'due', 'due', 'checkInsOverdue'), ['1']);
    assert.deepEqual(cells(page.text, 'requests', 'state', 'open'), ['1']);
    assert.deepEqual(cells(page.text, 'requests', 'state', 'matched'), ['1']);
    assert.deepEqual(cells(page.text, 'requests', 'state', 'closed'), ['1']);
    assert.deepEqual(cells(page.text, 'matches', 'state', 'active'), ['1']);
    assert.deepEqual(cells(page.text, 'matches', 'state', 'closed'), ['1']);
    assert.deepEqual(cells(page.text, 'matches', 'state', 'proposed'), ['0'], "Bent's proposal is not hers");
    const thisMonth = new Date().toISOString().slice(0, 7);
    // Today: the old and the matched request are open, and one match runs.
    assert.deepEqual(cells(page.text, 'own-months', 'month', thisMonth), ['2', '1', '3']);
    // Eleven months back (its last day, 305–335 days ago): only the old request existed.
    const first = page.text.match(/data-table="own-months"[\s\S]*?data-month="(\d{4}-\d{2})"/)![1]!;
    assert.deepEqual(cells(page.text, 'own-months', 'month', first), ['1', '0', '1']);
    assert.match(page.text, /<svg class="caseload-chart" role="img"/);
    assert.match(page.text, /I dag har du 2 åbne sager og 1 match i gang/);
    assert.doesNotMatch(page.text, new RegExp(ALIAS));
  });

  it('when the leader opens the team view, then each social worker of the municipality has their own counts and no child is named', async () => {
    const leader = await createUser({ roles: [{ role: 'leader', municipalityCode: '0849' }], totp: true });
    const page = await (await loginAs(buildTestApp(), leader)).get('/kommune/rapport/team');
    assert.equal(page.status, 200);
    assert.match(page.text, /Sara Socialrådgiver/);
    assert.match(page.text, /Bent Socialrådgiver/);
    assert.doesNotMatch(page.text, /Carl Socialrådgiver/);
    // open, with an adult, live matches, open a year ago, family due, family overdue, check-ins overdue
    assert.deepEqual(cells(page.text, 'workers', 'worker', sara.id), ['1', '1', '1', '1', '1', '1', '1']);
    assert.deepEqual(cells(page.text, 'workers', 'worker', bent.id), ['1', '0', '1', '0', '0', '1', '0']);
    assert.deepEqual(cells(page.text, 'workers', 'worker', 'total'), ['2', '1', '2', '1', '1', '2', '1']);
    const thisMonth = new Date().toISOString().slice(0, 7);
    assert.deepEqual(cells(page.text, 'team-months', 'month', thisMonth), ['3', '2', '5']);
    assert.doesNotMatch(page.text, new RegExp(ALIAS));
    assert.doesNotMatch(page.text, /SAG-TEST/);
  });

  it('when the municipal administrator opens the team view, then they see the same figures', async () => {
    const admin = await createUser({
      roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
      totp: true,
    });
    const page = await (await loginAs(buildTestApp(), admin)).get('/kommune/rapport/team');
    assert.equal(page.status, 200);
    assert.deepEqual(cells(page.text, 'workers', 'worker', 'total'), ['2', '1', '2', '1', '1', '2', '1']);
  });

  it('when a leader or social worker of another municipality looks, then they see none of these cases', async () => {
    const app = buildTestApp();
    const leaderB = await createUser({ roles: [{ role: 'leader', municipalityCode: '0101' }], totp: true });
    const team = await (await loginAs(app, leaderB)).get('/kommune/rapport/team');
    assert.equal(team.status, 200);
    assert.doesNotMatch(team.text, /Sara Socialrådgiver|Bent Socialrådgiver/);
    assert.deepEqual(cells(team.text, 'workers', 'worker', carl.id), ['1', '0', '0', '0', '0', '0', '0']);
    assert.deepEqual(cells(team.text, 'workers', 'worker', 'total'), ['1', '0', '0', '0', '0', '0', '0']);
    const own = await (await loginAs(app, carl)).get('/sager/rapport');
    assert.deepEqual(cells(own.text, 'requests', 'state', 'open'), ['1']);
    assert.deepEqual(cells(own.text, 'due', 'due', 'familyOverdue'), ['0']);
  });

  it('when someone without the role asks, then the pages are not there for them', async () => {
    const app = buildTestApp();
    assert.equal((await (await loginAs(app, sara)).get('/kommune/rapport/team')).status, 404);
    const leader = await createUser({ roles: [{ role: 'leader', municipalityCode: '0849' }], totp: true });
    assert.equal((await (await loginAs(app, leader)).get('/sager/rapport')).status, 404);
  });

  it('when the social worker and the leader open their home, then it links to their caseload page', async () => {
    const app = buildTestApp();
    const home = await (await loginAs(app, sara)).get('/overblik');
    assert.match(home.text, /href="\/sager\/rapport"><span class="home-item__count">2<\/span>/);
    const leader = await createUser({ roles: [{ role: 'leader', municipalityCode: '0849' }], totp: true });
    const leaderHome = await (await loginAs(app, leader)).get('/overblik');
    assert.match(leaderHome.text, /href="\/kommune\/rapport\/team"><span class="home-item__count">3<\/span>/);
  });
});
