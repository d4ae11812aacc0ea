import assert from 'node:assert/strict';
import type { Express } from 'express';
import { ConsentVersionModel } from '../../../src/components/consent/consent-model.js';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { loginAs, submitForm, type Agent } from '../../helpers/accounts.js';
import { recordConsentThroughForm } from '../../helpers/consent.js';
import { followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { requestFields } from '../../helpers/matching.js';
import { decodeHtml } from '../../helpers/reporting.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// What a person cannot see: NUL, a right-to-left override, a zero-width space, a byte order mark.
const HIDDEN = '\u0000\u202e\u200b\ufeff';

describe('dates and hidden characters as the forms receive them', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let c: FollowUpCase;
  let sara: Agent;

  beforeEach(async () => {
    app = buildTestApp();
    c = await followUpCase('awaiting-consent');
    sara = await loginAs(app, c.sara);
  });

  it('when a consent is valid until 30 February, then the form says the day does not exist and nothing is stored', async () => {
    const refused = await recordConsentThroughForm(sara, c.requestId, c.matchId, {
      validUntil: '2027-02-30',
    });
    assert.equal(refused.status, 400, `answered ${refused.status}`);
    assert.match(decodeHtml(refused.text), /Datoen findes ikke – skriv en rigtig dato som 2027-02-28/);
    assert.equal(await ConsentVersionModel.countDocuments(), 0);

    const recorded = await recordConsentThroughForm(sara, c.requestId, c.matchId, {
      validUntil: '2027-02-28',
    });
    assert.equal(recorded.status, 200, `answered ${recorded.status}`);
    const stored = await ConsentVersionModel.findOne().lean();
    assert.equal(stored?.validUntil.toISOString(), '2027-02-28T12:00:00.000Z');
  });

  it('when the consent form is shown, then each date field says how to write a date', async () => {
    const page = await sara.get(`/sager/${c.requestId}/match/${c.matchId}/samtykke`);
    for (const field of ['givenAt', 'validUntil']) {
      assert.match(page.text, new RegExp(`id="${field}-format">Skriv datoen som år-måned-dag`), field);
      assert.match(page.text, new RegExp(`id="${field}"[^>]*aria-describedby="[^"]*${field}-format`), field);
    }
  });

  it('when a worry or a skip reason carries hidden characters, then they are stored without them', async () => {
    const followUp = async (sequence: number) => {
      const id = `${c.matchId}:family:regular:${sequence}`;
      await FollowUpModel.create({
        _id: id,
        matchId: c.matchId,
        requestId: c.requestId,
        municipalityCode: '0849',
        organisationId: c.organisationId,
        volunteerId: c.bo.id,
        audience: 'family',
        kind: 'regular',
        sequence,
        dueOn: '2026-01-19',
      });
      return `/opfoelgning/${id}`;
    };
    const answered = await followUp(1);
    const sent = await submitForm(sara, answered, answered, {
      meetings: '3',
      goes: '4',
      wellbeing: '2',
      worry: 'yes',
      worryText: `Mor${HIDDEN} er bekymret.\nHan sover dårligt.`,
      wishContinue: 'yes',
    });
    assert.equal(sent.status, 303, `answered ${sent.status}`);
    const skipped = await followUp(2);
    const skip = await submitForm(sara, skipped, `${skipped}/spring-over`, {
      reason: `Familien${HIDDEN} er flyttet`,
    });
    assert.equal(skip.status, 303, `answered ${skip.status}`);
    const stored = await FollowUpModel.find({ matchId: c.matchId }).sort({ sequence: 1 }).lean();
    assert.equal(stored[0]?.answers?.worryText, 'Mor er bekymret.\nHan sover dårligt.');
    assert.equal(stored[1]?.skipReason, 'Familien er flyttet');
  });

  it('when a case reference carries a right-to-left override, then the form asks for it again and nothing is stored', async () => {
    const before = await RequestModel.countDocuments();
    const response = await submitForm(
      sara,
      '/sager/ny',
      '/sager/ny',
      requestFields({ caseRef: 'SAG-\u202e2026-77' }),
    );
    assert.equal(response.status, 400, `answered ${response.status}`);
    assert.match(decodeHtml(response.text), /Feltet indeholder usynlige tegn eller styretegn/);
    assert.equal(await RequestModel.countDocuments(), before);
  });
});
