import assert from 'node:assert/strict';
import { grantRole, revokeRole } from '../../../src/components/accounts/index.js';
import { UserModel } from '../../../src/components/accounts/user-model.js';
import { createUser } from '../../helpers/accounts.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const context = {
  origin: { ip: '127.0.0.1', userAgent: 'test', requestId: 'r1' },
  baseUrl: 'http://localhost',
  language: 'da' as const,
};
const organisation = (n: number) => `${'0'.repeat(23)}${n}`;

// FerretDB's updates do not lock: these run the real race against the real engine.
describe('role grants under concurrency', function () {
  this.timeout(60_000);
  useTestDatabase();

  it('when eight coordinator roles are granted to one person at once, then all eight are kept', async () => {
    const user = await createUser({});
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        grantRole(user.id, { role: 'coordinator', organisationId: organisation(n + 1) }, context, 'admin'),
      ),
    );
    const stored = await UserModel.findById(user.id).lean();
    const organisations = stored!.roles
      .filter((grant) => grant.role === 'coordinator')
      .map((g) => g.organisationId);
    assert.deepEqual(
      organisations.sort(),
      Array.from({ length: 8 }, (_, n) => organisation(n + 1)),
    );
    assert.equal(stored!.writeVersion, 8);
  });

  it('when roles are granted and revoked at once, then every change lands and the sessions end for the revocations', async () => {
    const user = await createUser({
      roles: [
        { role: 'volunteer' },
        ...[1, 2, 3].map((n) => ({ role: 'coordinator' as const, organisationId: organisation(n) })),
      ],
    });
    const before = await UserModel.findById(user.id).lean();
    await Promise.all([
      ...[1, 2, 3].map((n) =>
        revokeRole(user.id, { role: 'coordinator', organisationId: organisation(n) }, 'admin', context),
      ),
      ...[4, 5, 6].map((n) =>
        grantRole(user.id, { role: 'coordinator', organisationId: organisation(n) }, context, 'admin'),
      ),
    ]);
    const stored = await UserModel.findById(user.id).lean();
    assert.deepEqual(
      stored!.roles.map((grant) => grant.organisationId ?? grant.role).sort(),
      [organisation(4), organisation(5), organisation(6), 'volunteer'].sort(),
    );
    assert.notEqual(stored!.sessionEpoch, before!.sessionEpoch);
  });
});
