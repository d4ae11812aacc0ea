import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { listRoutes, RateLimitHitModel, type RouteEntry } from '../../../src/shared/http/index.js';
import {
  createUser,
  csrfFrom,
  loginAs,
  submitForm,
  type Agent,
  type TestUser,
} from '../../helpers/accounts.js';
import { storeConsent } from '../../helpers/consent.js';
import { createMatch, createRequest, createSocialWorker } from '../../helpers/matching.js';
import { createOffer } from '../../helpers/offers.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { formsOn, type PageForm } from '../../helpers/page-forms.js';
import { ROLE_FOR_ACTION, type Kind } from '../../helpers/route-roles.js';
import { everyFieldName } from '../../helpers/schema-fields.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { clearTestDatabase } from '../../helpers/use-test-database.js';

/** Percent-encodings that do not decode: a lone %, non-hex digits, a cut-off, an overlong and a surrogate sequence. */
const MALFORMED_IN_PATH = ['%', '%ZZ', '%E0%A4%A', '%C0%80', '%ED%A0%80', 'a%2', '%%41'];
/** Path parameters that decode, but to something no link of ours holds. */
const ODD_IN_PATH = ['%00', '%E2%80%AE%E2%80%8B', '2027-02-30', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300)];
/** What a field gets: already encoded for a query string or form body (the last one is deliberately broken). */
const IN_FIELDS: Record<string, string> = {
  'an impossible date': encodeURIComponent('2027-02-30'),
  'hidden characters': encodeURIComponent('A\u0000\u0007\u0085\u202e\u2066\u200b\ufeffB'),
  'a broken percent-encoding': '%E0%A4%A%ZZ%',
};

// A stack trace line ("at fn (file.ts:12:3)"), an error's name and message, or the internals behind them.
// English pages label field messages "Error:" for screen readers (see views/partials/field.hbs); that
// label is taken out before looking (a route may switch the visitor's language to English).
const FIELD_MESSAGE_LABEL = /<span class="visually-hidden">Error:<\/span>/g;
const INTERNALS =
  /\bat [^\s()]+ \([^)]*:\d+:\d+\)|\bat (?:file|node):\S*:\d+|Error:|node_modules|CastError|MongoServerError/;

const encodeBody = (fields: Array<{ name: string; value: string }>) =>
  fields.map(({ name, value }) => `${encodeURIComponent(name)}=${value}`).join('&');

interface Person {
  agent: Agent;
  token: string;
  /** Set when an answer showed the session had ended (a logout, a refused token): log in again before the next use. */
  stale: boolean;
}

