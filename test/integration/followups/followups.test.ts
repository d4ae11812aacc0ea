import assert from 'node:assert/strict';
import type { Express } from 'express';
import {
  addDays,
  copenhagenDate,
  FollowUpModel,
  FollowUpPlanModel,
} from '../../../src/components/followups/index.js';
import { followUpJobs } from '../../../src/components/followups/followups-jobs.js';
import { registerEligibilityCheck } from '../../../src/components/requests/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { runJob, type JobDefinition } from '../../../src/shared/jobs/index.js';
import { OutboxMessageModel } from '../../../src/shared/mail/index.js';
import { createUser, csrfFrom, loginAs, submitForm } from '../../helpers/accounts.js';
import { consentPage, recordConsentThroughForm, storeConsent } from '../../helpers/consent.js';
import { followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { latestMailTo, pathOf } from '../../helpers/mail.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const DAY = 86_400_000;
const jobs = new Map(followUpJobs('https://brobygning.test').map((job) => [job.name, job]));
const job = (name: string): JobDefinition => jobs.get(name)!;
/** Noon in Copenhagen on a given date, as the injected clock. */
const noonOn = (on: string) => new Date(`${on}T11:00:00Z`);

const ANSWERS = { meetings: '3', goes: '4', wellbeing: '4', worry: 'no', wishContinue: 'yes' };

describe('follow-ups', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let c: FollowUpCase;

  beforeEach(() => {
    app = buildTestApp();
  });

  it('when the family consent makes a match active, then both sides get their first follow-up within 14 days, at once', async () => {
    c = await followUpCase('awaiting-consent');
    // Eligibility has tests of its own; here the adult is taken as eligible.
    registerEligibilityCheck(async () => undefined);
    const agent = await loginAs(app, c.sara);
    const recorded = await recordConsentThroughForm(agent, c.requestId, c.matchId);
    assert.equal(recorded.status, 200, 'the receipt');
    const response = await submitForm(
      agent,
      consentPage(c.requestId, c.matchId),
      `/sager/${c.requestId}/match/${c.matchId}/aktiver`,
    );
    assert.equal(response.status, 303);
    const planned = await FollowUpModel.find({ matchId: c.matchId }).lean();
    const today = copenhagenDate(new Date());
    assert.deepEqual(
      planned.map((followUp) => [followUp.audience, followUp.sequence, followUp.dueOn]).sort(),
      [
        ['family', 1, addDays(today, 14)],
        ['volunteer', 1, addDays(today, 14)],
      ],
    );
  });

  it("when a match's first year passes (injected clock, daily planning), then the plan is 14 days, every 4 weeks, then 12 weeks, each once", async () => {
    const start = '2026-01-05';
    c = await followUpCase('active', noonOn(start));
    for (let day = 0; day <= 400; day += 3) {
      await runJob(job('followups:plan'), { now: noonOn(addDays(start, day)) });
    }
    // Run the same day twice more on purpose: nothing new appears.
    await runJob(job('followups:plan'), { now: noonOn(addDays(start, 400)) });
    const volunteer = (await FollowUpModel.find({ matchId: c.matchId, audience: 'volunteer' }).lean())
      .sort((a, b) => a.sequence - b.sequence)
      .map((followUp) => followUp.dueOn);
    const expected = ['2026-01-19'];
    while (expected.at(-1)! < '2027-01-05') expected.push(addDays(expected.at(-1)!, 28));
    expected.push(addDays(expected.at(-1)!, 84));
    while (expected.at(-1)! <= addDays(start, 400)) expected.push(addDays(expected.at(-1)!, 84));
    assert.deepEqual(volunteer, expected);
    assert.equal(
      await FollowUpModel.countDocuments({ matchId: c.matchId, audience: 'family' }),
      expected.length,
    );
  });

  it('when the volunteer answers with a worry from the e-mail link, then the social worker gets a mail at once and a flag, the coordinator never sees the answers', async () => {
    const start = copenhagenDate(new Date(Date.now() - 20 * DAY));
    c = await followUpCase('active', noonOn(start));
    await runJob(job('followups:plan'), { now: new Date() });
    await runJob(job('followups:reminders'), { now: new Date() });
    const reminder = await latestMailTo(c.bo.email);
    assert.equal(reminder?.template, 'followup-checkin-reminder');
    const formPath = pathOf(reminder!.link!);
    assert.match(formPath, /^\/frivillig\/opfoelgning\/[0-9a-f]{24}:volunteer:regular:1$/);

    const volunteer = await loginAs(app, c.bo);
    const badNumber = await submitForm(volunteer, formPath, formPath, { ...ANSWERS, meetings: 'mange' });
    assert.equal(badNumber.status, 400, 'bad input shows the form again');
    assert.match(badNumber.text, /Skriv et tal fra 0 til 31/);
    const worryWithoutText = await submitForm(volunteer, formPath, formPath, { ...ANSWERS, worry: 'yes' });
    assert.equal(worryWithoutText.status, 400);
    assert.match(worryWithoutText.text, /Skriv kort, hvad der bekymrer dig/);

    const sent = await submitForm(volunteer, formPath, formPath, {
      ...ANSWERS,
      wellbeing: '2',
      worry: 'yes',
      worryText: 'Han virker trist og siger, han ikke sover.',
    });
    assert.equal(sent.status, 303);
    const mail = await latestMailTo(c.sara.email);
    assert.equal(mail?.template, 'followup-worry');
    assert.doesNotMatch(mail!.text, /trist/, 'the worry itself stays on the team page');
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'followup.answered', objectType: 'follow-up' }),
      1,
    );

    const worker = await loginAs(app, c.sara);
    const overview = await worker.get('/opfoelgning');
    assert.match(overview.text, /Bekymring om E\./);
    const followUpPage = await worker.get(pathOf(mail!.link!));
    assert.match(followUpPage.text, /Han virker trist/);

    const again = await submitForm(volunteer, formPath, formPath, ANSWERS);
    assert.equal(again.status, 303);
    assert.equal(await OutboxMessageModel.countDocuments({ template: 'followup-worry' }), 1, 'answered once');

    const coordinator = await loginAs(app, c.karin);
    const orgPage = await coordinator.get('/forening/opfoelgning');
    assert.equal(orgPage.status, 200);
    assert.match(orgPage.text, /gennemført/);
    assert.doesNotMatch(orgPage.text, /trist/);
    assert.equal((await coordinator.get(pathOf(mail!.link!))).status, 404);

    const otherWorker = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0101' }],
      totp: true,
    });
    assert.equal((await (await loginAs(app, otherWorker)).get(pathOf(mail!.link!))).status, 404);
    const otherVolunteer = await loginAs(app, await createUser({}));
    assert.equal((await otherVolunteer.get(formPath)).status, 404);

    const seen = await worker
      .post(`${pathOf(mail!.link!)}/set`)
      .type('form')
      .send({ _csrf: csrfFrom(followUpPage.text) });
    assert.equal(seen.status, 303);
    assert.match((await worker.get('/opfoelgning')).text, /Bekymring om E\./, 'read is not yet handled');
    const handled = await submitForm(worker, pathOf(mail!.link!), `${pathOf(mail!.link!)}/bekymring`, {
      actions: 'talked-volunteer',
    });
    assert.equal(handled.status, 303);
    assert.doesNotMatch((await worker.get('/opfoelgning')).text, /Bekymring om E\./);

    const history = await worker.get(`/opfoelgning/forloeb/${c.matchId}`);
    assert.match(history.text, /<svg role="img"/);
    assert.match(history.text, /<caption>Svarene over tid<\/caption>/);
  });

  it('when a follow-up is due, then its assignee is reminded once; 7 days overdue the social worker is told once; two missed in a row flag the match', async () => {
    const start = '2026-01-05';
    c = await followUpCase('active', noonOn(start));
    await runJob(job('followups:plan'), { now: noonOn(start) });
    const firstDue = '2026-01-19';
    assert.equal((await runJob(job('followups:reminders'), { now: noonOn('2026-01-18') })).items, 0);
    assert.equal((await runJob(job('followups:reminders'), { now: noonOn(firstDue) })).items, 2);
    assert.equal((await runJob(job('followups:reminders'), { now: noonOn(firstDue) })).items, 0);
    assert.equal(
      await OutboxMessageModel.countDocuments({ to: c.bo.email, template: 'followup-checkin-reminder' }),
      1,
    );
    assert.equal(
      await OutboxMessageModel.countDocuments({ to: c.sara.email, template: 'followup-family-reminder' }),
      1,
    );

    assert.equal(
      (await runJob(job('followups:escalations'), { now: noonOn(addDays(firstDue, 6)) })).items,
      0,
    );
    assert.equal(
      (await runJob(job('followups:escalations'), { now: noonOn(addDays(firstDue, 7)) })).items,
      2,
    );
    await runJob(job('followups:escalations'), { now: noonOn(addDays(firstDue, 8)) });
    assert.equal(
      await OutboxMessageModel.countDocuments({ to: c.sara.email, template: 'followup-escalation' }),
      2,
    );
    assert.equal(
      (await FollowUpPlanModel.findById(c.matchId).lean())?.missedFlagAt,
      undefined,
      'one missed is no flag',
    );

    const secondDue = addDays(firstDue, 28);
    await runJob(job('followups:plan'), { now: noonOn(secondDue) });
    await runJob(job('followups:escalations'), { now: noonOn(addDays(secondDue, 7)) });
    assert.ok((await FollowUpPlanModel.findById(c.matchId).lean())?.missedFlagAt, 'two missed in a row');
  });

  it('when the match is paused and resumed, then the open follow-up waits and moves on by the paused days; closing plans a closing follow-up', async () => {
    c = await followUpCase('active', new Date());
    // Resuming passes the consent gate and the eligibility re-check, which have tests of their own.
    registerEligibilityCheck(async () => undefined);
    await storeConsent({
      requestId: c.requestId,
      matchId: c.matchId,
      organisationId: c.organisationId,
      volunteerId: c.bo.id,
      recordedBy: c.sara.id,
      validUntil: new Date(Date.now() + 365 * DAY),
    });
    const agent = await loginAs(app, c.sara);
    await runJob(job('followups:plan'), { now: new Date() });
    const before = await FollowUpModel.findById(`${c.matchId}:volunteer:regular:1`).lean();
    const post = (segment: string, fields: Record<string, string> = {}) =>
      submitForm(
        agent,
        `/sager/${c.requestId}`,
        `/sager/${c.requestId}/match/${c.matchId}/${segment}`,
        fields,
      );
    assert.equal((await post('pause')).status, 303);
    assert.ok((await FollowUpModel.findById(before!._id).lean())?.pausedOn, 'paused with the match');
    // The pause began ten days ago: the follow-up moves on by ten days when the match resumes.
    const pausedOn = addDays(copenhagenDate(new Date()), -10);
    await FollowUpPlanModel.updateOne({ _id: c.matchId }, { $set: { pausedOn } });
    await FollowUpModel.updateOne({ _id: before!._id }, { $set: { pausedOn } });
    assert.equal((await post('genoptag')).status, 303);
    const after = await FollowUpModel.findById(before!._id).lean();
    assert.equal(after?.dueOn, addDays(before!.dueOn, 10));
    assert.equal(after?.pausedOn, undefined);
    assert.equal((await FollowUpPlanModel.findById(c.matchId).lean())?.pausedDays, 10);

    assert.equal((await post('luk', { closeReason: 'goal-reached' })).status, 303);
    assert.equal((await FollowUpModel.findById(before!._id).lean())?.state, 'cancelled');
    const closing = await FollowUpModel.findById(`${c.matchId}:family:closing:1`).lean();
    assert.equal(closing?.dueOn, addDays(copenhagenDate(new Date()), 30));
  });
});
