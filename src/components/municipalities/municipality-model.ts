import { model, Schema } from 'mongoose';

/**
 * What each municipality decides for itself; other components read these (vetting, follow-ups,
 * retention). Defaults are what a municipality gets until its administrator changes them.
 */
export const MUNICIPALITY_SETTING_LIMITS = {
  vettingValidityMonths: { min: 6, max: 60, default: 24 },
  minimumTrainingHours: { min: 0, max: 40, default: 2 },
  followUpEveryWeeks: { min: 1, max: 26, default: 4 },
  closedCaseRetentionMonths: { min: 1, max: 120, default: 24 },
  inactiveVolunteerRetentionMonths: { min: 6, max: 60, default: 24 },
  auditRetentionYears: { min: 1, max: 10, default: 5 },
} as const;

export type MunicipalitySettingName = keyof typeof MUNICIPALITY_SETTING_LIMITS;
export type MunicipalitySettings = Record<MunicipalitySettingName, number>;

const settingsSchema = new Schema(
  Object.fromEntries(
    Object.entries(MUNICIPALITY_SETTING_LIMITS).map(([name, limit]) => [
      name,
      { type: Number, required: true, min: limit.min, max: limit.max, default: limit.default },
    ]),
  ),
  { _id: false },
);

/** A municipality (kommune): the tenant that every child-related record belongs to. */
const municipalitySchema = new Schema(
  {
    // The official code, e.g. "0101" for København; required because it is unique.
    code: { type: String, required: true, match: /^\d{4}$/ },
    name: { type: String, required: true },
    region: { type: String, required: true },
    // True once the municipality uses Brobygning (an administrator approved it).
    onboarded: { type: Boolean, required: true, default: false },
    settings: { type: settingsSchema, default: () => ({}) },
    // Whom a volunteer calls when a child is in danger outside office hours (besides 112); shown only when set.
    afterHoursPhone: { type: String, maxlength: 30 },
    settingsChangedAt: { type: Date },
    settingsChangedBy: { type: String },
  },
  { timestamps: true, strict: 'throw' },
);

municipalitySchema.index({ code: 1 }, { unique: true });
municipalitySchema.index({ onboarded: 1, name: 1 });

export const MunicipalityModel = model('Municipality', municipalitySchema);
