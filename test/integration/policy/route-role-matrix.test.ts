import assert from 'node:assert/strict';
import type { Express } from 'express';
import request from 'supertest';
import { isAction, POLICY, type Action, type Role } from '../../../src/components/accounts/index.js';
import { FollowUpModel } from '../../../src/components/followups/index.js';
import { importMunicipalities } from '../../../src/components/municipalities/index.js';
import { listRoutes } from '../../../src/shared/http/index.js';
import { createUser, csrfFrom, loginAs, type Agent, type TestUser } from '../../helpers/accounts.js';
import { storeConsent } from '../../helpers/consent.js';
import { createMatch, createRequest } from '../../helpers/matching.js';
import { createOffer } from '../../helpers/offers.js';
import { addMember, createOrganisation } from '../../helpers/organisations.js';
import { buildTestApp } from '../../helpers/test-app.js';
import { testConfig } from '../../helpers/test-config.js';
import { useTestDatabase } from '../../helpers/use-test-database.js';

// These flows end on the login page whoever asks (after confirming an address, after logging out).
const REDIRECT_TO_LOGIN_BY_DESIGN = new Set([
  '/bekraeft-email/:token',
  '/bekraeft-email-igen',
  '/log-ud',
  // A municipality without its own identity provider: back to the login page, with a message.
  '/log-ind/kommune/:code',
  '/log-ind/kommune/:code/videre',
]);

interface Persona {
  name: string;
  role?: Role;
  municipalityCode?: string;
}

const PERSONAS: Persona[] = [
  { name: 'anonymous' },
  { name: 'volunteer', role: 'volunteer' },
  { name: 'coordinator', role: 'coordinator' },
  { name: 'social worker (A)', role: 'social-worker', municipalityCode: '0849' },
  { name: 'leader (A)', role: 'leader', municipalityCode: '0849' },
  { name: 'municipal admin (A)', role: 'municipal-admin', municipalityCode: '0849' },
  { name: 'municipal admin (B)', role: 'municipal-admin', municipalityCode: '0101' },
  { name: 'platform admin', role: 'platform-admin' },
];

