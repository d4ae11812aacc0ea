import { model, Schema } from 'mongoose';
import {
  FREQUENCIES,
  LANGUAGES,
  MAX_CHILDREN,
  PRESENTATION_MAX,
  PROFILE_STATUSES,
  VOLUNTEER_GENDERS,
} from './volunteer-rules.js';

const windowSchema = new Schema(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 },
    from: { type: String, required: true, match: /^\d{2}:\d{2}$/ },
    to: { type: String, required: true, match: /^\d{2}:\d{2}$/ },
  },
  { _id: false },
);

/**
 * What a volunteer offers, one per person. Shaped for matching: a social worker filters on municipality
 * and status (indexed together), then a lat/lon box around the child's postcode (plain indexes: FerretDB
 * has no geo index), then capacity, time overlap, language and interests in TypeScript.
 */
const volunteerProfileSchema = new Schema(
  {
    userId: { type: String, required: true },
    interests: { type: [String], default: [] },
    skills: { type: [String], default: [] },
    languages: { type: [String], enum: LANGUAGES, default: [] },
    postcode: { type: String, required: true, match: /^\d{4}$/ },
    // Derived from the postcode (geography), never from a form.
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    lat: { type: Number, required: true },
    lon: { type: Number, required: true },
    availability: { type: [windowSchema], default: [] },
    frequency: { type: String, required: true, enum: FREQUENCIES },
    maxChildren: { type: Number, required: true, min: 1, max: MAX_CHILDREN, default: 1 },
    // Unset means "not stated" (matching then cannot meet a hard wish about the adult's gender).
    gender: { type: String, enum: VOLUNTEER_GENDERS },
    presentation: { type: String, maxlength: PRESENTATION_MAX, default: '' },
    status: { type: String, required: true, enum: PROFILE_STATUSES, default: 'active' },
    pausedAt: { type: Date },
  },
  { timestamps: true, strict: 'throw' },
);

volunteerProfileSchema.index({ userId: 1 }, { unique: true });
volunteerProfileSchema.index({ municipalityCode: 1, status: 1 });
volunteerProfileSchema.index({ lat: 1, lon: 1 });

export const VolunteerProfileModel = model('VolunteerProfile', volunteerProfileSchema);
