import assert from 'node:assert/strict';
import type { Express } from 'express';
import { forgetCandidateBase } from '../../../src/components/candidates/index.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { AuditEventModel } from '../../../src/shared/audit/index.js';
import {
  createUser,
  csrfFrom,
  loginAs,
  submitForm,
  type Agent,
  type TestUser,
} from '../../helpers/accounts.js';
import {
  createCandidate,
  createCandidateRequest,
  createOrganisationOfKind,
} from '../../helpers/candidates.js';
import { createSocialWorker } from '../../helpers/matching.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

describe('candidates: who may see them, bookmarks, comparison and search', function () {
  this.timeout(60_000);
  useTestDatabase();
  let app: Express;
  let sara: TestUser;
  let worker: Agent;
  let requestId: string;
  let club: string;
  let anna: TestUser;
  let bo: TestUser;

  beforeEach(async () => {
    await importMunicipalities();
    app = buildTestApp();
    sara = await createSocialWorker('0849', 'Sara Socialrådgiver');
    worker = await loginAs(app, sara);
    club = await createOrganisationOfKind('association');
    anna = await createCandidate(club, { name: 'Anna Andersen', interests: ['fodbold', 'tegning'] });
    bo = await createCandidate(club, { name: 'Bo Bertelsen', interests: ['skak'], vetted: false });
    await createCandidate(club, { name: 'Cai Carlsen', interests: ['fodbold'] });
    requestId = await createCandidateRequest(sara.id);
    forgetCandidateBase();
  });

  const key = (user: TestUser) => `${user.id}_${club}`;

  it('when a social worker of another municipality, a coordinator or a volunteer asks, then every candidate page is a 404', async () => {
    const strangers = [
      await createSocialWorker('0101', 'Kim København'),
      await createUser({ roles: [{ role: 'coordinator', organisationId: club }], totp: true }),
      await createUser({}),
    ];
    for (const stranger of strangers) {
      const agent = await loginAs(app, stranger);
      for (const path of [
        `/sager/${requestId}/kandidater`,
        `/sager/${requestId}/sammenlign?a=${key(anna)}&b=${key(anna)}`,
      ]) {
        assert.equal((await agent.get(path)).status, 404, path);
      }
      const token = csrfFrom((await agent.get('/konto')).text);
      const posted = await agent
        .post(`/sager/${requestId}/kandidater/bogmaerke`)
        .type('form')
        .send({ _csrf: token, candidate: key(anna) });
      assert.equal(posted.status, 404);
    }
    assert.equal(await AuditEventModel.countDocuments({ action: 'candidates.list' }), 0);
    const other = await loginAs(app, strangers[0]!);
    const search = await other.get('/sager/soeg?interesse=fodbold');
    assert.equal(search.status, 200);
    assert.doesNotMatch(search.text, /Anna/, 'another municipality’s search finds none of ours');
  });

  const hostile = ['?side=abc', '?side=1&side=2', '?side[]=1', '?__proto__=x', '?side=99999', '?ekstra=1'];
  for (const query of hostile) {
    it(`when the candidate list is asked for with ${query}, then it is a 400, not a 500`, async () => {
      assert.equal((await worker.get(`/sager/${requestId}/kandidater${query}`)).status, 400);
    });
  }

  for (const query of ['?a=x&b=y', '?a[$ne]=1', `?a=${'a'.repeat(24)}`, '?a=1&a=2&b=3']) {
    it(`when the comparison is asked for with ${query}, then it is a 400`, async () => {
      assert.equal((await worker.get(`/sager/${requestId}/sammenlign${query}`)).status, 400);
    });
  }

  for (const query of [
    '?afstand=999&postnummer=9490',
    '?postnummer=0000',
    '?interesse[$ne]=x',
    '?ugedag=8',
    '?interesse=a&interesse=b',
  ]) {
    it(`when the search is asked for with ${query}, then it is a 400 with a message`, async () => {
      assert.equal((await worker.get(`/sager/soeg${query}`)).status, 400);
    });
  }

  it('when two candidates are compared, then both show factor by factor; an excluded one is a 404', async () => {
    const [cai] =
      (await worker.get(`/sager/${requestId}/kandidater`)).text.match(/a=[0-9a-f_]+&amp;b=[0-9a-f_]+/) ?? [];
    assert.ok(cai, 'the list links to a comparison');
    const page = await worker.get(`/sager/${requestId}/sammenlign?${cai.replace('&amp;', '&')}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Anna · /);
    assert.match(page.text, /Cai · /);
    assert.match(page.text, /<th scope="row">Interesser<\/th>/);
    assert.equal(
      (await worker.get(`/sager/${requestId}/sammenlign?a=${key(anna)}&b=${key(bo)}`)).status,
      404,
    );
    assert.equal(await AuditEventModel.countDocuments({ action: 'candidates.compare' }), 1);
  });

  it('when a candidate is bookmarked and unbookmarked, then the list says so and both are audited', async () => {
    const path = `/sager/${requestId}/kandidater`;
    const added = await submitForm(worker, path, `${path}/bogmaerke`, { candidate: key(anna) });
    assert.equal(added.status, 303);
    assert.match((await worker.get(path)).text, /Fjern Anna fra gemte/);
    await submitForm(worker, path, `${path}/bogmaerke`, { candidate: key(anna) });
    await submitForm(worker, path, `${path}/fjern-bogmaerke`, { candidate: key(anna) });
    assert.match((await worker.get(path)).text, /Gem Anna/);
    assert.equal(await AuditEventModel.countDocuments({ action: 'candidates.bookmark' }), 2);
    assert.equal(await AuditEventModel.countDocuments({ action: 'candidates.unbookmark' }), 1);
    const tampered = await submitForm(worker, path, `${path}/bogmaerke`, {
      candidate: key(anna),
      municipalityCode: '0101',
    });
    assert.equal(tampered.status, 400);
  });

  it('when the worker searches by interest, postcode and weekday, then volunteers show with first name and vetting, and the search is audited by the names of its criteria', async () => {
    const page = await worker.get('/sager/soeg?interesse=fodbold&postnummer=9490&afstand=10&ugedag=2');
    assert.equal(page.status, 200);
    assert.match(page.text, /Anna · /);
    assert.match(page.text, /Cai · /);
    assert.doesNotMatch(page.text, /Bo · /, 'plays chess, not football');
    assert.doesNotMatch(page.text, /Andersen|@example\.dk/);
    assert.match(page.text, /godkendt til/);
    const unvetted = await worker.get('/sager/soeg?interesse=skak');
    assert.match(unvetted.text, /Bo · [^<]*<\/h3>\s*<p>[^<]*ikke godkendt/);
    const [event] = await AuditEventModel.find({ action: 'candidates.search' }).sort({ at: 1 }).lean();
    assert.equal(event?.purpose, 'casework');
    // Which criteria were searched by, never what was searched for.
    assert.deepEqual((event?.details as { criteria: unknown }).criteria, {
      factors: ['distance', 'interests', 'schedule'],
    });
  });
});
