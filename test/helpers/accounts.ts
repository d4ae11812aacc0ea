import { generateSecret, generateSync } from 'otplib';
import request from 'supertest';
import type { Express } from 'express';
import { UserModel } from '../../src/components/accounts/user-model.js';
import { hashPassword } from '../../src/components/accounts/password-hashing.js';
import type { RoleGrant } from '../../src/components/accounts/roles.js';
import { sealSecret } from '../../src/shared/crypto/index.js';
import { testConfig } from './test-config.js';

export const TEST_PASSWORD = 'bølgebryder-sandslot-41';
let hashed: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret?: string;
}

let counter = 0;

/** An active, verified user with the given grants; with totp: true, a known TOTP secret. */
export async function createUser(options: {
  roles?: Array<Omit<RoleGrant, 'grantedAt' | 'active'> & { active?: boolean }>;
  email?: string;
  name?: string;
  status?: 'unverified' | 'active' | 'disabled';
  totp?: boolean;
}): Promise<TestUser> {
  counter += 1;
  hashed ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `person${counter}.${Date.now()}@example.dk`;
  const totpSecret = options.totp ? generateSecret() : undefined;
  const user = await UserModel.create({
    email,
    name: options.name ?? `Test Person ${counter}`,
    language: 'da',
    passwordHash: await hashed,
    status: options.status ?? 'active',
    emailVerifiedAt: new Date(),
    roles: (options.roles ?? [{ role: 'volunteer' }]).map((grant) => ({
      active: true,
      ...grant,
      grantedAt: new Date(),
    })),
    sessionEpoch: `epoch-${counter}`,
    ...(totpSecret
      ? {
          totp: {
            sealedSecret: sealSecret(totpSecret, testConfig().dataEncryptionKey),
            enabledAt: new Date(),
          },
        }
      : {}),
  });
  return { id: String(user._id), email, password: TEST_PASSWORD, totpSecret };
}

/** The current code for a TOTP secret, optionally for a time step ahead (to avoid replay refusal). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

export type Agent = ReturnType<typeof request.agent>;

/** GETs a form page and POSTs to it with that page's CSRF token (as a browser would). */
export async function submitForm(
  agent: Agent,
  pagePath: string,
  postPath: string,
  fields: Record<string, string> = {},
) {
  const page = await agent.get(pagePath);
  return agent
    .post(postPath)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...fields });
}

/** Logs in through the real forms, including the second factor when the user has one. */
export async function loginAs(app: Express, user: TestUser): Promise<Agent> {
  const agent = request.agent(app);
  const response = await submitForm(agent, '/log-ind', '/log-ind', {
    email: user.email,
    password: user.password,
  });
  if (response.status !== 303) throw new Error(`login failed: ${response.status}`);
  if (response.headers.location === '/log-ind/totp') {
    if (!user.totpSecret) throw new Error('user needs a TOTP secret');
    // A code is accepted once (replay protection, tested in second-factor.test.ts). Tests log the same
    // person in several times within 30 s, so forget the last used step as if time had passed.
    await UserModel.updateOne({ _id: user.id }, { $unset: { 'totp.lastTimeStep': 1 } });
    const second = await submitForm(agent, '/log-ind/totp', '/log-ind/totp', {
      code: totpCode(user.totpSecret),
    });
    if (second.status !== 303) throw new Error(`second factor failed for ${user.email}: ${second.status}`);
  }
  return agent;
}
