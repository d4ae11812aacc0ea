import assert from 'node:assert/strict';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { isActiveMember } from '../../../src/components/organisations/index.js';
import { vettingStatusFor } from '../../../src/components/vetting/index.js';
import { VettingRecordModel } from '../../../src/components/vetting/vetting-model.js';
import { certificateState, expiresWithin } from '../../../src/components/vetting/vetting-rules.js';
import { readRecord } from '../../../src/components/vetting/vetting-service.js';
import { DEMO_VETTING_STATES, seedDemoVetting } from '../../../src/demo/demo-vetting.js';
import { createUser } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('vetting: demo content', () => {
  useTestDatabase();

  it('when the demo vetting is seeded twice, then each volunteer is a member in their state and nothing doubles', async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    const organisationId = await createOrganisation();
    const coordinator = await createUser({ roles: [{ role: 'coordinator', organisationId }] });
    const entries = await Promise.all(
      DEMO_VETTING_STATES.map(async (state) => ({
        organisationId,
        userId: (await createUser({})).id,
        state,
      })),
    );
    await seedDemoVetting(entries, coordinator.id);
    await seedDemoVetting(entries, coordinator.id);
    assert.equal(await VettingRecordModel.countDocuments(), 4);
    const statuses = new Map(
      (
        await vettingStatusFor(
          entries.map((entry) => entry.userId),
          organisationId,
        )
      ).map((s) => [s.userId, s]),
    );
    const [vetted, waiting, missingTraining, expiring] = entries;
    for (const entry of entries) assert.ok(await isActiveMember(organisationId, entry.userId));
    assert.equal(statuses.get(vetted!.userId)?.vetted, true);
    assert.deepEqual(statuses.get(waiting!.userId)?.missing, ['childCertificate']);
    const waitingRecord = await readRecord(organisationId, waiting!.userId);
    assert.equal(certificateState(waitingRecord!.facts.childCertificate, new Date()), 'ordered');
    assert.deepEqual(statuses.get(missingTraining!.userId)?.missing, ['training']);
    const expiringRecord = await readRecord(organisationId, expiring!.userId);
    assert.equal(expiresWithin(expiringRecord!.facts, new Date()), true);
    assert.equal(statuses.get(expiring!.userId)?.vetted, true);
  });
});
