import assert from 'node:assert/strict';
import { MatchModel } from '../../../src/components/requests/match-model.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { seedDemoRequests } from '../../../src/demo/demo-requests.js';
import { createUser } from '../../helpers/accounts.js';
import { createSocialWorker } from '../../helpers/matching.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('demo requests', () => {
  useTestDatabase();

  it('when the demo is seeded twice, then there are three requests in three states and nothing doubles', async () => {
    const worker = await createSocialWorker();
    const organisationId = await createOrganisation();
    const volunteer = await createUser({});
    await addMember(organisationId, volunteer.id);
    const people = {
      municipalityCode: '0849',
      socialWorkerId: worker.id,
      proposed: { organisationId, volunteerId: volunteer.id },
      matched: { organisationId, volunteerId: volunteer.id },
    };
    const first = await seedDemoRequests(people);
    const second = await seedDemoRequests(people);
    assert.deepEqual(second, first);
    assert.equal(await RequestModel.countDocuments(), 3);
    const matches = await MatchModel.find().lean();
    assert.deepEqual(matches.map((match) => match.state).sort(), ['active', 'proposed']);
    assert.equal(
      await MatchModel.countDocuments({ requestId: first[0] }),
      0,
      'the open request has no proposal',
    );
    const requests = await RequestModel.find().lean();
    assert.ok(
      requests.every((request) => request.responsibleId === worker.id && request.municipalityCode === '0849'),
    );
  });
});
