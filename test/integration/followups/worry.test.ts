import assert from 'node:assert/strict';
import type { Express } from 'express';
import { FollowUpModel, FollowUpPlanModel } from '../../../src/components/followups/index.js';
import { followUpHomeItems } from '../../../src/components/followups/followup-home.js';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { MunicipalityModel } from '../../../src/components/municipalities/municipality-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { loginAs, submitForm, type Agent } from '../../helpers/accounts.js';
import { followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const WORRY = {
  meetings: '2',
  goes: '3',
  wellbeing: '2',
  worry: 'yes',
  worryText: 'Han siger, han ikke sover om natten.',
  wishContinue: 'yes',
};

/** A check-in of the case's volunteer, due today. */
async function checkInOf(c: FollowUpCase, sequence = 1): Promise<string> {
  const _id = `${c.matchId}:volunteer:regular:${sequence}`;
  await FollowUpModel.create({
    _id,
    matchId: c.matchId,
    requestId: c.requestId,
    municipalityCode: '0849',
    organisationId: c.organisationId,
    volunteerId: c.bo.id,
    audience: 'volunteer',
    kind: 'regular',
    sequence,
    dueOn: new Date().toISOString().slice(0, 10),
  });
  await FollowUpPlanModel.updateOne(
    { _id: c.matchId },
    { $setOnInsert: { municipalityCode: '0849', requestId: c.requestId, activeOn: '2026-01-01' } },
    { upsert: true },
  );
  return _id;
}

const home = (c: FollowUpCase) =>
  followUpHomeItems({ userId: c.sara.id, role: 'social-worker', municipalityCode: '0849' });
const worryLine = async (c: FollowUpCase) =>
  (await home(c)).find((item) => item.labelKey === 'worry.home.unhandled')?.count ?? 0;

describe('a worry is followed through', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let c: FollowUpCase;

  beforeEach(async () => {
    app = buildTestApp();
    c = await followUpCase('active');
    await UserModel.updateOne({ _id: c.sara.id }, { $set: { name: 'Sara Holm' } });
  });

  const answerWithWorry = async (volunteer: Agent, id: string) => {
    const path = `/frivillig/opfoelgning/${id}`;
    return submitForm(volunteer, path, path, WORRY);
  };

  it('when a volunteer reports a worry, then they see at once that the responsible social worker was told, 112 and the after-hours number', async () => {
    await MunicipalityModel.updateOne({ code: '0849' }, { $set: { afterHoursPhone: '72 57 77 77' } });
    const id = await checkInOf(c);
    const volunteer = await loginAs(app, c.bo);
    const sent = await answerWithWorry(volunteer, id);
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.location, `/frivillig/opfoelgning/${id}`);
    const page = await volunteer.get(sent.headers.location);
    assert.equal(page.status, 200);
    assert.match(page.text, /Tak! Dit svar er sendt/);
    assert.match(page.text, /Din bekymring er sendt/);
    assert.match(page.text, /Vi har givet besked til Sara Holm, som er socialrådgiver/);
    assert.match(page.text, /Er et barn i fare lige nu\?/);
    assert.match(page.text, /<a href="tel:112">112<\/a>/);
    assert.match(page.text, /kommunens vagttelefon: <a href="tel:72 57 77 77">72 57 77 77<\/a>/);
  });

  it('when the municipality has no after-hours number, then the volunteer is told 112 only', async () => {
    const id = await checkInOf(c);
    const volunteer = await loginAs(app, c.bo);
    const page = await volunteer.get((await answerWithWorry(volunteer, id)).headers.location);
    assert.match(page.text, /<a href="tel:112">112<\/a>/);
    assert.doesNotMatch(page.text, /vagttelefon/);
  });

  it('when a volunteer answers without a worry, then they go back to their list as before', async () => {
    const id = await checkInOf(c);
    const volunteer = await loginAs(app, c.bo);
    const path = `/frivillig/opfoelgning/${id}`;
    const sent = await submitForm(volunteer, path, path, { ...WORRY, worry: 'no', worryText: '' });
    assert.equal(sent.headers.location, '/frivillig/opfoelgning');
  });

  it('when the social worker records what was done, then it is stored once, audited without the note or the child, and leaves the home count', async () => {
    const id = await checkInOf(c);
    await answerWithWorry(await loginAs(app, c.bo), id);
    assert.equal(await worryLine(c), 1);
    const worker = await loginAs(app, c.sara);
    const path = `/opfoelgning/${id}`;

    const nothingChosen = await submitForm(worker, path, `${path}/bekymring`, { note: 'Ringede.' });
    assert.equal(nothingChosen.status, 400);
    assert.match(
      nothingChosen.text,
      /id="actions-error"[^<]*<span[^>]*>[^<]*<\/span> Vælg mindst én handling/,
    );
    assert.match(nothingChosen.text, />Ringede\.<\/textarea>/, 'the note is kept');

    // Reading the worry is not handling it.
    await submitForm(worker, path, `${path}/set`);
    assert.equal(await worryLine(c), 1, 'read, not yet handled');

    const note = 'Talt med mor i telefon; aftalt møde fredag.';
    const saved = await submitForm(worker, path, `${path}/bekymring`, {
      actions: ['talked-family', 'notification'],
      note,
    } as unknown as Record<string, string>);
    assert.equal(saved.status, 303);
    const stored = await FollowUpModel.findById(id).lean();
    assert.deepEqual(stored?.worryActions, ['talked-family', 'notification']);
    assert.equal(stored?.worryNote, note);
    assert.equal(stored?.worryHandledBy, c.sara.id);
    assert.equal(await worryLine(c), 0, 'handled worries leave the home line');

    const audits = await AuditEventModel.find({ action: 'followup.worry-handled' }).lean();
    assert.equal(audits.length, 1);
    assert.equal(audits[0]?.objectId, id);
    assert.deepEqual((audits[0]?.details as { actions: string[] }).actions, [
      'talked-family',
      'notification',
    ]);
    const written = JSON.stringify(audits[0]);
    assert.doesNotMatch(written, /mor i telefon/, 'never the note');
    assert.doesNotMatch(written, /"E\."|ikke sover/, 'never the child nor the worry');

    const page = await worker.get(path);
    assert.match(page.text, /Håndteret .* af Sara Holm:/);
    assert.match(page.text, /Talt med familien/);
    assert.match(page.text, /Underretning oprettet/);
    assert.doesNotMatch(page.text, /action="\/opfoelgning\/[^"]+\/bekymring"/, 'recorded once: no form');

    const again = await worker
      .post(`${path}/bekymring`)
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1], actions: 'no-action' });
    assert.equal(again.status, 303);
    assert.deepEqual((await FollowUpModel.findById(id).lean())?.worryActions, [
      'talked-family',
      'notification',
    ]);
    assert.equal(await AuditEventModel.countDocuments({ action: 'followup.worry-handled' }), 1);
  });

  it('when two worries are open and one is handled, then the home line counts the other', async () => {
    const first = await checkInOf(c, 1);
    const second = await checkInOf(c, 2);
    const volunteer = await loginAs(app, c.bo);
    await answerWithWorry(volunteer, first);
    await answerWithWorry(volunteer, second);
    assert.equal(await worryLine(c), 2);
    const worker = await loginAs(app, c.sara);
    await submitForm(worker, `/opfoelgning/${first}`, `/opfoelgning/${first}/bekymring`, {
      actions: 'no-action',
    });
    assert.equal(await worryLine(c), 1);
    const overview = await worker.get('/opfoelgning');
    assert.match(overview.text, /Bekymringer, der ikke er håndteret/);
    assert.equal(overview.text.match(/href="\/opfoelgning\/[^"]+:volunteer:regular:\d"/g)?.length, 1);
  });
});
