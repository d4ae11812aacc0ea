import { FollowUpModel } from '../followups/index.js';
import { casesForReport, casesForReportEverywhere, NATIONAL_REPORT_READ_LIMIT } from '../case-reads/index.js';
import { isDuplicateKeyError, READ_BOUNDS } from '../../shared/db/index.js';
import type { JobContext } from '../../shared/jobs/index.js';
import type { FollowUpForReport, ReportInput } from './figures-rules.js';
import { factsChunkId, ReportFactsBuildModel, ReportFactsChunkModel } from './report-facts-model.js';
import { packFacts, unpackFacts } from './report-facts-rules.js';

/** Follow-ups a report reads at most for one municipality (a large one has ~24,000). */
const FOLLOW_UP_READ_LIMIT = 200_000;
// Far more chunks than one municipality's figures ever need (a few per municipality).
const CHUNKS_SWEPT_LIMIT = 1_000;
// Municipalities in Denmark, with room: the builds are listed by this bound.
const MUNICIPALITY_LIMIT = 1_000;

// Only the wellbeing of the answers is read: never what the adult wrote about a worry.
const FOLLOW_UP_FIELDS = {
  municipalityCode: 1,
  matchId: 1,
  dueOn: 1,
  state: 1,
  answeredAt: 1,
  'answers.wellbeing': 1,
  worryRaisedAt: 1,
  worrySeenAt: 1,
};

interface StoredFollowUp {
  municipalityCode: string;
  matchId: string;
  dueOn: string;
  state: string;
  answeredAt?: Date | null;
  answers?: { wellbeing?: number | null } | null;
  worryRaisedAt?: Date | null;
  worrySeenAt?: Date | null;
}

const followUpForReport = (followUp: StoredFollowUp): FollowUpForReport => ({
  matchId: followUp.matchId,
  dueOn: followUp.dueOn,
  state: followUp.state,
  answeredAt: followUp.answeredAt ?? undefined,
  wellbeing: followUp.answers?.wellbeing ?? undefined,
  worryRaisedAt: followUp.worryRaisedAt ?? undefined,
  worrySeenAt: followUp.worrySeenAt ?? undefined,
});

/** Everything a municipality's report is computed from, read from the records within its own tenant. */
export async function reportInputFromRecords(municipalityCode: string): Promise<ReportInput> {
  const [cases, followUps] = await Promise.all([
    casesForReport(municipalityCode),
    FollowUpModel.find({ municipalityCode }, FOLLOW_UP_FIELDS)
      .limit(FOLLOW_UP_READ_LIMIT)
      .lean<StoredFollowUp[]>(),
  ]);
  return { ...cases, followUps: followUps.map(followUpForReport) };
}

/** Every municipality's report input, from one pass over each collection. */
async function reportInputsEverywhere(): Promise<Map<string, ReportInput>> {
  const [cases, followUps] = await Promise.all([
    casesForReportEverywhere(),
    FollowUpModel.find({}, FOLLOW_UP_FIELDS).limit(NATIONAL_REPORT_READ_LIMIT).lean<StoredFollowUp[]>(),
  ]);
  const inputs = new Map<string, ReportInput>();
  const inputOf = (code: string) => {
    let input = inputs.get(code);
    if (!input) inputs.set(code, (input = { requests: [], matches: [], followUps: [] }));
    return input;
  };
  for (const [code, requests] of cases.requests) inputOf(code).requests = requests;
  for (const [code, matches] of cases.matches) inputOf(code).matches = matches;
  for (const followUp of followUps)
    inputOf(followUp.municipalityCode).followUps.push(followUpForReport(followUp));
  return inputs;
}

/**
 * Writes a municipality's maintained figures: new chunks first, then the list of chunks that make them
 * up, then the chunks no longer listed. A reader thus finds either the old list or the new one, each
 * with all its chunks in place; one that loses a race with the deletion reads the records instead.
 */
