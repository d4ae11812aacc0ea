import { model, Schema } from 'mongoose';
import { WORRY_ACTIONS, WORRY_NOTE_MAX } from './worry-rules.js';
import { CONTINUE_WISHES, FOLLOW_UP_AUDIENCES, FOLLOW_UP_KINDS, STORED_STATES } from './followup-rules.js';

export const WORRY_TEXT_MAX = 1000;
export const SKIP_REASON_MAX = 300;

/**
 * The answers, the same questions every time so they can be compared over time. The child is seen
 * through the adult's eyes only (wellbeing 1–5); nothing names the child.
 */
const answersSchema = new Schema(
  {
    meetings: { type: Number, required: true, min: 0, max: 31 },
    goes: { type: Number, required: true, min: 1, max: 5 },
    wellbeing: { type: Number, required: true, min: 1, max: 5 },
    worry: { type: Boolean, required: true },
    // Only the request's team (the municipality's social workers) ever sees this.
    worryText: { type: String, maxlength: WORRY_TEXT_MAX },
    wishContinue: { type: String, required: true, enum: CONTINUE_WISHES },
  },
  { _id: false },
);

/**
 * One planned follow-up of one match: the volunteer's own check-in, or the social worker's conversation
 * with the family. The `_id` is `matchId:audience:kind:sequence`, so planning the same follow-up twice
 * (two instances, two runs, an event and the reconciling job) is refused by the unique `_id`.
 */
const followUpSchema = new Schema(
  {
    _id: { type: String, required: true },
    matchId: { type: String, required: true },
    requestId: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    organisationId: { type: String, required: true },
    volunteerId: { type: String, required: true },
    // Nothing of the child is kept here: pages and mails ask matching's child gate by `matchId`.
    audience: { type: String, required: true, enum: FOLLOW_UP_AUDIENCES },
    kind: { type: String, required: true, enum: FOLLOW_UP_KINDS },
    sequence: { type: Number, required: true, min: 1 },
    dueOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    state: { type: String, required: true, enum: STORED_STATES, default: 'open' },
    // Set while the match is paused: the plan waits, and resuming moves the date on.
    pausedOn: { type: String },
    answers: { type: answersSchema },
    answeredBy: { type: String },
    answeredAt: { type: Date },
    skipReason: { type: String, maxlength: SKIP_REASON_MAX },
    remindedAt: { type: Date },
    escalatedAt: { type: Date },
    // A worrying answer: on the social workers' home until one of them has read it.
    worryRaisedAt: { type: Date },
    worrySeenAt: { type: Date },
    worrySeenBy: { type: String },
    // What the team did about the worry, recorded once; the note is read only by the municipality's social workers.
    worryHandledAt: { type: Date },
    worryHandledBy: { type: String },
    worryActions: { type: [String], enum: WORRY_ACTIONS, default: undefined },
    worryNote: { type: String, maxlength: WORRY_NOTE_MAX },
    // Bumped by the guarded write that records the handling (see writeNextVersion in shared/db).
    writeVersion: { type: Number },
  },
  { timestamps: true, strict: 'throw' },
);

followUpSchema.index({ matchId: 1, audience: 1, sequence: 1 });
followUpSchema.index({ municipalityCode: 1, state: 1, dueOn: 1 });
followUpSchema.index({ volunteerId: 1, state: 1 });
followUpSchema.index({ organisationId: 1, state: 1 });
// The coordinator's check-ins, newest first, a page at a time.
followUpSchema.index({ organisationId: 1, audience: 1, dueOn: -1, _id: 1 });
followUpSchema.index({ state: 1, dueOn: 1 });
// Retention removes a deleted request's follow-ups.
followUpSchema.index({ requestId: 1 });
// The homes' one read of unhandled worries across the platform (a worry may sit on an answered follow-up).
followUpSchema.index({ worryRaisedAt: 1 });

export const FollowUpModel = model('FollowUp', followUpSchema, 'follow_ups');

/** A match's plan clock, `_id` = matchId: when it became active, paused days, and its flags. */
const followUpPlanSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    requestId: { type: String, required: true },
    activeOn: { type: String, required: true },
    pausedDays: { type: Number, required: true, default: 0 },
    pausedOn: { type: String },
    closedOn: { type: String },
    // Two missed check-ins in a row: flagged on the social workers' home.
    missedFlagAt: { type: Date },
    // The volunteer's børneattest ended while the match runs: flagged to the team.
    vettingExpiredAt: { type: Date },
  },
  { timestamps: true, strict: 'throw' },
);

followUpPlanSchema.index({ municipalityCode: 1 });
followUpPlanSchema.index({ requestId: 1 });
// The homes' one read of flagged plans across the platform.
followUpPlanSchema.index({ missedFlagAt: 1 });
followUpPlanSchema.index({ vettingExpiredAt: 1 });

export const FollowUpPlanModel = model('FollowUpPlan', followUpPlanSchema, 'follow_up_plans');
