import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { PLACE_HOLDING_STATES } from '../../../src/components/requests/index.js';
import { DEMO_LOGINS } from '../../../src/demo/demo-content.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { csrfFrom, submitForm, type Agent } from '../../helpers/accounts.js';
import { buildDemoApp, loginAsDemo } from '../../helpers/demo.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/** The home's items as a person reads them: link → [count, label]. */
async function homeItems(agent: Agent): Promise<Map<string, { count: number; label: string }[]>> {
  const page = await agent.get('/overblik');
  assert.equal(page.status, 200);
  const items = new Map<string, { count: number; label: string }[]>();
  const pattern =
    /<a href="([^"]+)"><span class="home-item__count">(\d+)<\/span> <span class="home-item__label">([^<]+)<\/span><\/a>/g;
  for (const [, href, count, label] of page.text.matchAll(pattern)) {
    items.set(href, [...(items.get(href) ?? []), { count: Number(count), label }]);
  }
  return items;
}

function countOf(items: Map<string, { count: number; label: string }[]>, href: string, label: RegExp) {
  const item = (items.get(href) ?? []).find((entry) => label.test(entry.label));
  assert.ok(item, `no item "${String(label)}" linking to ${href}: ${JSON.stringify([...items])}`);
  return item.count;
}

const db = () => mongoose.connection;
const idOf = async (email: string) => String((await db().collection('users').findOne({ email }))!._id);
const organisationIdOf = async (name: string) =>
  String((await db().collection('organisations').findOne({ name }))!._id);
const GYM = 'Nordstrand Gymnastikforening (demo)';
const CARPENTER = 'Snedkerværkstedet Høvlen ApS (demo)';
const FOOTBALL = 'Vesterhav Boldklub (demo)';

/** Free places counted from the stored offers and the matches that hold a place. */
async function freePlacesOf(organisationName: string): Promise<number> {
  const organisationId = await organisationIdOf(organisationName);
  const offers = await db().collection('offers').find({ organisationId, status: 'active' }).toArray();
  let free = 0;
  for (const offer of offers) {
    if (offer.endsOn && offer.endsOn < new Date()) continue;
    const holding = await db()
      .collection('matches')
      .countDocuments({
        offerId: String(offer._id),
        state: { $in: [...PLACE_HOLDING_STATES] },
      });
    free += Math.max(0, (offer.places as number) - holding);
  }
  return free;
}

