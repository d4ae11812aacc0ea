import assert from 'node:assert/strict';
import type { Express } from 'express';
import { trusted } from 'mongoose';
import { expireLapsedConsents } from '../../../src/components/consent/index.js';
import { endConsent } from '../../../src/components/consent/consent-service.js';
import {
  copenhagenDate,
  FollowUpModel,
  remindDueFollowUps,
} from '../../../src/components/followups/index.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { runJob, type JobContext } from '../../../src/shared/jobs/index.js';
import {
  configureMail,
  deliverDueMessages,
  deliveryIdle,
  mailSettingsFor,
  OutboxMessageModel,
} from '../../../src/shared/mail/index.js';
import { createLogger } from '../../../src/shared/logging/logger.js';
import { loginAs, submitForm } from '../../helpers/accounts.js';
import { storeConsent } from '../../helpers/consent.js';
import { followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { testMailboxDir } from '../../helpers/mail.js';
import { arrivalsOf } from '../../helpers/test-mailbox.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const BASE = 'http://localhost';
const DAY = 86_400_000;

/** Mail as the app configures it, but every attempt fails for now (the mail server is away). */
function mailServerAway(): void {
  configureMail({
    ...mailSettingsFor(testConfig(), createLogger('silent')),
    transport: () => Promise.reject(new Error('421 try again later')),
  });
}

/** The mail server is back and the retry time of what waited has come: deliver it now. */
async function mailServerBack(): Promise<void> {
  buildTestApp();
  await OutboxMessageModel.updateMany({ status: 'pending' }, { $set: { nextAttemptAt: new Date() } });
  await deliverDueMessages(mailSettingsFor(testConfig(), createLogger('silent')));
}

/** Waits (bounded) until the message has arrived at the test mail server. */
async function arrived(messageId: string): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (arrivalsOf(testMailboxDir(), messageId).length > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

const mailsAbout = (matchId: string, templates: string[]) =>
  OutboxMessageModel.find({ aboutMatchId: matchId, template: trusted({ $in: templates }) })
    .sort({ createdAt: 1 })
    .lean();

describe('matching: mail about a match ends with it, and its notices still go out', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let people: FollowUpCase;

  beforeEach(async () => {
    app = buildTestApp();
    people = await followUpCase('active');
  });

  afterEach(async () => {
    await deliveryIdle();
    buildTestApp();
  });

  /**
   * The volunteer's check-in reminder, queued by the follow-up job while the mail server is away, so it
   * is still unsent (pending, body sealed) when the match ends. Returns its outbox id.
   */
  async function unsentReminder(): Promise<string> {
    await FollowUpModel.create({
      _id: `${people.matchId}:volunteer:regular:1`,
      matchId: people.matchId,
      requestId: people.requestId,
      municipalityCode: '0849',
      organisationId: people.organisationId,
      volunteerId: people.bo.id,
      audience: 'volunteer',
      kind: 'regular',
      sequence: 1,
      dueOn: copenhagenDate(new Date()),
    });
    mailServerAway();
    const summary = await runJob(
      {
        name: 'followups:remind-test',
        schedule: '* * * * *',
        run: (context) => remindDueFollowUps(context as JobContext, BASE),
      },
      {},
    );
    assert.equal(summary.failures, 0, summary.errorMessages.join());
    await deliveryIdle();
    buildTestApp();
    const [reminder] = await mailsAbout(people.matchId, ['followup-checkin-reminder']);
    assert.ok(reminder, 'the reminder names its match');
    assert.equal(reminder.status, 'pending', `reminder status ${reminder.status}`);
    assert.ok(reminder.sealedBody, 'the unsent reminder still has its body');
    return String(reminder._id);
  }

  async function assertCancelled(reminderId: string): Promise<void> {
    const reminder = await OutboxMessageModel.findById(reminderId).lean();
    assert.equal(reminder?.status, 'cancelled', `reminder status ${reminder?.status}`);
    assert.equal(reminder?.sealedBody, undefined, 'the cancelled reminder keeps no body');
  }

  /** Each notice named by template went out to the person, once. */
  async function assertDelivered(expected: Array<[string, string]>): Promise<void> {
    for (const [email, template] of expected) {
      const found = await OutboxMessageModel.find({
        to: email,
        template,
        aboutMatchId: people.matchId,
      }).lean();
      assert.equal(found.length, 1, `${template} to ${email}: ${found.length} queued`);
      assert.ok(await arrived(found[0]!.messageId), `${template} to ${email} never arrived`);
    }
  }

  const consent = (validUntil: Date) =>
    storeConsent({
      requestId: people.requestId,
      matchId: people.matchId,
      organisationId: people.organisationId,
      volunteerId: people.bo.id,
      recordedBy: people.sara.id,
      validUntil,
    });

  const withdraw = (consentId: string) =>
    endConsent(
      { matchId: people.matchId, requestId: people.requestId, municipalityCode: '0849' },
      consentId,
      { by: people.sara.id, how: 'phone' },
      BASE,
    );

  it('when the family withdraws, then the unsent follow-up reminder is cancelled and the notices of the pause are delivered', async () => {
    const consentId = await consent(new Date(Date.now() + 365 * DAY));
    const reminderId = await unsentReminder();

    assert.equal(await withdraw(consentId), true);

    assert.equal((await MatchModel.findById(people.matchId).lean())?.state, 'paused');
    await assertCancelled(reminderId);
    await assertDelivered([
      [people.karin.email, 'consent-paused'],
      [people.bo.email, 'consent-paused'],
      [people.sara.email, 'consent-withdrawn'],
    ]);
  });

  it('when a consent runs out, then it takes the same path: the reminder is cancelled and the notices are delivered', async () => {
    await consent(new Date(Date.now() - 60_000));
    const reminderId = await unsentReminder();

    assert.equal(await expireLapsedConsents(new Date(), testConfig().publicBaseUrl), 1);

    assert.equal((await MatchModel.findById(people.matchId).lean())?.state, 'paused');
    await assertCancelled(reminderId);
    await assertDelivered([
      [people.karin.email, 'consent-paused'],
      [people.bo.email, 'consent-paused'],
      [people.sara.email, 'consent-withdrawn'],
    ]);
  });

  it('when the social worker closes the match, then its unsent follow-up reminder is cancelled', async () => {
    const reminderId = await unsentReminder();
    const worker = await loginAs(app, people.sara);

    const closed = await submitForm(
      worker,
      `/sager/${people.requestId}`,
      `/sager/${people.requestId}/match/${people.matchId}/luk`,
      { closeReason: 'goal-reached' },
    );

    assert.equal(closed.status, 303);
    assert.equal((await MatchModel.findById(people.matchId).lean())?.state, 'closed');
    await assertCancelled(reminderId);
  });

  it('when a second consent ends on a match already paused, then nobody gets a second "paused" mail, and the first notices, still unsent, are not cancelled by it', async () => {
    const first = await consent(new Date(Date.now() + 365 * DAY));
    const second = await consent(new Date(Date.now() + 365 * DAY));
    mailServerAway();

    assert.equal(await withdraw(first), true);
    assert.equal((await MatchModel.findById(people.matchId).lean())?.state, 'paused');
    assert.equal(await withdraw(second), true);
    await deliveryIdle();

    const paused = await mailsAbout(people.matchId, ['consent-paused']);
    assert.deepEqual(
      paused.map((mail) => mail.to).sort(),
      [people.karin.email, people.bo.email].sort(),
      `"paused" mails: ${paused.length}`,
    );
    const toWorker = await mailsAbout(people.matchId, ['consent-withdrawn']);
    assert.equal(toWorker.length, 2, `the worker hears of each consent that ends: ${toWorker.length}`);
    const all = [...paused, ...toWorker];
    assert.deepEqual(
      all.map((mail) => mail.status),
      all.map(() => 'pending'),
      `the second ending cancels none of the first one's notices: ${all.map((mail) => mail.status).join()}`,
    );

    await mailServerBack();
    for (const mail of all) assert.ok(await arrived(mail.messageId), `${mail.template} to ${mail.to}`);
  });

  it('when a consent that let them see the child ends before the match is active, then the coordinator and the volunteer are told once that what they see has changed', async () => {
    await MatchModel.updateOne({ _id: people.matchId }, { $set: { state: 'awaiting-consent' } });
    const consentId = await consent(new Date(Date.now() + 365 * DAY));

    assert.equal(await withdraw(consentId), true);

    assert.equal((await MatchModel.findById(people.matchId).lean())?.state, 'awaiting-consent');
    const paused = await mailsAbout(people.matchId, ['consent-paused']);
    assert.equal(paused.length, 0, `"paused" mails about a match that never ran: ${paused.length}`);
    await assertDelivered([
      [people.karin.email, 'consent-changed'],
      [people.bo.email, 'consent-changed'],
      [people.sara.email, 'consent-withdrawn'],
    ]);
  });
});
