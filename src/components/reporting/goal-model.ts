import { model, Schema } from 'mongoose';
import { GOAL_METRICS } from './goal-rules.js';

/**
 * One target a municipality set for one year. The `_id` is `municipality:year:metric`, so setting a
 * target again replaces it (one per metric and year), and every read is by the municipality's own ids.
 */
const reportGoalSchema = new Schema(
  {
    _id: { type: String, required: true },
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    metric: { type: String, required: true, enum: GOAL_METRICS },
    target: { type: Number, required: true, min: 0, max: 100_000 },
    setBy: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

export const ReportGoalModel = model('ReportGoal', reportGoalSchema, 'report_goals');

export const goalId = (municipalityCode: string, year: number, metric: string) =>
  `${municipalityCode}:${year}:${metric}`;
