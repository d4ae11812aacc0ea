import assert from 'node:assert/strict';
import type { Express } from 'express';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { RequestModel } from '../../../src/components/requests/request-model.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import { csrfFrom, loginAs, submitForm, type Agent, type TestUser } from '../../helpers/accounts.js';
import { createRequest, createSocialWorker, requestFields } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

async function auditOf(action: string) {
  return AuditEventModel.find({ action }).lean();
}

describe('a social worker’s requests', function () {
  this.timeout(30_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
  });

  it('when the two-minute form is sent with the essentials, then the request is stored for the worker’s municipality and audited', async () => {
    const response = await submitForm(worker, '/sager/ny', '/sager/ny', requestFields());
    assert.equal(response.status, 303);
    const stored = await RequestModel.findOne({ caseRef: 'SAG-2026-0001' }).lean();
    assert.equal(stored?.municipalityCode, '0849');
    assert.equal(stored?.responsibleId, sara.id);
    assert.equal(stored?.status, 'open');
    assert.equal(stored?.areaMunicipalityCode, '0849');
    assert.equal(response.headers.location, `/sager/${String(stored?._id)}`);
    const [created] = await auditOf('request.create');
    assert.equal(created?.actorId, sara.id);
    assert.equal(created?.actorRole, 'social-worker');
    assert.equal(created?.municipalityCode, '0849');
    assert.equal(created?.purpose, 'casework');
    assert.equal(created?.objectId, String(stored?._id));
  });

  it('when the form has mistakes, then it comes back with messages and what was typed', async () => {
    const response = await submitForm(
      worker,
      '/sager/ny',
      '/sager/ny',
      requestFields({
        caseRef: '010203-1234',
        birthYear: '1990',
        postcode: '0000',
        interests: 'klatring, svømning',
      }),
    );
    assert.equal(response.status, 400);
    assert.match(response.text, /Det ligner et CPR-nummer/);
    assert.match(response.text, /barn mellem 0 og 17 år/);
    assert.match(response.text, /dansk postnummer/);
    assert.match(response.text, /value="klatring, svømning"/);
    assert.match(response.text, /value="1990"/);
    assert.equal(await RequestModel.countDocuments(), 0);
  });

  for (const field of ['municipalityCode', 'responsibleId', 'status']) {
    it(`when the form carries a hidden ${field}, then it is refused as tampered (400) and nothing is stored`, async () => {
      const response = await submitForm(worker, '/sager/ny', '/sager/ny', requestFields({ [field]: 'x' }));
      assert.equal(response.status, 400);
      assert.equal(await RequestModel.countDocuments(), 0);
    });
  }

  it('when the worker opens the caseload and a request, then both are audited with purpose, and the team’s text shows', async () => {
    const requestId = await createRequest(sara.id, { caseRef: 'SAG-77' });
    const caseload = await worker.get('/sager');
    assert.equal(caseload.status, 200);
    assert.match(caseload.text, /SAG-77/);
    assert.match(caseload.text, /Du har 1 åbne sager/);
    const detail = await worker.get(`/sager/${requestId}`);
    assert.equal(detail.status, 200);
    assert.match(detail.text, /Fortroligt: familien er presset/);
    const [list] = await auditOf('request.list');
    assert.equal(list?.purpose, 'casework');
    assert.deepEqual((list?.details as { criteria: unknown }).criteria, {
      responsible: 'self',
      statuses: ['open', 'matched'],
    });
    const [read] = await auditOf('request.read');
    assert.equal(read?.objectId, requestId);
    assert.equal(read?.purpose, 'casework');
  });

  it('when the caseload holds more than 20 requests, then the page says so gently', async () => {
    for (let index = 0; index < 21; index += 1) await createRequest(sara.id);
    assert.match((await worker.get('/sager')).text, /flere end 20 sager/);
  });

  it('when the responsible worker edits the request, then it changes and the audit names the fields only', async () => {
    const requestId = await createRequest(sara.id);
    const response = await submitForm(
      worker,
      `/sager/${requestId}/rediger`,
      `/sager/${requestId}/rediger`,
      requestFields({ caseRef: 'SAG-NY', needsText: 'Ny hemmelig tekst' }),
    );
    assert.equal(response.status, 303);
    assert.equal((await RequestModel.findById(requestId).lean())?.caseRef, 'SAG-NY');
    const [updated] = await auditOf('request.update');
    assert.ok((updated?.details as { fields: string[] }).fields.includes('caseRef'));
    assert.ok(!JSON.stringify(updated).includes('Ny hemmelig tekst'));
  });

  it('when the request is transferred to a colleague, then the colleague is responsible and it is audited', async () => {
    const colleague = await createSocialWorker('0849', 'Kasper Kollega');
    const requestId = await createRequest(sara.id);
    const response = await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/overdrag`, {
      colleagueId: colleague.id,
    });
    assert.equal(response.status, 303);
    assert.equal((await RequestModel.findById(requestId).lean())?.responsibleId, colleague.id);
    const [transfer] = await auditOf('request.transfer');
    assert.deepEqual(transfer?.details, { from: sara.id, to: colleague.id });
    assert.equal(transfer?.purpose, 'casework');
  });

  it('when someone outside the municipality is named as the colleague, then nothing is transferred', async () => {
    const outsider = await createSocialWorker('0101');
    const requestId = await createRequest(sara.id);
    await submitForm(worker, `/sager/${requestId}`, `/sager/${requestId}/overdrag`, {
      colleagueId: outsider.id,
    });
    assert.equal((await RequestModel.findById(requestId).lean())?.responsibleId, sara.id);
  });

  it('when a colleague of the same municipality opens the request, then they read it but cannot change it', async () => {
    const requestId = await createRequest(sara.id);
    const colleague = await loginAs(app, await createSocialWorker('0849'));
    assert.equal((await colleague.get(`/sager/${requestId}`)).status, 200);
    const edit = await colleague.get(`/sager/${requestId}/rediger`).redirects(0);
    assert.equal(edit.status, 303);
    const token = csrfFrom((await colleague.get(`/sager/${requestId}`)).text);
    await colleague.post(`/sager/${requestId}/luk`).type('form').send({ _csrf: token });
    assert.equal((await RequestModel.findById(requestId).lean())?.status, 'open');
  });

  it('when the responsible worker closes the request, then it is closed and audited', async () => {
    const requestId = await createRequest(sara.id);
    const token = csrfFrom((await worker.get(`/sager/${requestId}`)).text);
    const response = await worker.post(`/sager/${requestId}/luk`).type('form').send({ _csrf: token });
    assert.equal(response.status, 303);
    assert.equal((await RequestModel.findById(requestId).lean())?.status, 'closed');
    assert.equal((await auditOf('request.close')).length, 1);
  });

  it('when a social worker of another municipality tries every request route, then each is a 404 and nothing changes', async () => {
    const requestId = await createRequest(sara.id);
    const other = await loginAs(app, await createSocialWorker('0101'));
    const token = csrfFrom((await other.get('/sager')).text);
    for (const path of [`/sager/${requestId}`, `/sager/${requestId}/rediger`]) {
      assert.equal((await other.get(path)).status, 404, path);
    }
    for (const [path, fields] of [
      [`/sager/${requestId}/rediger`, requestFields({ caseRef: 'STJÅLET' })],
      [`/sager/${requestId}/overdrag`, { colleagueId: sara.id }],
      [`/sager/${requestId}/luk`, {}],
    ] as const) {
      const response = await other
        .post(path)
        .type('form')
        .send({ _csrf: token, ...fields });
      assert.equal(response.status, 404, path);
    }
    const stored = await RequestModel.findById(requestId).lean();
    assert.equal(stored?.caseRef.startsWith('SAG-TEST'), true);
    assert.equal(stored?.status, 'open');
    assert.equal(await AuditEventModel.countDocuments({ action: 'request.read' }), 0);
  });

  it('when the id in the path is not an id at all, then it is a 404', async () => {
    assert.equal((await worker.get('/sager/not-an-id')).status, 404);
    assert.equal((await worker.get('/sager/ffffffffffffffffffffffff')).status, 404);
  });
});
