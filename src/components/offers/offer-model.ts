import { model, Schema } from 'mongoose';
import { OFFER_CATEGORIES } from './offer-rules.js';

const OFFER_STATUSES = ['active', 'paused'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

const timeWindowSchema = new Schema(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 },
    from: { type: String, required: true, match: /^\d{2}:\d{2}$/ },
    to: { type: String, required: true, match: /^\d{2}:\d{2}$/ },
  },
  { _id: false },
);

/**
 * What an organisation can concretely give a child: "2 children aged 7–10, Tuesday gymnastics 16–17,
 * Asaa hall". The address is shown only after a match; the marketplace shows the postcode town.
 */
const offerSchema = new Schema(
  {
    organisationId: { type: String, required: true },
    title: { type: String, required: true, maxlength: 120 },
    category: { type: String, required: true, enum: OFFER_CATEGORIES },
    tags: { type: [String], default: [] },
    description: { type: String, required: true, maxlength: 2000 },
    ageMin: { type: Number, required: true, min: 0, max: 25 },
    ageMax: { type: Number, required: true, min: 0, max: 25 },
    schedule: { type: [timeWindowSchema], default: [] },
    // Weekdays of the schedule, kept beside it so "which offers run on Tuesdays" is a check of one field.
    weekdays: { type: [Number], default: [] },
    postcode: { type: String, required: true, match: /^\d{4}$/ },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    // The postcode's centroid, for distance filters without a geo index.
    lat: { type: Number, required: true },
    lon: { type: Number, required: true },
    address: { type: String, maxlength: 200 },
    places: { type: Number, required: true, min: 1, max: 100 },
    languages: { type: [String], default: [] },
    accessibility: { type: String, maxlength: 500 },
    adultIds: { type: [String], default: [] },
    status: { type: String, required: true, enum: OFFER_STATUSES, default: 'active' },
    endsOn: { type: Date },
    createdBy: { type: String },
  },
  { timestamps: true, strict: 'throw' },
);

// A coordinator's list, and the marketplace's read of the active offers (see marketplace-read-model.ts for
// why the marketplace filters in TypeScript rather than with lat/lon and category indexes).
offerSchema.index({ organisationId: 1, status: 1 });
offerSchema.index({ status: 1 });
// An organisation's offers, newest first.
offerSchema.index({ organisationId: 1, createdAt: -1 });

export const OfferModel = model('Offer', offerSchema);
