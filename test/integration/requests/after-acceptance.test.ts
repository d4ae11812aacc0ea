import assert from 'node:assert/strict';
import type { Express } from 'express';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { followUpCase, type FollowUpCase } from '../../helpers/followups.js';
import { createOffer } from '../../helpers/offers.js';
import { pageAs } from '../../helpers/people.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

/** The "who, where and when" block of the page, as one line of text. */
function block(html: string): string {
  const start = html.indexOf('class="after-acceptance"');
  assert.ok(start >= 0, 'the block is on the page');
  return html
    .slice(start, html.indexOf('</div>', start))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('after acceptance: who, where and when', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let c: FollowUpCase;

  beforeEach(async () => {
    app = buildTestApp();
    c = await followUpCase('awaiting-consent');
    await UserModel.updateOne({ _id: c.sara.id }, { $set: { name: 'Sara Holm', phone: '72 57 70 00' } });
    const offerId = await createOffer(c.organisationId, {
      title: 'Gymnastik for de 7-10-årige',
      schedule: [{ weekday: 2, from: '16:00', to: '17:00' }],
      address: 'Hallvej 4',
      postcode: '9490',
    });
    await MatchModel.updateOne({ _id: c.matchId }, { $set: { offerId } });
  });

  it('when both sides have accepted, then the coordinator sees the social worker with work phone, the first meeting and the place', async () => {
    const page = await pageAs(app, c.karin, '/forening/forslag');
    assert.equal(page.status, 200);
    const text = block(page.text);
    assert.match(text, /Hvem, hvor og hvornår/);
    assert.match(text, /Ansvarlig socialrådgiver Sara Holm, telefon 72 57 70 00/);
    assert.match(page.text, /href="tel:72 57 70 00"/);
    assert.match(text, /Aktivitet Gymnastik for de 7-10-årige/);
    assert.match(text, /Første møde tirsdag den \d{1,2}\. [a-z]+ \d{4} kl\. 16:00–17:00/);
    assert.match(text, /Sted Hallvej 4, 9490 Pandrup/);
  });

  it('when the social worker has no work phone, then the volunteer is given the e-mail instead; once running, the weekly time', async () => {
    await UserModel.updateOne({ _id: c.sara.id }, { $unset: { phone: 1 } });
    await MatchModel.updateOne({ _id: c.matchId }, { $set: { state: 'active' } });
    const page = await pageAs(app, c.bo, '/frivillig/forslag');
    const text = block(page.text);
    assert.match(text, new RegExp(`Sara Holm, e-mail ${c.sara.email.replace(/\./g, '\\.')}`));
    assert.match(page.text, new RegExp(`href="mailto:${c.sara.email.replace(/\./g, '\\.')}"`));
    assert.match(text, /Mødes tirsdag kl\. 16:00–17:00/);
    assert.doesNotMatch(text, /Første møde/);
    assert.match(text, /Sted Hallvej 4, 9490 Pandrup/);
  });

  it('when the proposal is still waiting for answers or has ended, then nobody is named', async () => {
    await MatchModel.updateOne({ _id: c.matchId }, { $set: { state: 'proposed' } });
    const proposed = await pageAs(app, c.karin, '/forening/forslag');
    assert.doesNotMatch(proposed.text, /class="after-acceptance"/);
    assert.doesNotMatch(proposed.text, /72 57 70 00/);
    await MatchModel.updateOne({ _id: c.matchId }, { $set: { state: 'closed' } });
    const closed = await pageAs(app, c.bo, '/frivillig/forslag');
    assert.doesNotMatch(closed.text, /class="after-acceptance"/);
    assert.doesNotMatch(closed.text, /72 57 70 00/);
  });
});
