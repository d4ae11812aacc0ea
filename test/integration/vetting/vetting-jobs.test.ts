import assert from 'node:assert/strict';
import { announceAccountDeleting } from '../../../src/components/accounts/account-events.js';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { putVettingFacts, vettingJobs, vettingStatusFor } from '../../../src/components/vetting/index.js';
import { VettingRecordModel } from '../../../src/components/vetting/vetting-model.js';
import { addDays } from '../../../src/components/vetting/vetting-rules.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser } from '../../helpers/accounts.js';
import { itemsDone, jobNamed } from '../../helpers/jobs.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createMember, createVettedMember } from '../../helpers/vetting.js';

const BASE = 'http://localhost:3000';
const remindJob = jobNamed(vettingJobs(BASE), 'vetting:consent-window-reminders');
const remindConsentWindows = (now: Date) => itemsDone(remindJob, now);

describe('vetting: the consent-window reminder and account deletion', function () {
  this.timeout(30_000);
  useTestDatabase();
  let organisationId: string;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    buildTestApp(); // configures mail and registers the deletion listener, as the server does
    organisationId = await createOrganisation({ name: 'Nordstrand Gymnastik' });
  });

  const orderedDaysBefore = async (now: Date, days: number, extra = {}) => {
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    const member = await createMember(organisationId);
    await putVettingFacts(organisationId, member.id, {
      childCertificate: {
        consentGivenAt: addDays(now, -days - 1),
        orderedAt: addDays(now, -days),
        orderedBy: coordinator.id,
        ...extra,
      },
      references: [],
    });
    return { member, coordinator };
  };

  it('when an order is 11 days old without an outcome, then one reminder goes to the volunteer and one to the coordinator, however often the job runs', async () => {
    const now = new Date('2026-03-20T08:17:00Z');
    const { member, coordinator } = await orderedDaysBefore(now, 11);
    assert.equal(await remindConsentWindows(now), 1);
    assert.equal(await remindConsentWindows(now), 0);
    assert.equal(await remindConsentWindows(addDays(now, 1)), 0);
    const toVolunteer = await OutboxMessageModel.find({ to: member.email }).lean();
    const toCoordinator = await OutboxMessageModel.find({ to: coordinator.email }).lean();
    assert.deepEqual(
      toVolunteer.map((m) => m.template),
      ['vetting-consent-reminder'],
    );
    assert.deepEqual(
      toCoordinator.map((m) => m.template),
      ['vetting-order-reminder'],
    );
    assert.match(toVolunteer[0]!.subject, /samtykke/);
  });

  it('when two instances run the job at the same moment, then each order is reminded once', async () => {
    const now = new Date('2026-03-20T08:17:00Z');
    await orderedDaysBefore(now, 10);
    await orderedDaysBefore(now, 12);
    const [a, b] = await Promise.all([remindConsentWindows(now), remindConsentWindows(now)]);
    assert.equal(a + b, 2);
    assert.equal(await OutboxMessageModel.countDocuments({ template: 'vetting-consent-reminder' }), 2);
  });

  it('when an order is too young, too old or has an outcome, then nobody is reminded', async () => {
    const now = new Date('2026-03-20T08:17:00Z');
    await orderedDaysBefore(now, 5);
    await orderedDaysBefore(now, 15);
    await orderedDaysBefore(now, 11, { outcome: 'clear', outcomeAt: addDays(now, -1), outcomeBy: 'x' });
    assert.equal(await remindConsentWindows(now), 0);
    assert.equal(await OutboxMessageModel.countDocuments(), 0);
  });

  it('when a renewal is ordered later, then that new order gets its own reminder', async () => {
    const now = new Date('2026-03-20T08:17:00Z');
    const { member } = await orderedDaysBefore(now, 11);
    assert.equal(await remindConsentWindows(now), 1);
    await VettingRecordModel.updateOne(
      { userId: member.id },
      {
        $set: {
          'childCertificate.orderedAt': addDays(now, 20),
          'childCertificate.consentGivenAt': addDays(now, 19),
        },
      },
    );
    assert.equal(await remindConsentWindows(addDays(now, 31)), 1);
  });

  it('when a volunteer deletes their account, then the note goes, the dated facts stay, and running it twice is safe', async () => {
    const member = await createVettedMember(organisationId);
    await VettingRecordModel.updateOne(
      { userId: member.id },
      { $set: { 'interview.note': 'Privat bemærkning' } },
    );
    await announceAccountDeleting(member.id);
    await announceAccountDeleting(member.id);
    const record = await VettingRecordModel.findOne({ userId: member.id }).lean();
    assert.equal(record?.interview?.note, undefined);
    assert.ok(record?.interview?.heldOn);
    assert.ok(record?.childCertificate?.validUntil);
    assert.ok(record?.childCertificate?.consentGivenAt);
    assert.ok(record?.anonymisedAt);
  });

  it('when matching asks for vetting status, then it gets vetted yes/no and what is missing per person', async () => {
    const vetted = await createVettedMember(organisationId);
    const partly = await createVettedMember(organisationId, { state: 'missing-training' });
    const statuses = await vettingStatusFor([vetted.id, partly.id, 'unknown'], organisationId);
    const byUser = new Map(statuses.map((status) => [status.userId, status]));
    assert.equal(byUser.get(vetted.id)?.vetted, true);
    assert.deepEqual(byUser.get(partly.id)?.missing, ['training']);
    assert.equal(byUser.has('unknown'), false);
  });
});
