/** The official CVR check: weights 2,7,6,5,4,3,2,1 over the eight digits; the sum divides by 11. */
export function isValidCvr(value: string): boolean {
  if (!/^[1-9]\d{7}$/.test(value)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...value].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return sum % 11 === 0;
}

export const APPROVAL_DECISIONS = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export interface Approval {
  municipalityCode: string;
  decision: ApprovalDecision;
  reason?: string;
  decidedBy?: string;
  decidedAt?: Date;
}

/** Which decision may follow which, for one municipality's view of one organisation. */
const NEXT: Record<ApprovalDecision, readonly ApprovalDecision[]> = {
  pending: ['approved', 'rejected'],
  approved: ['suspended'],
  rejected: ['approved'],
  suspended: ['approved'],
};

export function mayDecide(from: ApprovalDecision, to: ApprovalDecision): boolean {
  return NEXT[from].includes(to);
}

/**
 * The approvals after one municipality's decision, or undefined when that municipality has no say
 * (the organisation does not work there) or the step is not allowed. Rejecting and suspending need a
 * reason, which the coordinator will see.
 */
export function decide(
  approvals: readonly Approval[],
  decision: { municipalityCode: string; to: ApprovalDecision; reason?: string; by: string; at: Date },
): Approval[] | undefined {
  const current = approvals.find((approval) => approval.municipalityCode === decision.municipalityCode);
  if (!current || !mayDecide(current.decision, decision.to)) return undefined;
  const needsReason = decision.to === 'rejected' || decision.to === 'suspended';
  if (needsReason && !decision.reason?.trim()) return undefined;
  return approvals.map((approval) =>
    approval === current
      ? {
          municipalityCode: approval.municipalityCode,
          decision: decision.to,
          reason: needsReason ? decision.reason!.trim() : undefined,
          decidedBy: decision.by,
          decidedAt: decision.at,
        }
      : approval,
  );
}

/** One word for lists: approved somewhere beats pending, pending beats suspended, and all rejected is rejected. */
export function overallStatus(approvals: readonly Approval[]): ApprovalDecision {
  const decisions = new Set(approvals.map((approval) => approval.decision));
  if (decisions.has('approved')) return 'approved';
  if (decisions.has('pending')) return 'pending';
  if (decisions.has('suspended')) return 'suspended';
  return 'rejected';
}

/** Where the organisation may be shown and matched: municipalities that approved it and have not suspended it. */
export function activeIn(approvals: readonly Approval[]): string[] {
  return approvals
    .filter((approval) => approval.decision === 'approved')
    .map((approval) => approval.municipalityCode);
}
