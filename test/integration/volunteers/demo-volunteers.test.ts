import assert from 'node:assert/strict';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { MembershipModel } from '../../../src/components/organisations/membership-model.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { DEMO_ORGANISATIONS } from '../../../src/demo/demo-content.js';
import { DEMO_VOLUNTEERS, seedDemoVolunteers } from '../../../src/demo/demo-volunteers.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

async function demoOrganisations(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const organisation of DEMO_ORGANISATIONS)
    ids.set(organisation.name, await upsertOrganisation(organisation));
  return ids;
}

describe('demo volunteers', () => {
  useTestDatabase();

  it('when seeded twice, then each volunteer has one profile and at most one membership, and nothing is duplicated', async () => {
    const ids = await demoOrganisations();
    await seedDemoVolunteers(ids);
    await seedDemoVolunteers(ids);
    assert.equal(await UserModel.countDocuments(), DEMO_VOLUNTEERS.length);
    assert.equal(await VolunteerProfileModel.countDocuments(), DEMO_VOLUNTEERS.length);
    assert.equal(await MembershipModel.countDocuments(), DEMO_VOLUNTEERS.filter((v) => v.membership).length);
    assert.equal(await MembershipModel.countDocuments({ status: 'requested' }), 1);
    assert.equal(await VolunteerProfileModel.countDocuments({ status: 'paused' }), 1);
  });

  it('when seeded, then the demo volunteer login has a profile but no organisation, so joining can be tried', async () => {
    await seedDemoVolunteers(await demoOrganisations());
    const sofie = await UserModel.findOne({ email: 'frivillig@demo.brobygning.dk' }).lean();
    assert.ok(sofie);
    assert.equal(await VolunteerProfileModel.countDocuments({ userId: String(sofie._id) }), 1);
    assert.equal(await MembershipModel.countDocuments({ userId: String(sofie._id) }), 0);
  });

  it('when a demo volunteer is named, then it is marked as a demo with a demo address', () => {
    for (const volunteer of DEMO_VOLUNTEERS) {
      assert.match(volunteer.name, /\(demo\)$/);
      assert.match(volunteer.email, /@demo\.brobygning\.dk$/);
    }
  });
});
