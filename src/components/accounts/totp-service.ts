import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '../../shared/audit/index.js';
import { hashToken, openSecret, sealSecret } from '../../shared/crypto/index.js';
import {
  clearSecondFactorFailures,
  isSecondFactorLocked,
  recordSecondFactorFailure,
} from './login-throttle.js';
import type { RequestContext } from './request-context.js';
import { UserModel } from './user-model.js';
import { findUserById } from './user-service.js';

const ISSUER = 'Brobygning';
const RECOVERY_CODE_COUNT = 10;
// One 30-second step either side: phones whose clocks drift a little still work.
const TOLERANCE_SECONDS = 30;

export interface TotpEnrolment {
  sealedSecret: string;
  secret: string;
  qrSvg: string;
}

/** A new secret for enrolment; it is kept (sealed) in the session until the person proves they set it up. */
export async function beginTotpEnrolment(email: string, key: Buffer): Promise<TotpEnrolment> {
  const secret = generateSecret();
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, sealedSecret: sealSecret(secret, key), qrSvg };
}

export function describeEnrolment(sealedSecret: string, email: string, key: Buffer): Promise<TotpEnrolment> {
  const secret = openSecret(sealedSecret, key);
  return QRCode.toString(generateURI({ issuer: ISSUER, label: email, secret }), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  }).then((qrSvg) => ({ secret, sealedSecret, qrSvg }));
}

/** Confirms enrolment with a first code; returns the recovery codes to show once, or undefined if the code is wrong. */
export async function confirmTotpEnrolment(
  userId: string,
  sealedSecret: string,
  code: string,
  key: Buffer,
  context: RequestContext,
): Promise<string[] | undefined> {
  const result = verifySync({
    secret: openSecret(sealedSecret, key),
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
  });
  if (!result.valid) return undefined;
  const codes = newRecoveryCodes();
  await UserModel.updateOne(
    { _id: userId },
    {
      $set: {
        totp: { sealedSecret, enabledAt: new Date(), lastTimeStep: timeStepOf(result) },
        recoveryCodeHashes: codes.map(hashRecoveryCode),
      },
    },
  );
  await recordAudit(
    { action: '2fa.enabled', outcome: 'success', actorId: userId, objectType: 'user', objectId: userId },
    context.origin,
  );
  return codes;
}

export type ChallengeResult = 'ok' | 'wrong' | 'locked';

/** Checks a code from the app (each accepted once) or a recovery code (each usable once). */
export async function verifySecondFactor(
  userId: string,
  input: string,
  key: Buffer,
  context: RequestContext,
): Promise<ChallengeResult> {
  if (await isSecondFactorLocked(userId)) return 'locked';
  const user = await findUserById(userId);
  const sealed = user?.totp?.sealedSecret;
  if (!user || !sealed) return 'wrong';
  const code = input.replace(/\s+/g, '').toLowerCase();

  if (/^\d{6}$/.test(code)) {
    const result = verifySync({
      secret: openSecret(sealed, key),
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      afterTimeStep: user.totp?.lastTimeStep ?? undefined,
    });
    if (result.valid) {
      await UserModel.updateOne({ _id: userId }, { $set: { 'totp.lastTimeStep': timeStepOf(result) } });
      return succeed(userId, 'totp', context);
    }
  } else {
    const hash = hashRecoveryCode(code);
    const remaining = (user.recoveryCodeHashes ?? []).filter((stored) => stored !== hash);
    if (remaining.length < (user.recoveryCodeHashes ?? []).length) {
      // The whole array is written: $pull with a condition is a silent no-op on FerretDB.
      await UserModel.updateOne({ _id: userId }, { $set: { recoveryCodeHashes: remaining } });
      return succeed(userId, 'recovery-code', context, { remaining: remaining.length });
    }
  }
  const locked = await recordSecondFactorFailure(userId);
  await recordAudit(
    {
      action: '2fa.challenge',
      outcome: 'failure',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
      details: locked ? { locked: true } : undefined,
    },
    context.origin,
  );
  return locked ? 'locked' : 'wrong';
}

async function succeed(
  userId: string,
  method: string,
  context: RequestContext,
  details: Record<string, unknown> = {},
): Promise<ChallengeResult> {
  await clearSecondFactorFailures(userId);
  await recordAudit(
    {
      action: '2fa.challenge',
      outcome: 'success',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
      details: { method, ...details },
    },
    context.origin,
  );
  return 'ok';
}

export async function regenerateRecoveryCodes(userId: string, context: RequestContext): Promise<string[]> {
  const codes = newRecoveryCodes();
  await UserModel.updateOne({ _id: userId }, { $set: { recoveryCodeHashes: codes.map(hashRecoveryCode) } });
  await recordAudit(
    {
      action: '2fa.recovery-codes-regenerated',
      outcome: 'success',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
    },
    context.origin,
  );
  return codes;
}

export async function countRecoveryCodes(userId: string): Promise<number> {
  return (await findUserById(userId))?.recoveryCodeHashes?.length ?? 0;
}

/** Ten codes of 10 base-32 characters (50 bits each), grouped for reading: "k7f2q-9xw3m". */
function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

function hashRecoveryCode(code: string): string {
  return hashToken(code.replace(/[^a-z0-9]/gi, '').toLowerCase());
}

// otplib's result type is shared with HOTP (no time step); a TOTP match always carries one.
function timeStepOf(result: object): number | undefined {
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : undefined;
}
