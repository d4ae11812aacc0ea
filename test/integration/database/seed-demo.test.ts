import assert from 'node:assert/strict';
import { teamOverview } from '../../../src/components/followups/followup-service.js';
import mongoose from 'mongoose';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { DEMO_SUPPLY_REQUESTS } from '../../../src/demo/demo-supply.js';
import {
  DEMO_AFTER_HOURS_PHONE,
  DEMO_MUNICIPALITY_CODE,
  DEMO_ORGANISATIONS,
} from '../../../src/demo/demo-content.js';
import { isVetted } from '../../../src/components/vetting/index.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('demo content', function () {
  // The demo is seeded through the real services, a year of past cases included: seconds, twice as many
  // when seeded twice, on a busy machine.
  this.timeout(120_000);
  useTestDatabase();
  // Seeding uses the real services (consent's through matching's seams, with notices in the outbox).
  beforeEach(() => {
    buildTestApp();
  });

  it('when seeded on an empty database, then the 98 municipalities, the demo tenant and its organisations exist', async () => {
    await seedDemo();
    const db = mongoose.connection;
    assert.equal(await db.collection('municipalities').countDocuments(), 98);
    const demo = await db.collection('municipalities').findOne({ code: DEMO_MUNICIPALITY_CODE });
    assert.equal(demo?.onboarded, true);
    assert.equal(demo?.name, 'Jammerbugt');
    assert.equal(
      await db.collection('organisations').countDocuments({ municipalityCodes: DEMO_MUNICIPALITY_CODE }),
      DEMO_ORGANISATIONS.length,
    );
    // Whom to call: the municipality's after-hours number, and the social worker's work phone.
    assert.equal(demo?.afterHoursPhone, DEMO_AFTER_HOURS_PHONE);
    const worker = await db.collection('users').findOne({ email: 'socialraadgiver@demo.brobygning.dk' });
    assert.match(String(worker?.phone), /^[\d ]{8,}$/);
  });

  it('when seeded twice, then nothing is duplicated', async () => {
    await seedDemo();
    await seedDemo();
    const db = mongoose.connection;
    assert.equal(await db.collection('municipalities').countDocuments(), 98);
    assert.equal(await db.collection('organisations').countDocuments(), DEMO_ORGANISATIONS.length);
    assert.equal(await db.collection('municipalities').countDocuments({ onboarded: true }), 1);
  });

  it('when a demo organisation is named, then it is marked as a demo and no real person is named', () => {
    for (const organisation of DEMO_ORGANISATIONS) {
      assert.match(organisation.name, /\(demo\)$/);
    }
  });

  it('when seeded, then volunteers are in different vetting states and offers name vetted adults', async () => {
    await seedDemo();
    const db = mongoose.connection;
    const idOf = async (email: string) => String((await db.collection('users').findOne({ email }))?._id);
    const organisationOf = async (name: string) =>
      String((await db.collection('organisations').findOne({ name }))?._id);
    const gym = await organisationOf('Nordstrand Gymnastikforening (demo)');
    const football = await organisationOf('Vesterhav Boldklub (demo)');
    const inAYear = new Date(Date.now() + 365 * 86_400_000);
    assert.equal(await isVetted(await idOf('mads.kjaer@demo.brobygning.dk'), gym, inAYear), true);
    assert.equal(await isVetted(await idOf('lene.bach@demo.brobygning.dk'), football, new Date()), false);
    const tuesday = await db.collection('offers').findOne({ title: 'Tirsdagsgymnastik for 7–10-årige' });
    assert.deepEqual(tuesday?.adultIds, [
      await idOf('mads.kjaer@demo.brobygning.dk'),
      await idOf('camilla.skov@demo.brobygning.dk'),
      await idOf('jakob.vinther@demo.brobygning.dk'),
    ]);
    // The demo volunteer login has a profile but no organisation yet, so joining can be tried.
    const sofie = await idOf('frivillig@demo.brobygning.dk');
    assert.equal(await db.collection('memberships').countDocuments({ userId: sofie }), 0);
    assert.equal(await db.collection('volunteerprofiles').countDocuments({ userId: sofie }), 1);
    // Nine requests of the demo social worker, one in each state of a case: new, looking again after a
    // decline, proposed to a vetted adult, awaiting one guardian's consent, ready to start, active for
    // seven months with its follow-up history, paused after the family withdrew, paused by hand, and one
    // whose adult stopped. Besides them, a year of closed past cases for the report.
    const worker = await idOf('socialraadgiver@demo.brobygning.dk');
    // The demo's current requests (its past cases aside), the open ones spread over the postcodes for the
    // supply-and-demand report among them.
    const current = { responsibleId: worker, caseRef: { $not: /^DEMO-HIST-/ } };
    assert.equal(await db.collection('child_requests').countDocuments(current), 9 + DEMO_SUPPLY_REQUESTS);
    const states = (
      await db
        .collection('matches')
        .find({ state: { $ne: 'closed' } })
        .toArray()
    )
      .map((match) => match.state)
      .sort();
    assert.deepEqual(states, [
      'active',
      'awaiting-consent',
      'awaiting-consent',
      'declined',
      'paused',
      'paused',
      'proposed',
    ]);
    const past = { responsibleId: worker, caseRef: /^DEMO-HIST-/, status: 'closed' };
    assert.ok((await db.collection('child_requests').countDocuments(past)) >= 40, 'a year of past cases');
    const overview = await teamOverview('0849', new Date());
    assert.equal(overview.worries.length, 1, 'one flagged worry');
    assert.ok(overview.overdue.length >= 1, 'an overdue follow-up');
    assert.ok(
      (await db.collection('follow_ups').countDocuments({ state: 'done' })) >= 12,
      'months of answers',
    );
    const proposal = await db.collection('matches').findOne({ state: 'proposed' });
    assert.equal(proposal?.volunteerId, await idOf('mads.kjaer@demo.brobygning.dk'));
  });
});
