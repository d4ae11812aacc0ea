import { model, Schema } from 'mongoose';
import { FACTORS, WEIGHT_LIMITS } from './candidate-rules.js';

/** A municipality's own weights for ranking candidates (one document per municipality; unset = defaults). */
const rankingWeightsSchema = new Schema(
  {
    municipalityCode: { type: String, required: true, match: /^\d{4}$/ },
    ...Object.fromEntries(
      FACTORS.map((factor) => [factor, { type: Number, required: true, ...WEIGHT_LIMITS[factor] }]),
    ),
    changedBy: { type: String, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

rankingWeightsSchema.index({ municipalityCode: 1 }, { unique: true });

export const RankingWeightsModel = model('RankingWeights', rankingWeightsSchema, 'ranking_weights');
