import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { moveMembership } from '../../../src/components/organisations/index.js';
import { MembershipModel } from '../../../src/components/organisations/membership-model.js';
import { MembershipStepModel } from '../../../src/components/organisations/membership-step-model.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

const MEMBERS = '/forening/medlemmer';

// FerretDB's updates are read-modify-write without locking; these check that decisions still land once.
describe('membership decisions under concurrency', () => {
  useTestDatabase();
  let app: Express;
  let clubId: string;
  let karin: TestUser;
  let coordinator: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    clubId = await createOrganisation({ name: 'Fjerritslev Gymnastikforening' });
    karin = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    coordinator = await loginAs(app, karin);
  });

  async function volunteerWhoAsked(): Promise<TestUser> {
    const person = await createUser({});
    await addMember(clubId, person.id, 'requested');
    return person;
  }

  const flashAfter = async (agent: Agent) => (await agent.get(MEMBERS)).text;

  it('when two coordinators decide on the same request at once, then one decision lands and the other is told it changed meanwhile', async () => {
    const second = await createUser({ roles: [{ role: 'coordinator', organisationId: clubId }] });
    const coordinator2 = await loginAs(app, second);
    const person = await volunteerWhoAsked();
    const [token1, token2] = [
      csrfFrom((await coordinator.get(MEMBERS)).text),
      csrfFrom((await coordinator2.get(MEMBERS)).text),
    ];
    const responses = await Promise.all([
      coordinator.post(`${MEMBERS}/${person.id}/godkend`).type('form').send({ _csrf: token1 }),
      coordinator2.post(`${MEMBERS}/${person.id}/afvis`).type('form').send({ _csrf: token2 }),
    ]);
    assert.deepEqual(
      responses.map((response) => response.status),
      [303, 303],
    );
    const membership = await MembershipModel.findOne({ organisationId: clubId, userId: person.id }).lean();
    assert.equal(membership?.history.length, 2, 'exactly one decision after the request');
    const pages = [await flashAfter(coordinator), await flashAfter(coordinator2)];
    assert.equal(pages.filter((page) => /ændret af en anden imens/.test(page)).length, 1);
  });

  it('when a change was claimed but the process died before applying it, then the next change applies it first', async () => {
    const person = await volunteerWhoAsked();
    // Step 1 (after the request) was claimed as an approval and never written to the membership.
    await MembershipStepModel.create({
      organisationId: clubId,
      userId: person.id,
      step: 1,
      status: 'active',
      by: karin.id,
      at: new Date(),
    });
    await moveMembership(clubId, person.id, 'left', person.id);
    const membership = await MembershipModel.findOne({ organisationId: clubId, userId: person.id }).lean();
    assert.deepEqual(
      membership?.history.map((event) => event.status),
      ['requested', 'active', 'left'],
    );
  });
});
