import { z } from 'zod';
import { optionalPhone, requiredEmail } from '../../shared/http/index.js';
import { MUNICIPALITY_SETTING_LIMITS, type MunicipalitySettingName } from './municipality-model.js';

export const municipalityCodeSchema = z.string().regex(/^\d{4}$/);

export const inviteAdministratorSchema = z.strictObject({ email: requiredEmail });

/** The settings form: whole numbers within each setting's limits, one message per field. */
const numericSettingsSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(MUNICIPALITY_SETTING_LIMITS).map(([name, limit]) => [
      name,
      z
        .string('forms.errors.invalid')
        .trim()
        .min(1, 'forms.errors.required')
        .regex(/^\d{1,4}$/, 'municipalities.settings.wholeNumber')
        .transform(Number)
        .pipe(
          z
            .number()
            .min(limit.min, 'municipalities.settings.outOfRange')
            .max(limit.max, 'municipalities.settings.outOfRange'),
        ),
    ]),
  ) as unknown as Record<MunicipalitySettingName, z.ZodType<number, string>>,
);

/** The numbers, and the after-hours phone for a child in danger (may be left empty). */
export const municipalitySettingsSchema = numericSettingsSchema.extend({ afterHoursPhone: optionalPhone });
