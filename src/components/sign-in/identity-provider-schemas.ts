import { z } from 'zod';
import { isGrantableByProvider, isMultiTenantIssuer, NSIS_LEVELS, type GroupRole } from './sign-in-rules.js';

// Messages are catalog keys; the form shows them next to the field.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on this machine only (a provider started next to the app in development and tests). */
function isAcceptableIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.search || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

const issuer = z
  .string('forms.errors.invalid')
  .trim()
  .min(1, 'forms.errors.required')
  .max(500, 'forms.errors.tooLong')
  .refine(isAcceptableIssuer, 'signIn.settings.errors.issuer')
  .refine((value) => !isMultiTenantIssuer(value), 'signIn.settings.errors.multiTenant');

const clientId = z
  .string('forms.errors.invalid')
  .trim()
  .min(1, 'forms.errors.required')
  .max(200, 'forms.errors.tooLong')
  .regex(/^[\x21-\x7e]+$/, 'signIn.settings.errors.clientId');

// Empty keeps the stored secret (it is never shown again); the first save needs one (the service checks).
const clientSecret = z
  .string('forms.errors.invalid')
  .max(1000, 'forms.errors.tooLong')
  .regex(/^[\x21-\x7e]*$/, 'signIn.settings.errors.clientSecret');

const claimName = z
  .string('forms.errors.invalid')
  .trim()
  .min(1, 'forms.errors.required')
  .max(200, 'forms.errors.tooLong')
  .regex(/^[A-Za-z0-9_.:/-]+$/, 'signIn.settings.errors.claim');

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

// Control characters, bidirectional marks and zero-width characters: a group name that hides one would
// look like another group on the page.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** One "group = role" a line. A platform role, or any role not a municipality's, is refused here. */
const groupRoles = z
  .string('forms.errors.invalid')
  .max(10_000, 'forms.errors.tooLong')
  .transform((text, context): GroupRole[] => {
    const mapping: GroupRole[] = [];
    for (const line of lines(text)) {
      const at = line.lastIndexOf('=');
      const group = at > 0 ? line.slice(0, at).trim() : '';
      const role = at > 0 ? line.slice(at + 1).trim() : '';
      if (!group || !role || group.length > 200 || HIDDEN.test(group)) {
        context.addIssue({ code: 'custom', message: 'signIn.settings.errors.groupLine' });
        return z.NEVER;
      }
      if (!isGrantableByProvider(role)) {
        context.addIssue({
          code: 'custom',
          message:
            role === 'platform-admin' ? 'signIn.settings.errors.platformRole' : 'signIn.settings.errors.role',
        });
        return z.NEVER;
      }
      mapping.push({ group, role });
    }
    if (mapping.length === 0) {
      context.addIssue({ code: 'custom', message: 'signIn.settings.errors.noGroups' });
      return z.NEVER;
    }
    return mapping;
  });

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const emailDomains = z
  .string('forms.errors.invalid')
  .max(5000, 'forms.errors.tooLong')
  .transform((text, context) => {
    const domains = [
      ...new Set(lines(text.replace(/[,\s]+/g, '\n')).map((d) => d.toLowerCase().replace(/^@/, ''))),
    ];
    if (domains.length === 0 || domains.some((domain) => !DOMAIN.test(domain))) {
      context.addIssue({ code: 'custom', message: 'signIn.settings.errors.domains' });
      return z.NEVER;
    }
    return domains;
  });

const acceptedAcr = z
  .string('forms.errors.invalid')
  .max(5000, 'forms.errors.tooLong')
  .transform((text, context) => {
    const values = lines(text);
    if (values.some((value) => value.length > 300 || !/^[\x21-\x7e]+$/.test(value))) {
      context.addIssue({ code: 'custom', message: 'signIn.settings.errors.acr' });
      return z.NEVER;
    }
    return values;
  });

export const identityProviderSchema = z.strictObject({
  issuer,
  clientId,
  clientSecret,
  emailClaim: claimName,
  nameClaim: claimName,
  groupsClaim: claimName,
  groupRoles,
  assuranceLevel: z.enum(['none', ...NSIS_LEVELS], 'forms.errors.invalid'),
  acceptedAcr,
  // Only a platform administrator's form has the field; the service keeps the stored list for others.
  emailDomains: emailDomains.optional(),
});

export type IdentityProviderInput = z.output<typeof identityProviderSchema>;

/** The callback's query: what the provider sends back (an error instead of a code is allowed). */
export const callbackQuerySchema = z.looseObject({
  // Ours, sent out as base64url and compared when it comes back.
  state: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  code: z.string().max(2000).optional(),
  // OAuth error codes are printable ASCII (RFC 6749).
  error: z
    .string()
    .max(200)
    .regex(/^[\x20-\x7e]+$/)
    .optional(),
});