/** Every route Express will answer, found by walking the router stacks (so nothing can hide). */
function mountedRoutes(app: Express): Array<{ method: string; path: string }> {
  const found: Array<{ method: string; path: string }> = [];
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push({ method, path: layer.route.path });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

/** What the policy says this persona may reach (ownership and tenancy of objects are tested elsewhere). */
function expectedAllowed(action: Action, persona: Persona): boolean {
  const rule = POLICY[action];
  if (!persona.role) return rule.anonymous;
  return rule.roles === 'any' || (rule.roles as readonly Role[]).includes(persona.role);
}

describe('route × role matrix (generated from the route table and the policy)', function () {
  this.timeout(120_000);
  useTestDatabase();

  it('when a route is mounted, then it has an entry in the route table with a policy action', () => {
    const table = listRoutes();
    const missing = mountedRoutes(buildTestApp()).filter(
      (route) =>
        !table.some(
          (entry) => entry.method === route.method && entry.path === route.path && isAction(entry.action),
        ),
    );
    assert.deepEqual(missing, [], 'routes without a policy entry');
  });

  it('when each persona requests each route, then the answer is what the policy says', async () => {
    await importMunicipalities();
    // Demo mode on, so that the demo-only "skip the second factor" route answers instead of being off.
    const app = buildTestApp({ config: testConfig({ DEMO_MODE: 'true' }) });
    // Objects named in paths belong to the persona's own tenant, so only the role decides here.
    const workerA = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0849' }],
      totp: true,
    });
    const workerB = await createUser({
      roles: [{ role: 'social-worker', municipalityCode: '0101' }],
      totp: true,
    });
    const agents = new Map<string, { agent: Agent; token: string; user?: TestUser }>();
    const organisationId = await createOrganisation();
    const organisationB = await createOrganisation({ municipalityCode: '0101' });
    // Offers visible in the marketplace (approved organisation, in its municipality), one per tenant.
    const offerA = await createOffer(organisationId);
    const offerB = await createOffer(organisationB, { postcode: '2100' });
    // Coordinators' routes about one member act on members of their own organisation: :memberId is left
    // as it is (vetting), :personId may be removed or promoted (memberships), so they are two people.
    const member = await createUser({});
    await addMember(organisationId, member.id);
    const person = await createUser({});
    await addMember(organisationId, person.id);
    for (const persona of PERSONAS) {
      const user = persona.role
        ? await createUser({
            roles: [
              {
                role: persona.role,
                municipalityCode: persona.municipalityCode,
                // A coordinator acts for an organisation; their pages are about it.
                organisationId: persona.role === 'coordinator' ? organisationId : undefined,
              },
            ],
            totp: true,
          })
        : undefined;
      const agent = user ? await loginAs(app, user) : request.agent(app);
      const page = await agent.get(user ? '/konto' : '/log-ind');
      agents.set(persona.name, { agent, token: csrfFrom(page.text), user });
    }
    // The volunteer's own vetting pages (/frivillig/godkendelse/:organisationId/…) need a membership there.
    await addMember(organisationId, agents.get('volunteer')!.user!.id);
    // A child's request of the social-worker persona (0849), proposed to the coordinator persona's
    // organisation and the volunteer persona, so each of them reaches it as their own.
    const requestId = await createRequest(agents.get('social worker (A)')!.user!.id);
    const matchId = await createMatch({
      requestId,
      organisationId,
      volunteerId: agents.get('volunteer')!.user!.id,
      proposedBy: agents.get('social worker (A)')!.user!.id,
    });
    // A consent recorded on that match, so its withdrawal route meets the handler.
    const consentId = await storeConsent({
      requestId,
      matchId,
      organisationId,
      volunteerId: agents.get('volunteer')!.user!.id,
      recordedBy: agents.get('social worker (A)')!.user!.id,
      validUntil: new Date(Date.now() + 86_400_000),
      consentId: '00000000-0000-4000-8000-000000000000',
    });
    // The volunteer persona's check-in on that match (the social workers of 0849 are its team).
    const followUpId = `${matchId}:volunteer:regular:1`;
    await FollowUpModel.create({
      _id: followUpId,
      matchId,
      requestId,
      municipalityCode: '0849',
      organisationId,
      volunteerId: agents.get('volunteer')!.user!.id,
      audience: 'volunteer',
      kind: 'regular',
      sequence: 1,
      dueOn: '2026-01-19',
    });

    const failures: string[] = [];
    for (const route of listRoutes()) {
      for (const persona of PERSONAS) {
        const { agent, token } = agents.get(persona.name)!;
        const worker = persona.municipalityCode === '0101' ? workerB : workerA;
        const organisation = persona.municipalityCode === '0101' ? organisationB : organisationId;
        const path = route.path
          .replace(':lang', 'en')
          .replace(':token', 'x'.repeat(43))
          .replace(':userId', worker.id)
          .replace(':memberId', member.id)
          .replace(':personId', person.id)
          .replace(':code', '0849')
          .replace(':organisationId', organisation)
          .replace(':offerId', organisation === organisationB ? offerB : offerA)
          .replace(':requestId', requestId)
          .replace(':followUpId', followUpId)
          .replace(':matchId', matchId)
          .replace(':consentId', consentId)
          .replace(':name', 'jobs:delete-old-records');
        const response =
          route.method === 'get'
            ? await agent.get(path).redirects(0)
            : await agent.post(path).type('form').send({ _csrf: token });
        const sentToLogin = response.status === 303 && response.headers.location === '/log-ind';
        const denied =
          (sentToLogin && !REDIRECT_TO_LOGIN_BY_DESIGN.has(route.path)) ||
          response.status === 404 ||
          response.status === 403;
        const allowed = expectedAllowed(route.action as Action, persona);
        // Allowed means answered on purpose: a server error is never an allowed answer.
        if (response.status >= 500) {
          failures.push(
            `${route.method.toUpperCase()} ${route.path} as ${persona.name}: server error ${response.status}`,
          );
          continue;
        }
        if (allowed ? denied : !denied) {
          failures.push(
            `${route.method.toUpperCase()} ${route.path} as ${persona.name}: ${response.status} ${response.headers.location ?? ''} (policy: ${allowed ? 'allow' : 'deny'})`,
          );
        }
        if (!allowed && persona.role && response.status !== 404) {
          failures.push(
            `${route.method.toUpperCase()} ${route.path} as ${persona.name}: denied with ${response.status}, expected 404`,
          );
        }
        if (!allowed && !persona.role && !sentToLogin) {
          failures.push(
            `${route.method.toUpperCase()} ${route.path} as anonymous: ${response.status}, expected a redirect to /log-ind`,
          );
        }
      }
      // Logging out ends that persona's session: log back in (or start afresh) for the routes that follow.
      if (route.path === '/log-ud') {
        for (const persona of PERSONAS) {
          const entry = agents.get(persona.name)!;
          const agent = entry.user ? await loginAs(app, entry.user) : request.agent(app);
          agents.set(persona.name, {
            ...entry,
            agent,
            token: csrfFrom((await agent.get(entry.user ? '/konto' : '/log-ind')).text),
          });
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
