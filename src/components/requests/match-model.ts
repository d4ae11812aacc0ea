import { model, Schema, type InferSchemaType } from 'mongoose';
import { ENDING_REASONS, MATCH_STATES } from './match-rules.js';

const matchEventSchema = new Schema(
  {
    state: { type: String, required: true, enum: MATCH_STATES },
    by: { type: String, required: true },
    role: { type: String, required: true },
    at: { type: Date, required: true },
    reason: { type: String, maxlength: 500 },
  },
  { _id: false },
);

const answerSchema = new Schema(
  { by: { type: String, required: true }, at: { type: Date, required: true } },
  { _id: false },
);

/**
 * One proposed adult for one child's request. What the organisation and the volunteer see of the child
 * is decided per request by the family's consent (the consent component); `askText` (the activity) is
 * always shown, `childAlias` only when the consent lists it.
 * `liveKey` is request:volunteer while the match is live and the match's own id once it ended, so a
 * unique index refuses a second live proposal of the same adult for the same child (required, so that
 * the unique index never meets a missing value).
 */
const matchSchema = new Schema(
  {
    requestId: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    organisationId: { type: String, required: true },
    offerId: { type: String },
    volunteerId: { type: String, required: true },
    proposedBy: { type: String, required: true },
    childAlias: { type: String, required: true, maxlength: 40 },
    askText: { type: String, required: true, maxlength: 1000 },
    state: { type: String, required: true, enum: MATCH_STATES },
    history: { type: [matchEventSchema], default: [] },
    // How many claimed steps have been applied (see match-step-model.ts).
    steps: { type: Number, required: true, default: 0 },
    acceptedByOrg: { type: answerSchema },
    acceptedByVolunteer: { type: answerSchema },
    declineReason: { type: String, maxlength: 500 },
    closeReason: { type: String, enum: ENDING_REASONS },
    rematchOffered: { type: Boolean, required: true, default: false },
    liveKey: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

matchSchema.index({ liveKey: 1 }, { unique: true });
matchSchema.index({ requestId: 1, createdAt: -1 });
matchSchema.index({ organisationId: 1, state: 1 });
matchSchema.index({ volunteerId: 1, state: 1 });
matchSchema.index({ offerId: 1, state: 1 });
matchSchema.index({ state: 1, createdAt: 1 });
// The repair job pages through the active matches in id order.
matchSchema.index({ state: 1, _id: 1 });
// Everyone's list of matches shows the newest first; the municipality's reports and caseload read its own.
matchSchema.index({ organisationId: 1, createdAt: -1 });
matchSchema.index({ volunteerId: 1, createdAt: -1 });
matchSchema.index({ municipalityCode: 1, state: 1 });

export type Match = InferSchemaType<typeof matchSchema>;
export const MatchModel = model('Match', matchSchema);
