import { z } from 'zod';
import { identifierText, optionalPhone, requiredEmail } from '../../shared/http/index.js';
import { MUNICIPAL_STAFF_ROLES } from './roles.js';

// Messages are catalog keys; the form shows them next to the field.

const email = requiredEmail;

// A person's name is how others recognise them: hidden characters are refused (see form-fields.ts).
const name = identifierText()
  .min(1, 'forms.errors.required')
  .max(120, 'forms.errors.tooLong')
  .transform((value) => value.normalize('NFC'));

// The length rules live in password-rules.ts; here only "present" and a hard cap against huge bodies.
const password = z
  .string('forms.errors.invalid')
  .min(1, 'forms.errors.required')
  .max(4096, 'accounts.password.tooLong');
const language = z.enum(['da', 'en'], 'forms.errors.invalid');

export const signUpSchema = z.strictObject({ name, email, password });
export const loginSchema = z.strictObject({ email, password });
export const forgotPasswordSchema = z.strictObject({ email });
export const resetPasswordSchema = z.strictObject({ password });
export const secondFactorSchema = z.strictObject({
  code: z
    .string('forms.errors.invalid')
    .trim()
    .min(1, 'forms.errors.required')
    .max(20, 'accounts.totp.wrongCode'),
});
/** The first code from the authenticator app: six digits; spaces (as apps show "123 456") are ignored. */
export const enrolmentCodeSchema = z.strictObject({
  code: z
    .string('forms.errors.invalid')
    .max(40, 'accounts.totp.codeFormat')
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'forms.errors.required')
        .regex(/^\d{6}$/, 'accounts.totp.codeFormat'),
    ),
});
export const profileSchema = z.strictObject({
  name,
  phone: optionalPhone,
  language,
});
export const changePasswordSchema = z.strictObject({ currentPassword: password, newPassword: password });
export const acceptInvitationSchema = z.strictObject({ name, password });
export const switchRoleSchema = z.strictObject({
  grant: z.coerce.number('forms.errors.invalid').int().min(0).max(50),
});
export const inviteStaffSchema = z.strictObject({
  email,
  role: z.enum(MUNICIPAL_STAFF_ROLES, 'forms.errors.invalid'),
});
// `grant`: which of the person's staff grants the row is about (someone may be both social worker and leader).
const staffGrant = z.enum(MUNICIPAL_STAFF_ROLES, 'forms.errors.invalid').optional();
export const staffRoleSchema = z.strictObject({
  role: z.enum(MUNICIPAL_STAFF_ROLES, 'forms.errors.invalid'),
  grant: staffGrant,
});
export const staffGrantSchema = z.strictObject({ grant: staffGrant });
export { emptySchema } from '../../shared/http/index.js';