describe('malformed input on every route (generated from the route table)', function () {
  // About 2,700 requests and a dozen logins: under a minute on a busy two-core machine.
  this.timeout(240_000);
  let app: Express;
  let pathFor: (route: RouteEntry) => string;
  let users: Partial<Record<Kind, TestUser>>;
  const people = new Map<Kind, Person>();
  const failures: string[] = [];
  let sent = 0;

  async function logIn(kind: Kind): Promise<Person> {
    // These tests log in again after a payload ends a session; the per-address limit has tests of its own.
    await RateLimitHitModel.deleteMany({});
    if (kind === 'anonymous') {
      const agent = request.agent(app);
      return { agent, token: csrfFrom((await agent.get('/log-ind')).text), stale: false };
    }
    if (kind === 'second-factor-pending') {
      const agent = request.agent(app);
      const user = users['social-worker']!;
      await submitForm(agent, '/log-ind', '/log-ind', { email: user.email, password: user.password });
      return { agent, token: csrfFrom((await agent.get('/log-ind/totp')).text), stale: false };
    }
    const agent = await loginAs(app, users[kind]!);
    return { agent, token: csrfFrom((await agent.get('/konto')).text), stale: false };
  }

  async function personFor(kind: Kind): Promise<Person> {
    const known = people.get(kind);
    if (known && !known.stale) return known;
    const fresh = await logIn(kind);
    people.set(kind, fresh);
    return fresh;
  }

  /** Sends one request as `kind` and notes anything that is a server error or shows internals. */
  async function check(
    kind: Kind,
    method: 'get' | 'post',
    path: string,
    what: string,
    fields?: string,
    expectedStatus?: number,
  ) {
    const person = await personFor(kind);
    sent += 1;
    const response =
      method === 'get'
        ? await person.agent.get(fields ? `${path}?${fields}` : path).redirects(0)
        : await person.agent
            .post(path)
            .set('Content-Type', 'application/x-www-form-urlencoded')
            .send(`_csrf=${encodeURIComponent(person.token)}${fields ? `&${fields}` : ''}`)
            .redirects(0);
    const where = `${method.toUpperCase()} ${path.slice(0, 80)} as ${kind} (${what})`;
    if (response.status >= 500) failures.push(`${where}: ${response.status}`);
    if (expectedStatus !== undefined && response.status !== expectedStatus)
      failures.push(`${where}: ${response.status}, expected ${expectedStatus}`);
    const internals = INTERNALS.exec((response.text ?? '').replace(FIELD_MESSAGE_LABEL, ''));
    if (internals) failures.push(`${where}: the answer shows "${internals[0]}"`);
    const toLogin = response.status === 303 && response.headers.location?.startsWith('/log-ind');
    if (response.status === 403 || (toLogin && kind !== 'anonymous')) person.stale = true;
    return response;
  }

  const kindOf = (route: RouteEntry): Kind => ROLE_FOR_ACTION[route.action]!;
  const paramsOf = (path: string) => path.match(/:\w+/g) ?? [];

  beforeEach(() => {
    failures.length = 0;
    sent = 0;
  });

  before(async () => {
    await clearTestDatabase();
    await importMunicipalities();
    app = buildTestApp();
    // One person per role, who owns what the paths name: the coordinator's organisation, the social
    // worker's requests, the volunteer's matches, so that each route's handler (not a 404) meets the input.
    const organisationId = await createOrganisation();
    const sara = await createSocialWorker();
    users = {
      'social-worker': sara,
      volunteer: await createUser({}),
      coordinator: await createUser({ roles: [{ role: 'coordinator', organisationId }], totp: true }),
      leader: await createUser({ roles: [{ role: 'leader', municipalityCode: '0849' }], totp: true }),
      'municipal-admin': await createUser({
        roles: [{ role: 'municipal-admin', municipalityCode: '0849' }],
        totp: true,
      }),
      'platform-admin': await createUser({ roles: [{ role: 'platform-admin' }], totp: true }),
    };
    const volunteerId = users.volunteer!.id;
    await addMember(organisationId, volunteerId);
    const member = await createUser({});
    await addMember(organisationId, member.id);
    const person = await createUser({});
    await addMember(organisationId, person.id, 'requested');
    const offerId = await createOffer(organisationId);
    // A proposal waiting for answers, and a running match with a consent and follow-ups on both sides.
    const proposed = await createMatch({
      requestId: await createRequest(sara.id),
      organisationId,
      volunteerId,
      proposedBy: sara.id,
    });
    const requestId = await createRequest(sara.id);
    const matchId = await createMatch({
      requestId,
      organisationId,
      volunteerId,
      proposedBy: sara.id,
      state: 'active',
    });
    const consentId = await storeConsent({
      requestId,
      matchId,
      organisationId,
      volunteerId,
      recordedBy: sara.id,
      validUntil: new Date(Date.now() + 86_400_000 * 200),
    });
    for (const audience of ['volunteer', 'family'] as const) {
      await FollowUpModel.create({
        _id: `${matchId}:${audience}:regular:1`,
        matchId,
        requestId,
        municipalityCode: '0849',
        organisationId,
        volunteerId,
        audience,
        kind: 'regular',
        sequence: 1,
        dueOn: '2026-01-19',
      });
    }
    pathFor = (route) =>
      route.path
        .replace(':lang', 'en')
        .replace(':token', 'x'.repeat(43))
        .replace(':userId', sara.id)
        .replace(':memberId', member.id)
        .replace(':personId', person.id)
        .replace(':code', '0849')
        .replace(':organisationId', organisationId)
        .replace(':offerId', offerId)
        .replace(':requestId', requestId)
        .replace(
          ':followUpId',
          `${matchId}:${route.action === 'followups:work' ? 'family' : 'volunteer'}:regular:1`,
        )
        .replace(':matchId', route.path.includes('/forslag/') ? proposed : matchId)
        .replace(':consentId', consentId)
        // Running a real job is not input handling: a name no job has still meets the route.
        .replace(':name', 'ingen-job');
  });

  it('when a path parameter is not valid percent-encoding, then every route answers 400, logged in or not', async () => {
    const unmapped = listRoutes().filter((route) => !ROLE_FOR_ACTION[route.action]);
    assert.deepEqual(unmapped, [], 'routes whose action has no person in test/helpers/route-roles.ts');
    let routes = 0;
    for (const route of listRoutes()) {
      const params = paramsOf(route.path);
      if (params.length === 0) continue;
      routes += 1;
      for (const param of params) {
        // The parameter's place in the path that pathFor filled in: the same route, one parameter broken.
        const filled = pathFor({ ...route, path: route.path.replace(param, '\u0001') }).split('\u0001');
        for (const broken of MALFORMED_IN_PATH) {
          const target = `${filled[0]}${broken}${filled[1]}`;
          for (const kind of new Set<Kind>(['anonymous', kindOf(route)])) {
            await check(kind, route.method, target, `${param} = ${broken}`, undefined, 400);
          }
        }
        for (const odd of ODD_IN_PATH) {
          await check(
            kindOf(route),
            route.method,
            `${filled[0]}${odd}${filled[1]}`,
            `${param} = ${odd.slice(0, 20)}`,
          );
        }
      }
    }
    assert.ok(routes >= 60, `only ${routes} routes with path parameters`);
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${sent} requests failed:\n${failures.join('\n')}`,
    );
  });

  it("when a form's or a query's fields get impossible dates, hidden characters or broken encodings, then no answer is a server error", async () => {
    // The forms each role's pages render, found by reading every GET route as that role.
    const forms = new Map<string, { kind: Kind; form: PageForm }>();
    for (const route of listRoutes().filter((entry) => entry.method === 'get')) {
      const kind = kindOf(route);
      const page = await check(kind, 'get', pathFor(route), 'the page as it is');
      if (page.status !== 200 || !String(page.headers['content-type']).includes('html')) continue;
      for (const form of formsOn(page.text, pathFor(route))) {
        if (form.fields.length === 0 || form.action.startsWith('http')) continue;
        forms.set(`${form.method} ${form.action}`, { kind, form });
      }
    }
    let fields = 0;
    for (const { kind, form } of forms.values()) {
      for (const field of form.fields) {
        fields += 1;
        for (const [what, value] of Object.entries(IN_FIELDS)) {
          const values = form.fields.map((other) => ({
            name: other.name,
            value: other === field ? value : encodeURIComponent(other.value),
          }));
          await check(kind, form.method, form.action, `${field.name}: ${what}`, encodeBody(values));
        }
      }
    }
    const posts = [...forms.values()].filter(({ form }) => form.method === 'post').length;
    assert.ok(
      posts >= 25 && fields >= 80,
      `only ${posts} POST forms and ${fields} fields found on the pages`,
    );
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${sent} requests failed:\n${failures.join('\n')}`,
    );
  });

  it('when every field name any schema knows arrives at every route at once, then no answer is a server error', async () => {
    const names = everyFieldName();
    assert.ok(names.length > 60, `only ${names.length} field names`);
    for (const route of listRoutes()) {
      for (const [what, value] of Object.entries(IN_FIELDS)) {
        const body = encodeBody(names.map((name) => ({ name, value })));
        for (const kind of new Set<Kind>([
          kindOf(route),
          ...(route.method === 'post' ? ['anonymous' as const] : []),
        ])) {
          await check(kind, route.method, pathFor(route), `every field: ${what}`, body);
        }
      }
    }
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${sent} requests failed:\n${failures.join('\n')}`,
    );
  });
});
