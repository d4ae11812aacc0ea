import type { Actor, RequestContext } from '../accounts/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { ConsentPolicyModel } from './consent-policy-model.js';
import { DEFAULT_RULES, type ConsentRules, type Purpose } from './consent-rules.js';

/** The municipality's consent rules, or the defaults when it has set none. Read per request, never cached. */
export async function rulesOf(municipalityCode: string): Promise<ConsentRules> {
  const stored = await ConsentPolicyModel.findById(municipalityCode).lean();
  if (!stored) return { ...DEFAULT_RULES };
  return {
    purposes: stored.purposes as Purpose[],
    proposalPurposes: stored.proposalPurposes as Purpose[],
    activationPurposes: stored.activationPurposes as Purpose[],
    youthAge: stored.youthAge,
    youthConsentAsked: stored.youthConsentAsked,
  };
}

/** A municipal administrator sets the rules; the stages may only require purposes the list offers. */
export async function saveRules(
  actor: Actor,
  municipalityCode: string,
  rules: ConsentRules,
  context: RequestContext,
): Promise<void> {
  const offered = (purposes: Purpose[]) => purposes.filter((purpose) => rules.purposes.includes(purpose));
  const before = await rulesOf(municipalityCode);
  const next = {
    ...rules,
    proposalPurposes: offered(rules.proposalPurposes),
    activationPurposes: offered(rules.activationPurposes),
  };
  await ConsentPolicyModel.findOneAndUpdate(
    { _id: municipalityCode },
    { $set: { ...next, updatedBy: actor.userId, updatedAt: new Date() } },
    { upsert: true },
  );
  await recordAudit(
    {
      action: 'consent.rules.change',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      municipalityCode,
      objectType: 'consent-rules',
      objectId: municipalityCode,
      purpose: 'configure',
      details: { before, after: next },
    },
    context.origin,
  );
}
