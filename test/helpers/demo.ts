import request from 'supertest';
import type { Express } from 'express';
import { trusted } from 'mongoose';
import { forgetCandidateBase, rankedFor } from '../../src/components/candidates/index.js';
import { RequestModel } from '../../src/components/requests/request-model.js';
import { DEMO_MUNICIPALITY_CODE, DEMO_PASSWORD } from '../../src/demo/demo-content.js';
import { submitForm, type Agent } from './accounts.js';
import { buildTestApp } from './test-app.js';
import { testConfig } from './test-config.js';

/** The app as `npm start` runs it for a newcomer: demo mode on (staff may skip the second factor). */
export function buildDemoApp(): Express {
  return buildTestApp({ config: testConfig({ DEMO_MODE: 'true' }) });
}

/**
 * Logs a seeded demo person in through the real forms, skipping the second factor as demo staff may.
 * Returns the agent and where the login led (the page the person sees first).
 */
export async function loginAsDemo(app: Express, email: string): Promise<{ agent: Agent; landing: string }> {
  const agent = request.agent(app);
  const response = await submitForm(agent, '/log-ind', '/log-ind', { email, password: DEMO_PASSWORD });
  if (response.status !== 303) throw new Error(`demo login failed for ${email}: ${response.status}`);
  let landing = response.headers.location as string;
  if (landing === '/konto/totp/opsaet') {
    const skipped = await submitForm(agent, '/konto/totp/opsaet', '/konto/totp/spring-over');
    if (skipped.status !== 303) throw new Error(`skipping the second factor failed: ${skipped.status}`);
    landing = skipped.headers.location as string;
  }
  return { agent, landing };
}

/** How many eligible candidates every demo request that is not closed shows, now and for a year. */
export const DEMO_MIN_CANDIDATES = 3;

/**
 * The demo's requests that are not closed and have fewer than `minimum` eligible candidates when ranked
 * at `now`, by the same ranking the candidates page uses: "case reference: count" each.
 */
export async function demoRequestsShortOfCandidates(now: Date, minimum: number): Promise<string[]> {
  // The candidate base is a bounded snapshot kept per process: one read before this seeding (by an
  // earlier test on the same server) may still be within its bound, so this ranks on a fresh one.
  forgetCandidateBase();
  const requests = await RequestModel.find({
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    status: trusted({ $ne: 'closed' }),
  }).lean();
  const short: string[] = [];
  for (const request of requests) {
    const { ranked } = await rankedFor(request, now);
    if (ranked.length < minimum) short.push(`${request.caseRef}: ${ranked.length}`);
  }
  return short;
}
