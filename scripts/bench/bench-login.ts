// Logs a demo staff member (the social worker, the municipal administrator) into the bench app over HTTP (password, then a TOTP code), for measuring
// pages as a logged-in person. The bench app runs without demo mode, so staff need a second factor:
// the secret is put on the demo user directly, sealed with the app's (development) key.
import { MongoClient } from 'mongodb';
import { APP_DATABASE_NAME, databaseNameFor } from '../../src/shared/db/index.js';
import { generateSecret, generateSync } from 'otplib';
import { loadConfig } from '../../src/config/index.js';
import { sealSecret } from '../../src/shared/crypto/index.js';
import { assertLoopback } from './measure.js';

const DEMO_SOCIAL_WORKER = 'socialraadgiver@demo.brobygning.dk';
export const DEMO_MUNICIPAL_ADMIN = 'kommuneadmin@demo.brobygning.dk';
const DEMO_PASSWORD = 'klitrose-fyrtårn-63';

export interface BenchSession {
  userId: string;
  get(path: string): Promise<Response>;
  /** The session's cookies as a Cookie header, for a load generator to send. */
  cookieHeader(): string;
}

export function loginDemoSocialWorker(baseUrl: string, databaseUri: string): Promise<BenchSession> {
  return loginDemoStaff(baseUrl, databaseUri, DEMO_SOCIAL_WORKER);
}

export function loginDemoStaff(baseUrl: string, databaseUri: string, email: string): Promise<BenchSession> {
  return loginDemoPerson(baseUrl, databaseUri, email, { secondFactor: true });
}

/**
 * Logs a demo person in: staff (secondFactor) with a second factor put on their account first; a
 * volunteer or coordinator, who has none, with the password alone.
 */
export async function loginDemoPerson(
  baseUrl: string,
  databaseUri: string,
  email: string,
  { secondFactor }: { secondFactor: boolean },
): Promise<BenchSession> {
  assertLoopback(baseUrl);
  const secret = generateSecret();
  const client = await MongoClient.connect(databaseUri, { serverSelectionTimeoutMS: 5000 });
  let userId: string;
  try {
    const key = loadConfig({ NODE_ENV: 'test' }).dataEncryptionKey;
    const users = client.db(databaseNameFor(databaseUri, APP_DATABASE_NAME)).collection('users');
    const user = secondFactor
      ? await users.findOneAndUpdate(
          { email },
          { $set: { 'totp.sealedSecret': sealSecret(secret, key), 'totp.enabledAt': new Date() } },
        )
      : await users.findOne({ email });
    if (!user) throw new Error(`no demo user ${email}`);
    userId = String(user._id);
  } finally {
    await client.close();
  }
  const jar = new Map<string, string>();
  const send = async (path: string, body?: Record<string, string>) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: body ? new URLSearchParams(body).toString() : undefined,
      signal: AbortSignal.timeout(60_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  const csrf = async (path: string) =>
    /name="_csrf" value="([^"]+)"/.exec(await (await send(path)).text())?.[1] ?? '';
  const login = await send('/log-ind', {
    _csrf: await csrf('/log-ind'),
    email,
    password: DEMO_PASSWORD,
  });
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  if (!secondFactor) {
    if (login.status !== 303)
      throw new Error(`login answered ${login.status} ${login.headers.get('location')}`);
    return { userId, get: (path) => send(path), cookieHeader };
  }
  if (login.headers.get('location') !== '/log-ind/totp')
    throw new Error(`login answered ${login.status} ${login.headers.get('location')}`);
  const second = await send('/log-ind/totp', {
    _csrf: await csrf('/log-ind/totp'),
    code: generateSync({ secret }),
  });
  if (second.status !== 303) throw new Error(`second factor answered ${second.status}`);
  return { userId, get: (path) => send(path), cookieHeader };
}
