import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities, onboardMunicipality } from '../../../src/components/municipalities/index.js';
import { upsertOrganisation } from '../../../src/components/organisations/index.js';
import { DeclarationModel } from '../../../src/components/vetting/declaration-model.js';
import { currentYear } from '../../../src/components/vetting/declaration-service.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { createUser, loginAs } from '../../helpers/accounts.js';
import { createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';
import { postRaw } from '../../helpers/vetting.js';

const PAGE = '/forening/erklaering';

describe('vetting: the yearly børneattest declaration', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;

  beforeEach(async () => {
    await importMunicipalities();
    await onboardMunicipality('0849');
    await onboardMunicipality('0101');
    app = buildTestApp();
  });

  const coordinatorOf = async (organisationId: string) =>
    loginAs(app, await createUser({ roles: [{ role: 'coordinator', organisationId }] }));
  const adminOf = async (municipalityCode: string) =>
    loginAs(app, await createUser({ roles: [{ role: 'municipal-admin', municipalityCode }], totp: true }));

  it('when an association confirms, then it is declared for this year, to 31 December, once, audited', async () => {
    const organisationId = await createOrganisation();
    const agent = await coordinatorOf(organisationId);
    const unticked = await postRaw(agent, PAGE, PAGE);
    assert.equal(unticked.status, 400);
    assert.match(unticked.text, /id="confirm-error"/);
    assert.equal((await postRaw(agent, PAGE, PAGE, 'confirm=yes')).status, 303);
    assert.equal((await postRaw(agent, PAGE, PAGE, 'confirm=yes')).status, 303);
    const declarations = await DeclarationModel.find({ organisationId }).lean();
    assert.equal(declarations.length, 1);
    assert.equal(declarations[0]!.year, currentYear());
    assert.equal(declarations[0]!.validUntil.toISOString(), `${currentYear()}-12-31T22:59:59.999Z`);
    assert.equal(
      await AuditEventModel.countDocuments({ action: 'vetting.declared', objectId: organisationId }),
      1,
    );
    assert.match((await agent.get(PAGE)).text, new RegExp(`Erklæret for ${currentYear()}`));
  });

  it('when the organisation is not an association, then the page explains and nothing can be declared', async () => {
    const business = await upsertOrganisation({
      name: 'Tømrerfirmaet',
      kind: 'business',
      description: 'En virksomhed.',
      postcode: '9490',
      municipalityCodes: ['0849'],
      status: 'approved',
    });
    const agent = await coordinatorOf(business);
    const page = await agent.get(PAGE);
    assert.match(page.text, /gælder kun folkeoplysende foreninger/);
    assert.doesNotMatch(page.text, /name="confirm"/);
    assert.equal((await postRaw(agent, PAGE, PAGE, 'confirm=yes')).status, 303);
    assert.equal(await DeclarationModel.countDocuments(), 0);
  });

  it('when a hidden year or organisationId is posted, then the form is refused as tampered', async () => {
    const agent = await coordinatorOf(await createOrganisation());
    assert.equal((await postRaw(agent, PAGE, PAGE, 'confirm=yes&year=2020')).status, 400);
    assert.equal((await postRaw(agent, PAGE, PAGE, 'confirm=yes&organisationId=x')).status, 400);
    assert.equal(await DeclarationModel.countDocuments(), 0);
  });

  it('when the municipality looks, then it sees its own associations with declared yes/no per year, nothing from elsewhere', async () => {
    const declared = await createOrganisation({ name: 'Erklæret IF' });
    await createOrganisation({ name: 'Tavs Boldklub' });
    const elsewhere = await createOrganisation({ name: 'Københavnsk Klub', municipalityCode: '0101' });
    await postRaw(await coordinatorOf(declared), PAGE, PAGE, 'confirm=yes');
    await postRaw(await coordinatorOf(elsewhere), PAGE, PAGE, 'confirm=yes');

    const admin = await adminOf('0849');
    const list = await admin.get('/kommune/erklaeringer');
    assert.equal(list.status, 200);
    assert.match(list.text, /Erklæret IF/);
    assert.match(list.text, /Tavs Boldklub/);
    assert.doesNotMatch(list.text, /Københavnsk Klub/);
    assert.match(list.text, /1 af 2 foreninger har erklæret/);

    const lastYear = await admin.get(`/kommune/erklaeringer?year=${currentYear() - 1}`);
    assert.match(lastYear.text, /0 af 2 foreninger har erklæret/);
    assert.equal((await admin.get('/kommune/erklaeringer?year=abc')).status, 400);
    assert.equal((await admin.get('/kommune/erklaeringer?year=2026&year=2025')).status, 400);

    const otherAdmin = await adminOf('0101');
    const other = await otherAdmin.get('/kommune/erklaeringer');
    assert.doesNotMatch(other.text, /Erklæret IF|Tavs Boldklub/);
    assert.match(other.text, /Københavnsk Klub/);
  });
});
