import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError } from '../../shared/errors/index.js';
import { DEFAULT_WEIGHTS, FACTORS, type Weights } from './candidate-rules.js';
import { RankingWeightsModel } from './ranking-weights-model.js';

/** The municipality's weights, or the defaults for every factor it has not set. */
export async function weightsOf(municipalityCode: string): Promise<Weights> {
  const stored = await RankingWeightsModel.findOne({ municipalityCode }).lean<Partial<Weights> | null>();
  return Object.fromEntries(
    FACTORS.map((factor) => [
      factor,
      typeof stored?.[factor] === 'number' ? stored[factor] : DEFAULT_WEIGHTS[factor],
    ]),
  ) as Weights;
}

/** A municipal administrator sets the own municipality's weights; the change is audited (old → new). */
export async function saveWeights(actor: Actor, weights: Weights, context: RequestContext): Promise<void> {
  const code = actor.municipalityCode;
  if (!code || !can(actor, 'matching:configure', { municipalityCode: code })) throw new NotFoundError();
  const before = await weightsOf(code);
  await RankingWeightsModel.updateOne(
    { municipalityCode: code },
    { $set: { ...weights, changedBy: actor.userId }, $setOnInsert: { municipalityCode: code } },
    { upsert: true, runValidators: true },
  );
  const changed = Object.fromEntries(
    FACTORS.filter((factor) => before[factor] !== weights[factor]).map((factor) => [
      factor,
      { from: before[factor], to: weights[factor] },
    ]),
  );
  await recordAudit(
    {
      action: 'matching.weights-changed',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode: code,
      objectType: 'ranking-weights',
      objectId: code,
      details: changed,
    },
    context.origin,
  );
}
