import { model, Schema } from 'mongoose';

/** A social worker's bookmark of a candidate for one request (the request's team sees them). */
const bookmarkSchema = new Schema(
  {
    requestId: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    // volunteerId_organisationId[_offerId]: required, so the unique key never meets a missing field.
    candidateKey: { type: String, required: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

bookmarkSchema.index({ requestId: 1, candidateKey: 1 }, { unique: true });

export const BookmarkModel = model('CandidateBookmark', bookmarkSchema, 'candidate_bookmarks');
