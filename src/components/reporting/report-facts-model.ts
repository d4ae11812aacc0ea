import { model, Schema, type InferSchemaType } from 'mongoose';

/**
 * One month of one municipality's maintained report input (see report-facts-rules.ts). The `_id` is
 * `municipality:month:digest`, so a changed month is written as a new document and every read is by id.
 */
const reportFactsMonthSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    month: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    body: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

export type ReportFactsMonth = InferSchemaType<typeof reportFactsMonthSchema>;
export const ReportFactsMonthModel = model('ReportFactsMonth', reportFactsMonthSchema, 'report_fact_months');

/**
 * Which month documents make up a municipality's maintained figures, and when the records they come from
 * were read (`builtAt`: the "figures as of" on the page). `_id` = the municipality's code.
 */
const reportFactsBuildSchema = new Schema(
  {
    _id: { type: String, required: true, match: /^\d{4}$/ },
    builtAt: { type: Date, required: true },
    monthIds: { type: [String], default: [] },
  },
  { timestamps: true, strict: 'throw' },
);

export type ReportFactsBuild = InferSchemaType<typeof reportFactsBuildSchema>;
export const ReportFactsBuildModel = model('ReportFactsBuild', reportFactsBuildSchema, 'report_fact_builds');

export const factsMonthId = (municipalityCode: string, month: string, digest: string) =>
  `${municipalityCode}:${month}:${digest}`;
