import assert from 'node:assert/strict';
import { findProfile, listProfiles } from '../../../src/components/volunteers/index.js';
import { VolunteerProfileModel } from '../../../src/components/volunteers/volunteer-model.js';
import { createUser } from '../../helpers/accounts.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createProfile } from '../../helpers/volunteers.js';

describe('profile queries for matching', () => {
  useTestDatabase();

  it('when profiles are listed by municipality, status and a lat/lon box, then only those inside are returned', async () => {
    const near = await createUser({});
    const paused = await createUser({});
    const far = await createUser({});
    await createProfile(near.id);
    await createProfile(paused.id, { status: 'paused' });
    await createProfile(far.id);
    await VolunteerProfileModel.updateOne(
      { userId: far.id },
      { $set: { lat: 55.68, lon: 12.57, municipalityCode: '0101' } },
    );

    const box = { minLat: 57, maxLat: 57.5, minLon: 9.4, maxLon: 9.9 };
    const found = await listProfiles({ municipalityCode: '0849', status: 'active', box });
    assert.deepEqual(
      found.map((profile) => profile.userId),
      [near.id],
    );
    assert.equal((await listProfiles({ box })).length, 2);
    assert.equal((await listProfiles({ municipalityCode: '0101' }))[0]?.userId, far.id);
  });

  it('when a person has no profile, then findProfile says so', async () => {
    const person = await createUser({});
    assert.equal(await findProfile(person.id), undefined);
    await createProfile(person.id);
    assert.equal((await findProfile(person.id))?.maxChildren, 1);
  });

  it('when a second profile is written for the same person, then the unique index refuses it', async () => {
    const person = await createUser({});
    await createProfile(person.id);
    await assert.rejects(createProfile(person.id), { code: 11000 });
  });
});