async function storeFacts(municipalityCode: string, input: ReportInput, builtAt: Date): Promise<void> {
  const previous = await ReportFactsBuildModel.findById(municipalityCode).lean();
  const listed = new Set(previous?.chunkIds ?? []);
  const chunkIds: string[] = [];
  for (const { fromMonth, toMonth, body, digest } of packFacts(municipalityCode, input)) {
    const _id = factsChunkId(municipalityCode, fromMonth, digest);
    chunkIds.push(_id);
    if (listed.has(_id)) continue;
    try {
      await ReportFactsChunkModel.create({ _id, municipalityCode, fromMonth, toMonth, body });
    } catch (error) {
      // The same content, already written by a concurrent build.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  await ReportFactsBuildModel.updateOne(
    { _id: municipalityCode },
    { $set: { builtAt, chunkIds } },
    { upsert: true, runValidators: true },
  );
  const kept = new Set(chunkIds);
  for (const stale of listed) if (!kept.has(stale)) await ReportFactsChunkModel.deleteOne({ _id: stale });
}

export interface MaintainedInput {
  input: ReportInput;
  /** When the records the figures come from were read. */
  builtAt: Date;
}

/** A municipality's maintained figures, read by id only; undefined when there are none (yet). */
export async function readFacts(municipalityCode: string): Promise<MaintainedInput | undefined> {
  const build = await ReportFactsBuildModel.findById(municipalityCode).lean();
  if (!build) return undefined;
  const chunks = await Promise.all(
    build.chunkIds.map((_id) => ReportFactsChunkModel.findById(_id, { body: 1 }).lean()),
  );
  if (chunks.some((chunk) => !chunk)) return undefined;
  return { input: unpackFacts(chunks.map((chunk) => chunk!.body)), builtAt: build.builtAt };
}

/** Builds one municipality's maintained figures from its records now, and answers what was built. */
async function rebuildFacts(municipalityCode: string): Promise<MaintainedInput> {
  const builtAt = new Date();
  const input = await reportInputFromRecords(municipalityCode);
  await storeFacts(municipalityCode, input, builtAt);
  return { input, builtAt };
}

/**
 * The report input from the maintained figures, never older than READ_BOUNDS.outcomes: on first use (none
 * yet), or when the hourly job has not run for longer than that, built from the records at once.
 */
export async function maintainedInput(municipalityCode: string, now = new Date()): Promise<MaintainedInput> {
  const kept = await readFacts(municipalityCode);
  if (kept && now.getTime() - kept.builtAt.getTime() <= READ_BOUNDS.outcomes) return kept;
  return rebuildFacts(municipalityCode);
}

/**
 * The job: every municipality's figures rebuilt from one read of all records (one claimed item per
 * municipality and run). Municipalities whose records are all gone get empty figures.
 */
export async function maintainFigures(context: JobContext): Promise<number> {
  const builtAt = new Date();
  const inputs = await reportInputsEverywhere();
  const builds = await ReportFactsBuildModel.find({}, { _id: 1 }).limit(MUNICIPALITY_LIMIT).lean();
  const codes = [...new Set([...inputs.keys(), ...builds.map((build) => build._id)])].sort();
  const empty: ReportInput = { requests: [], matches: [], followUps: [] };
  return context.eachItem(
    codes,
    (code) => `${code}:${builtAt.toISOString()}`,
    async (code) => {
      await storeFacts(code, inputs.get(code) ?? empty, builtAt);
      await sweepUnlistedChunks(code, new Date(builtAt.getTime() - SWEEP_AFTER_MS));
    },
  );
}

// A build on first use that raced another build can leave chunks no list names; they are removed once
// older than any build still running could be.
const SWEEP_AFTER_MS = 30 * 60_000;

/** Deletes the municipality's chunks that its current list does not name and that were written before `before`. */
export async function sweepUnlistedChunks(municipalityCode: string, before: Date): Promise<number> {
  const build = await ReportFactsBuildModel.findById(municipalityCode).lean();
  const listed = new Set(build?.chunkIds ?? []);
  const chunks = await ReportFactsChunkModel.find({ municipalityCode }, { _id: 1, createdAt: 1 })
    .limit(CHUNKS_SWEPT_LIMIT)
    .lean();
  let deleted = 0;
  for (const chunk of chunks) {
    if (listed.has(chunk._id) || !(chunk.createdAt < before)) continue;
    deleted += (await ReportFactsChunkModel.deleteOne({ _id: chunk._id })).deletedCount;
  }
  return deleted;
}
