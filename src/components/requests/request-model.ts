import { model, Schema } from 'mongoose';
import { LANGUAGES } from '../volunteers/index.js';
import {
  ADULT_GENDERS,
  CASE_REF_MAX,
  CHILD_GENDERS,
  NEEDS_TEXT_MAX,
  PREVENTS_STEPS,
  REQUEST_STATUSES,
} from './request-rules.js';

const windowSchema = new Schema(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 },
    from: { type: String, required: true, match: /^\d{2}:\d{2}$/ },
    to: { type: String, required: true, match: /^\d{2}:\d{2}$/ },
  },
  { _id: false },
);

/**
 * A social worker's request for a trusted adult for one child. Pseudonymous by construction: the child
 * is `caseRef` (the municipality's own case number), never a name, CPR number or address. The tenant
 * (`municipalityCode`) and `responsibleId` come from the session, never from a form.
 */
const requestSchema = new Schema(
  {
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    responsibleId: { type: String, required: true },
    caseRef: { type: String, required: true, maxlength: CASE_REF_MAX },
    birthYear: { type: Number, required: true },
    birthMonth: { type: Number, required: true, min: 1, max: 12 },
    gender: { type: String, enum: CHILD_GENDERS },
    postcode: { type: String, required: true, match: /^\d{4}$/ },
    // Derived from the postcode (geography): where the child lives, for distances.
    areaMunicipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    lat: { type: Number, required: true },
    lon: { type: Number, required: true },
    interests: { type: [String], default: [] },
    // The team's own words: shown only to social workers of the same municipality, never in a proposal.
    needsText: { type: String, maxlength: NEEDS_TEXT_MAX, default: '' },
    // Short tags an organisation and volunteer may see once they are proposed.
    needTags: { type: [String], default: [] },
    homeLanguages: { type: [String], enum: LANGUAGES, default: [] },
    windows: { type: [windowSchema], default: [] },
    maxTravelKm: { type: Number, min: 1, max: 100 },
    adultGender: { type: String, enum: ADULT_GENDERS },
    noFaithCommunity: { type: Boolean, required: true, default: false },
    // The child's existing network comes first: organisations the child already knows (ids only).
    networkOrganisationIds: { type: [String], default: [] },
    // A relative or known adult who already volunteers is picked later from the candidates (a user id),
    // never typed in as a name: a name in free text would identify the family.
    networkVolunteerId: { type: String },
    preventsStep: { type: String, required: true, enum: PREVENTS_STEPS },
    expectedMonths: { type: Number, required: true, min: 3, max: 24, default: 12 },
    status: { type: String, required: true, enum: REQUEST_STATUSES, default: 'open' },
    createdBy: { type: String, required: true },
    closedAt: { type: Date },
    closedBy: { type: String },
  },
  { timestamps: true, strict: 'throw' },
);

// A worker's caseload, and a team's list, are both read by municipality first.
// A social worker's cases, newest first.
requestSchema.index({ municipalityCode: 1, responsibleId: 1, status: 1, createdAt: -1 });
requestSchema.index({ municipalityCode: 1, status: 1 });

export const RequestModel = model('ChildRequest', requestSchema, 'child_requests');
