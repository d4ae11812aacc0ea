import assert from 'node:assert/strict';
import type { Express } from 'express';
import { ConsentVersionModel } from '../../../src/components/consent/consent-model.js';
import { consentHomeItems } from '../../../src/components/consent/consent-home.js';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { seedDemoConsent } from '../../../src/demo/demo-consent.js';
import { seedDemoRequests } from '../../../src/demo/demo-requests.js';
import { createUser, loginAs } from '../../helpers/accounts.js';
import { createSocialWorker } from '../../helpers/matching.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('demo consent', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
  });

  it('when seeded twice, then one match awaits consent, one is active with both guardians, one is paused by the family, and nothing doubles', async () => {
    const worker = await createSocialWorker();
    const organisationId = await createOrganisation();
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    const adults = await Promise.all([createUser({}), createUser({}), createUser({})]);
    for (const adult of adults) await addMember(organisationId, adult.id);
    const [active, awaiting, paused] = adults.map((adult) => ({ organisationId, volunteerId: adult.id }));
    const people = {
      municipalityCode: '0849',
      socialWorkerId: worker.id,
      proposed: active!,
      matched: active!,
    };
    for (let run = 0; run < 2; run += 1) {
      const [, , activeRequestId] = await seedDemoRequests(people);
      await seedDemoConsent({
        municipalityCode: '0849',
        socialWorkerId: worker.id,
        activeRequestId: activeRequestId!,
        activeAdult: active!,
        awaitingAdult: awaiting!,
        pausedAdult: paused!,
      });
    }
    const byState = async (state: 'active' | 'awaiting-consent' | 'paused') =>
      MatchModel.find({ state }).lean();
    assert.equal((await byState('awaiting-consent')).length, 1);
    assert.equal((await byState('paused')).length, 1);
    const [activeMatch] = await byState('active');
    const guardians = await ConsentVersionModel.find({ matchId: String(activeMatch!._id) }).lean();
    assert.deepEqual(guardians.map((version) => [version.initials, version.custody]).sort(), [
      ['JH', 'joint'],
      ['KH', 'joint'],
    ]);
    const pausedVersions = await ConsentVersionModel.find({
      matchId: String((await byState('paused'))[0]!._id),
    }).lean();
    assert.deepEqual(pausedVersions.map((version) => [version.version, version.withdrawal?.how]).sort(), [
      [1, undefined],
      [2, 'link'],
    ]);
    // The organisation sees the active child (both guardians agreed), but not the others.
    const page = (await (await loginAs(app, coordinator)).get('/forening/forslag')).text;
    assert.match(page, /Jonas/);
    assert.doesNotMatch(page, /Ida|Liva/);
    // The demo social worker's home lists the waiting match and the withdrawal.
    const items = await consentHomeItems({
      userId: worker.id,
      role: 'social-worker',
      municipalityCode: '0849',
    });
    assert.deepEqual(
      items.map((item) => [item.labelKey, item.count]),
      [
        ['consent.home.awaiting', 1],
        ['consent.home.withdrawn', 1],
      ],
    );
  });
});
