import { z } from 'zod';

export const inviteMemberSchema = z.strictObject({
  email: z
    .string('forms.errors.invalid')
    .trim()
    .min(1, 'forms.errors.required')
    .max(254, 'forms.errors.tooLong')
    .pipe(z.email('accounts.errors.email')),
  role: z.enum(['volunteer', 'coordinator'], 'forms.errors.invalid'),
});
