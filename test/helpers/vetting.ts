import { isActiveMember, moveMembership } from '../../src/components/organisations/index.js';
import { putVettingFacts } from '../../src/components/vetting/index.js';
import { demoVettingFacts, type DemoVettingState } from '../../src/demo/demo-vetting.js';
import { createUser, csrfFrom, type Agent, type TestUser } from './accounts.js';

/** Makes a person an active member of the organisation (a new volunteer when none is given); safe to repeat. */
export async function createMember(organisationId: string, user?: TestUser): Promise<TestUser> {
  const member = user ?? (await createUser({}));
  if (!(await isActiveMember(organisationId, member.id))) {
    await moveMembership(organisationId, member.id, 'active', member.id);
  }
  return member;
}

/**
 * An active member in a given vetting state: 'vetted' (complete, valid for about 22 months),
 * 'ordered-waiting' (ordered 9 days ago), 'missing-training', 'expiring' (valid for 30 more days).
 */
export async function createVettedMember(
  organisationId: string,
  options: { state?: DemoVettingState; user?: TestUser; recordedBy?: string; now?: Date } = {},
): Promise<TestUser> {
  const member = await createMember(organisationId, options.user);
  await putVettingFacts(
    organisationId,
    member.id,
    demoVettingFacts(options.state ?? 'vetted', options.recordedBy ?? member.id, options.now),
  );
  return member;
}

/** GETs a page for its CSRF token, then POSTs a raw urlencoded body (so tests control every field). */
export async function postRaw(agent: Agent, pagePath: string, postPath: string, body = '') {
  const page = await agent.get(pagePath);
  return agent
    .post(postPath)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(`_csrf=${csrfFrom(page.text)}${body ? `&${body}` : ''}`);
}