describe('home page (/overblik) for each demo login', function () {
  // Each case seeds the whole demo (months of follow-ups through the services): seconds on a busy machine.
  this.timeout(60_000);
  useTestDatabase();
  let app: ReturnType<typeof buildDemoApp>;

  // The app first: seeding uses the real services, which send notices through the configured outbox.
  beforeEach(async () => {
    app = buildDemoApp();
    await seedDemo();
  });

  it('when any demo person logs in, then they land on their home, and the logo leads there too', async () => {
    for (const { email } of DEMO_LOGINS) {
      const { agent, landing } = await loginAsDemo(app, email);
      assert.equal(landing, '/overblik', `${email} landed on ${landing}`);
      const page = await agent.get('/overblik');
      assert.match(page.text, /<a class="brand" href="\/overblik">/);
    }
    const anonymous = await (await import('supertest')).default(app).get('/overblik');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.location, '/log-ind');
  });

  it('when the social worker logs in, then the counts are those of the seeded cases', async () => {
    const worker = await idOf('socialraadgiver@demo.brobygning.dk');
    const requests = await db().collection('child_requests').find({ responsibleId: worker }).toArray();
    const matches = await db()
      .collection('matches')
      .find({ requestId: { $in: requests.map((request) => String(request._id)) } })
      .toArray();
    const { agent } = await loginAsDemo(app, 'socialraadgiver@demo.brobygning.dk');
    const items = await homeItems(agent);
    const running = matches.filter((match) => ['active', 'paused'].includes(match.state as string)).length;
    assert.equal(running, 3, 'the demo has one active match and two paused (the family withdrew; by hand)');
    // A paused match holds no adult now: only the active one counts.
    assert.equal(countOf(items, '/sager', /aktivt? match|aktive match/), 1);
    // The consent component's line links straight to the first match's consent page.
    const awaitingConsent = matches.filter((match) => match.state === 'awaiting-consent');
    assert.equal(awaitingConsent.length, 2, 'one match lacks a guardian, one has both');
    const consentPage = awaitingConsent
      .map((match) => `/sager/${match.requestId}/match/${String(match._id)}/samtykke`)
      .find((page) => items.has(page));
    assert.ok(consentPage, 'the consent line links a match awaiting consent');
    // Only the match lacking a guardian waits for consent; the one with both is ready to start.
    assert.equal(countOf(items, consentPage, /venter på samtykke/), 1);
    const ready = awaitingConsent.find((match) => !consentPage.includes(String(match._id)))!;
    assert.equal(countOf(items, `/sager/${ready.requestId}`, /klar til at starte/), 1);
    // The waiting proposal has no answer yet; the decline on the case that is looking again, and the
    // answers on the case whose adult stopped, are the open requests with new answers.
    assert.equal(countOf(items, '/sager', /nye svar/), 2);
  });

  it('when an answer arrives on an open case, then the social worker sees one more open request with new answers', async () => {
    const { agent: coordinator } = await loginAsDemo(app, 'koordinator@demo.brobygning.dk');
    const proposals = await coordinator.get('/forening/forslag');
    const waiting = await db()
      .collection('matches')
      .findOne({ organisationId: await organisationIdOf(GYM), state: 'proposed' });
    const matchId = String(waiting?._id);
    assert.match(proposals.text, new RegExp(`action="/forening/forslag/${matchId}/accepter"`));
    const accepted = await coordinator
      .post(`/forening/forslag/${matchId}/accepter`)
      .type('form')
      .send({ _csrf: csrfFrom(proposals.text) });
    assert.equal(accepted.status, 303);
    assert.equal(countOf(await homeItems(coordinator), '/forening/forslag', /jeres svar/), 0);
    const { agent: worker } = await loginAsDemo(app, 'socialraadgiver@demo.brobygning.dk');
    // One more than the two the demo starts with (see above).
    assert.equal(countOf(await homeItems(worker), '/sager', /nye svar/), 3);
  });

  it('when each coordinator logs in, then join requests, vetting, proposals and free places are their own organisation’s', async () => {
    const expected = [
      // Vetting: the coordinator (no record) and Amira (certificate expires within 60 days).
      { email: 'koordinator@demo.brobygning.dk', organisation: GYM, vetting: 2, proposals: 1 },
      // Vetting: the coordinator and Hanne (training missing).
      { email: 'koordinator.snedker@demo.brobygning.dk', organisation: CARPENTER, vetting: 2, proposals: 0 },
      // Vetting: the coordinator and Lene (certificate ordered, no outcome yet).
      { email: 'koordinator.fodbold@demo.brobygning.dk', organisation: FOOTBALL, vetting: 2, proposals: 0 },
    ];
    for (const { email, organisation, vetting, proposals } of expected) {
      const organisationId = await organisationIdOf(organisation);
      const joinRequests = await db()
        .collection('memberships')
        .countDocuments({ organisationId, status: 'requested' });
      const unanswered = await db()
        .collection('matches')
        .countDocuments({ organisationId, state: 'proposed', acceptedByOrg: { $exists: false } });
      assert.equal(unanswered, proposals);
      const { agent } = await loginAsDemo(app, email);
      const items = await homeItems(agent);
      assert.equal(countOf(items, '/forening/medlemmer', /blive medlem/), joinRequests, email);
      assert.equal(countOf(items, '/forening/godkendelse', /mangler godkendelse/), vetting, email);
      assert.equal(countOf(items, '/forening/forslag', /jeres svar/), proposals, email);
      assert.equal(
        countOf(items, '/forening/tilbud', /ledige? plads/),
        await freePlacesOf(organisation),
        email,
      );
      // The associations (not the carpentry business) have not declared this year in the demo.
      const kind = (await db().collection('organisations').findOne({ name: organisation }))!.kind;
      if (kind === 'association') assert.equal(countOf(items, '/forening/erklaering', /erklæring/), 1, email);
      else assert.ok(!items.has('/forening/erklaering'), email);
    }
    assert.equal(
      await db()
        .collection('memberships')
        .countDocuments({ organisationId: await organisationIdOf(FOOTBALL), status: 'requested' }),
      1,
      'the football club has the one waiting join request',
    );
  });

  it('when the demo volunteer (no organisation yet) logs in, then the home says what to do first', async () => {
    const { agent } = await loginAsDemo(app, 'frivillig@demo.brobygning.dk');
    const page = await agent.get('/overblik');
    assert.match(page.text, /Intet venter på dig lige nu/);
    assert.match(page.text, /<a class="button" href="\/frivillig\/foreninger">Find en forening<\/a>/);
    const items = await homeItems(agent);
    assert.equal(countOf(items, '/frivillig/forslag', /svare på/), 0);
    assert.equal(countOf(items, '/frivillig/foreninger', /medlem af/), 0);
    assert.equal(countOf(items, '/frivillig/godkendelse', /trin mangler/), 0);
  });

  it('when a vetted volunteer with a proposal logs in, then the proposal, the organisation and the steps left are counted', async () => {
    // Mads: a member of the gymnastics club, fully vetted, proposed for the waiting request.
    const { agent } = await loginAsDemo(app, 'mads.kjaer@demo.brobygning.dk');
    const items = await homeItems(agent);
    assert.equal(countOf(items, '/frivillig/forslag', /svare på/), 1);
    assert.equal(countOf(items, '/frivillig/foreninger', /medlem af/), 1);
    assert.equal(countOf(items, '/frivillig/godkendelse', /trin mangler/), 0);
    // Lene: the certificate was ordered and has no outcome yet: one step left.
    const { agent: lene } = await loginAsDemo(app, 'lene.bach@demo.brobygning.dk');
    assert.equal(countOf(await homeItems(lene), '/frivillig/godkendelse', /trin mangler/), 1);
  });

  it('when the municipal administrator logs in, then approvals, declarations and invitations are counted in the own municipality', async () => {
    const organisations = await db()
      .collection('organisations')
      .find({ municipalityCodes: '0849' })
      .toArray();
    const pending = organisations.filter((organisation) =>
      (organisation.approvals as Array<{ municipalityCode: string; decision: string }>).some(
        (approval) => approval.municipalityCode === '0849' && approval.decision === 'pending',
      ),
    ).length;
    assert.equal(pending, 1, 'the parish waits for approval');
    const { agent } = await loginAsDemo(app, 'kommuneadmin@demo.brobygning.dk');
    let items = await homeItems(agent);
    assert.equal(countOf(items, '/kommune/foreninger', /venter på godkendelse/), pending);
    // The gymnastics club and the football club are the approved associations; neither has declared.
    assert.equal(countOf(items, '/kommune/erklaeringer', /årets erklæring/), 2);
    assert.equal(countOf(items, '/kommune/medarbejdere', /invitation/), 0);
    const invited = await submitForm(agent, '/kommune/medarbejdere', '/kommune/medarbejdere/inviter', {
      email: 'ny.kollega@example.dk',
      role: 'social-worker',
    });
    assert.equal(invited.status, 303);
    items = await homeItems(agent);
    assert.equal(countOf(items, '/kommune/medarbejdere', /invitation/), 1);
  });

  it('when the demo leader logs in, then the home leads to the report with its goals and to the team caseload', async () => {
    const open = await db()
      .collection('child_requests')
      .countDocuments({ municipalityCode: '0849', status: { $ne: 'closed' } });
    const goals = await db().collection('report_goals').countDocuments({});
    const { agent } = await loginAsDemo(app, 'leder@demo.brobygning.dk');
    const items = await homeItems(agent);
    assert.equal(countOf(items, '/kommune/rapport/team', /teamets sagsoverblik/), open);
    assert.ok(open > 0, 'the demo has open cases');
    assert.equal(countOf(items, '/kommune/rapport', /mål sat for i år/), goals);
    assert.deepEqual(
      [...items.keys()].sort(),
      [
        '/kommune/rapport',
        '/kommune/rapport/godkendelser',
        '/kommune/rapport/team',
        '/kommune/rapport/udbud',
      ],
      'reports only: nothing that changes data',
    );
    const team = await agent.get('/kommune/rapport/team');
    assert.match(team.text, /Birgitte Holm \(demo\)/);
  });

  it('when the platform administrator logs in, then the municipalities and their onboarding state are counted', async () => {
    const all = await db().collection('municipalities').countDocuments();
    const onboarded = await db().collection('municipalities').countDocuments({ onboarded: true });
    const { agent } = await loginAsDemo(app, 'platformadmin@demo.brobygning.dk');
    const items = await homeItems(agent);
    assert.equal(countOf(items, '/platform/kommuner', /bruger Brobygning/), onboarded);
    assert.equal(countOf(items, '/platform/kommuner', /ikke med endnu/), all - onboarded);
    // The demo municipality has its administrator (kommuneadmin@).
    assert.equal(countOf(items, '/platform/kommuner', /ingen administrator/), 0);
  });

  it('when someone with two roles switches, then they land on the home of the role they chose', async () => {
    const worker = await idOf('socialraadgiver@demo.brobygning.dk');
    await UserModel.updateOne(
      { _id: worker },
      {
        $push: {
          roles: { role: 'municipal-admin', municipalityCode: '0849', active: true, grantedAt: new Date() },
        },
      },
    );
    const { agent } = await loginAsDemo(app, 'socialraadgiver@demo.brobygning.dk');
    assert.ok((await homeItems(agent)).has('/sager'));
    const page = await agent.get('/overblik');
    assert.match(page.text, /id="role-switch"/);
    const switched = await agent
      .post('/konto/rolle')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), grant: '1' });
    assert.equal(switched.status, 303);
    assert.equal(switched.headers.location, '/overblik');
    const items = await homeItems(agent);
    assert.ok(items.has('/kommune/foreninger'));
    assert.ok(!items.has('/sager'), 'only the active role’s items');
  });
});
