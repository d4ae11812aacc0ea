import { can, type Actor, type RequestContext } from '../accounts/index.js';
import { isActiveMember } from '../organisations/index.js';
import { recordAudit } from '../../shared/audit/index.js';
import { NotFoundError, ValidationError } from '../../shared/errors/index.js';
import {
  applyOrder,
  applyOutcome,
  orderRefusal,
  outcomeRefusal,
  type CertificateOutcome,
  type InterviewOutcome,
  type VettingFacts,
} from './vetting-rules.js';
import {
  organisationSettings,
  readRecord,
  saveRecord,
  setOrganisationValidity,
  type StoredRecord,
} from './vetting-service.js';

/**
 * The coordinator's own organisation, from the active role only. Anything else (another organisation's
 * coordinator, a person who is not an active member) is a 404, wherever the id came from.
 */
export function ownOrganisation(actor: Actor | undefined): string {
  const organisationId = actor?.organisationId;
  if (!actor || !organisationId || !can(actor, 'vetting:record', { organisationId }))
    throw new NotFoundError();
  return organisationId;
}

export async function requireMember(actor: Actor | undefined, memberId: string): Promise<string> {
  const organisationId = ownOrganisation(actor);
  if (!/^[0-9a-f]{24}$/.test(memberId) || !(await isActiveMember(organisationId, memberId))) {
    throw new NotFoundError();
  }
  return organisationId;
}

type Change = (facts: VettingFacts, record: StoredRecord | undefined) => Promise<VettingFacts> | VettingFacts;

async function recordStep(
  actor: Actor,
  memberId: string,
  step: string,
  context: RequestContext,
  change: Change,
): Promise<void> {
  const organisationId = await requireMember(actor, memberId);
  const record = await readRecord(organisationId, memberId);
  const facts = await change(record?.facts ?? { childCertificate: {}, references: [] }, record);
  await saveRecord(organisationId, memberId, record, facts, {
    event: {
      action: `vetting.${step}`,
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      organisationId,
      objectType: 'vetting-record',
      objectId: memberId,
    },
    origin: context.origin,
  });
}

/** "Ordered" on politi.dk/virk.dk: only with a current consent given after any earlier order. */
export async function recordOrder(actor: Actor, memberId: string, context: RequestContext, now = new Date()) {
  await recordStep(actor, memberId, 'certificate-ordered', context, (facts) => {
    const refusal = orderRefusal(facts.childCertificate);
    if (refusal) throw new ValidationError({ _form: `vetting.refusals.${refusal}` });
    return { ...facts, childCertificate: applyOrder(facts.childCertificate ?? {}, actor.userId, now) };
  });
}

export async function recordOutcome(
  actor: Actor,
  memberId: string,
  outcome: CertificateOutcome,
  context: RequestContext,
  now = new Date(),
) {
  await recordStep(actor, memberId, `certificate-${outcome}`, context, async (facts) => {
    const refusal = outcomeRefusal(facts.childCertificate, outcome, now);
    if (refusal) throw new ValidationError({ outcome: `vetting.refusals.${refusal}` });
    const { validityMonths } = await organisationSettings(ownOrganisation(actor));
    const certificate = applyOutcome(
      facts.childCertificate ?? {},
      outcome,
      actor.userId,
      now,
      validityMonths,
    );
    return { ...facts, childCertificate: certificate };
  });
}

export interface InterviewInput {
  heldOn: Date;
  interviewer: string;
  interviewOutcome: InterviewOutcome;
  note?: string;
}

export async function recordInterview(
  actor: Actor,
  memberId: string,
  input: InterviewInput,
  context: RequestContext,
) {
  await recordStep(actor, memberId, 'interview', context, (facts) => ({
    ...facts,
    interview: {
      heldOn: input.heldOn,
      interviewer: input.interviewer,
      outcome: input.interviewOutcome,
      note: input.note,
      recordedBy: actor.userId,
      recordedAt: new Date(),
    },
  }));
}

export async function recordReference(
  actor: Actor,
  memberId: string,
  input: { slot: number; checked: boolean },
  context: RequestContext,
) {
  await recordStep(actor, memberId, 'reference', context, (facts) => ({
    ...facts,
    // The whole array is rewritten: FerretDB has no positional updates.
    references: [
      ...(facts.references ?? []).filter((reference) => reference.slot !== input.slot),
      { slot: input.slot, checked: input.checked, checkedBy: actor.userId, checkedAt: new Date() },
    ].sort((a, b) => a.slot - b.slot),
  }));
}

export async function recordTraining(
  actor: Actor,
  memberId: string,
  input: { hours: number; completedOn: Date },
  context: RequestContext,
) {
  await recordStep(actor, memberId, 'training', context, (facts) => ({
    ...facts,
    training: { ...input, recordedBy: actor.userId, recordedAt: new Date() },
  }));
}

/** The organisation's own validity: it may only shorten what its municipalities allow. */
export async function chooseValidity(actor: Actor, months: number | undefined, context: RequestContext) {
  const organisationId = ownOrganisation(actor);
  const { municipalityMonths } = await organisationSettings(organisationId);
  if (months !== undefined && months > municipalityMonths) {
    throw new ValidationError({ validityMonths: 'vetting.errors.longerThanMunicipality' });
  }
  await setOrganisationValidity(organisationId, months, actor.userId);
  await recordAudit(
    {
      action: 'vetting.validity-changed',
      outcome: 'success',
      actorId: actor.userId,
      actorRole: actor.role,
      organisationId,
      objectType: 'organisation',
      objectId: organisationId,
      details: { validityMonths: months ?? null },
    },
    context.origin,
  );
}
