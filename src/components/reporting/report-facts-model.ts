import { model, Schema } from 'mongoose';

/**
 * A run of months of one municipality's maintained report input (see report-facts-rules.ts). The `_id`
 * is `municipality:fromMonth:digest`, so a changed chunk is written as a new document and every read is
 * by id.
 */
const reportFactsChunkSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    fromMonth: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    toMonth: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    body: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

// The clean-up of a municipality's chunks no longer listed finds them by municipality.
reportFactsChunkSchema.index({ municipalityCode: 1 });

export const ReportFactsChunkModel = model('ReportFactsChunk', reportFactsChunkSchema, 'report_fact_chunks');

/**
 * Which chunks make up a municipality's maintained figures, and when the records they come from were
 * read (`builtAt`: the "figures as of" on the page). `_id` = the municipality's code.
 */
const reportFactsBuildSchema = new Schema(
  {
    _id: { type: String, required: true, match: /^\d{4}$/ },
    builtAt: { type: Date, required: true },
    chunkIds: { type: [String], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

export const ReportFactsBuildModel = model('ReportFactsBuild', reportFactsBuildSchema, 'report_fact_builds');

export const factsChunkId = (municipalityCode: string, fromMonth: string, digest: string) =>
  `${municipalityCode}:${fromMonth}:${digest}`;
