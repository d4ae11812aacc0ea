import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { moveMembership } from '../../../src/components/organisations/index.js';
import { loginAs, type Agent } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { createMunicipalAdmin } from '../../helpers/people.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { createVettedMember } from '../../helpers/vetting.js';

/** The count on the administrator's home line that links to `href`. */
async function countOn(agent: Agent, href: string): Promise<number> {
  const home = await agent.get('/overblik');
  assert.equal(home.status, 200);
  const escaped = href.replace(/\//g, '\\/');
  const match = new RegExp(`<a href="${escaped}"><span class="home-item__count">(\\d+)</span>`).exec(
    home.text,
  );
  assert.ok(match, `no line linking to ${href}`);
  return Number(match[1]);
}

const VETTING = '/kommune/rapport/godkendelser';

describe('the report counts kept for the administrator’s home', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let admin: Agent;
  let organisationId: string;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    organisationId = await createOrganisation({ name: 'Forening A', municipalityCode: '0849' });
    await createVettedMember(organisationId, { state: 'vetted' });
    await createVettedMember(organisationId, { state: 'expiring' });
    admin = await loginAs(app, await createMunicipalAdmin());
  });

  it('when a certificate starts running out, then the next home counts it, kept count or not', async () => {
    assert.equal(await countOn(admin, VETTING), 1);
    await createVettedMember(organisationId, { state: 'expiring' });
    assert.equal(await countOn(admin, VETTING), 2);
  });

  it('when a member whose certificate runs out leaves, then the next home no longer counts them', async () => {
    const leaving = await createVettedMember(organisationId, { state: 'expiring' });
    assert.equal(await countOn(admin, VETTING), 2);
    await moveMembership(organisationId, leaving.id, 'left', leaving.id);
    assert.equal(await countOn(admin, VETTING), 1);
  });

  it('when another municipality’s members change, then this home keeps its own count', async () => {
    assert.equal(await countOn(admin, VETTING), 1);
    const copenhagen = await createOrganisation({ name: 'Københavnsk forening', municipalityCode: '0101' });
    await createVettedMember(copenhagen, { state: 'expiring' });
    assert.equal(await countOn(admin, VETTING), 1);
  });
});
