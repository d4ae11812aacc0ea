import { model, Schema } from 'mongoose';

/**
 * A claim on one item of one job. The `_id` is `job|key|attempt`, so claiming is an insert that the unique
 * `_id` refuses to do twice on MongoDB and FerretDB alike, and every later read is an `_id` lookup (the one
 * filter FerretDB's SQLite backend pushes down). A holder that dies leaves its lease to run out; whoever
 * sees it expired claims the next attempt, again by a unique insert, so exactly one takes it over.
 */
const jobClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    job: { type: String, required: true },
    key: { type: String, required: true },
    attempt: { type: Number, required: true, min: 0 },
    holder: { type: String, required: true },
    // The holder's fencing token (see ItemClaim.token). Checked when a claim is created; claims written
    // before tokens existed have none, and no running process holds them, so nothing compares it.
    token: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    // Compared with the database's clock only, never an instance's own.
    leaseUntil: { type: Date, required: true },
    doneAt: { type: Date },
    releasedAt: { type: Date },
  },
  { strict: 'throw', versionKey: false },
);
jobClaimSchema.index({ claimedAt: 1 });

export const JobClaimModel = model('JobClaim', jobClaimSchema);

/** One run of one job on one instance: what the platform administrators' jobs page lists. */
const jobRunSchema = new Schema(
  {
    job: { type: String, required: true },
    instanceId: { type: String, required: true },
    trigger: { type: String, required: true, enum: ['schedule', 'manual', 'shell'] },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    items: { type: Number, required: true, default: 0 },
    failures: { type: Number, required: true, default: 0 },
    errorMessages: { type: [String], default: [] },
    // Stopped by SIGTERM before the end: the unfinished items were released for another instance.
    interrupted: { type: Boolean, required: true, default: false },
    // Items left because the lease ran out before their work was done (the instance stalled): another
    // instance finishes them. Runs recorded before this was counted have none.
    abandoned: { type: Number, default: 0 },
  },
  { strict: 'throw', versionKey: false },
);
jobRunSchema.index({ job: 1, startedAt: -1 });
jobRunSchema.index({ startedAt: 1 });

export const JobRunModel = model('JobRun', jobRunSchema);

/**
 * Each job's latest run, whatever it did: frequent jobs that find nothing to do leave no run record
 * (the outbox ticks every ten seconds), but the page still shows when they last ran and where.
 */
const jobStatusSchema = new Schema(
  {
    _id: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    instanceId: { type: String, required: true },
    items: { type: Number, required: true, default: 0 },
    failures: { type: Number, required: true, default: 0 },
  },
  { strict: 'throw', versionKey: false },
);

export const JobStatusModel = model('JobStatus', jobStatusSchema);
