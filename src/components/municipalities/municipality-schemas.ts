import { z } from 'zod';

export const municipalityCodeSchema = z.string().regex(/^\d{4}$/);

export const inviteAdministratorSchema = z.strictObject({
  email: z
    .string('forms.errors.invalid')
    .trim()
    .min(1, 'forms.errors.required')
    .max(254, 'forms.errors.tooLong')
    .pipe(z.email('accounts.errors.email')),
});
