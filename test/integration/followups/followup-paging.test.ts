import assert from 'node:assert/strict';
import { addDays, copenhagenDate, FollowUpModel } from '../../../src/components/followups/index.js';
import { createUser, loginAs } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// Handlebars writes "=" in an attribute as "&#x3D;"; the browser reads it back.
const decoded = (html: string) => html.replaceAll('&#x3D;', '=');
const rowsOf = (html: string) =>
  (html.split('<tbody>')[1]?.split('</tbody>')[0] ?? '').split('<tr>').length - 1;

describe('the coordinator’s check-ins, a page at a time', function () {
  this.timeout(60_000);
  useTestDatabase();

  it('when an organisation has more check-ins than a page holds, then plain links lead through every page and back', async () => {
    const organisationId = await createOrganisation();
    const today = copenhagenDate(new Date());
    // 53 past check-ins, one a week back from today, and one still to come (never listed).
    await FollowUpModel.insertMany(
      Array.from({ length: 54 }, (_, index) => ({
        _id: `m${index}:volunteer:regular:1`,
        matchId: `m${index}`,
        requestId: `r${index}`,
        municipalityCode: '0849',
        organisationId,
        volunteerId: `v${index}`,
        audience: 'volunteer',
        kind: 'regular',
        sequence: 1,
        dueOn: addDays(today, 7 - index * 7),
        state: index % 2 ? 'done' : 'open',
      })),
    );
    const karin = await createUser({ roles: [{ role: 'coordinator', organisationId }], totp: true });
    const coordinator = await loginAs(buildTestApp(), karin);

    const first = await coordinator.get('/forening/opfoelgning');
    assert.equal(first.status, 200);
    assert.equal(rowsOf(first.text), 50);
    assert.match(decoded(first.text), /href="\/forening\/opfoelgning\?side=2" rel="next"/);
    assert.doesNotMatch(first.text, /rel="prev"/);

    const second = await coordinator.get('/forening/opfoelgning?side=2');
    assert.equal(second.status, 200);
    assert.equal(rowsOf(second.text), 3, '53 past check-ins: 50 on the first page, 3 on the second');
    assert.match(second.text, /href="\/forening\/opfoelgning" rel="prev"/);
    assert.doesNotMatch(second.text, /rel="next"/);

    assert.equal((await coordinator.get('/forening/opfoelgning?side=x')).status, 400);
  });

  it('when more follow-ups are overdue than a page holds, then the overview pages them and still shows what is due today', async () => {
    const today = copenhagenDate(new Date());
    // 53 overdue (from a week back), one due today, one scheduled next week (never listed).
    const dueOns = [...Array.from({ length: 53 }, (_, index) => addDays(today, -7 - index)), today];
    await FollowUpModel.insertMany(
      [...dueOns, addDays(today, 7)].map((dueOn, index) => ({
        _id: `m${index}:family:regular:1`,
        matchId: `m${index}`,
        requestId: `r${index}`,
        municipalityCode: '0849',
        organisationId: 'org',
        volunteerId: `v${index}`,
        audience: 'family',
        kind: 'regular',
        sequence: 1,
        dueOn,
      })),
    );
    const sara = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      totp: true,
    });
    const worker = await loginAs(buildTestApp(), sara);
    const section = (html: string, id: string) =>
      html.split(`aria-labelledby="${id}"`)[1]!.split('</section>')[0]!;

    const first = await worker.get('/opfoelgning');
    assert.equal(first.status, 200);
    assert.equal(rowsOf(section(first.text, 'overdue-heading')), 50);
    assert.equal(rowsOf(section(first.text, 'due-heading')), 1);
    assert.match(decoded(section(first.text, 'overdue-heading')), /href="\/opfoelgning\?side=2" rel="next"/);

    const second = await worker.get('/opfoelgning?side=2');
    assert.equal(rowsOf(section(second.text, 'overdue-heading')), 3, 'the oldest three');
    assert.match(decoded(section(second.text, 'overdue-heading')), /href="\/opfoelgning" rel="prev"/);
    assert.equal(rowsOf(section(second.text, 'due-heading')), 1, 'what is due today is on every page');
  });
});
