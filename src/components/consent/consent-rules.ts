/**
 * The family's consent as pure rules: what a consent may cover, the municipality's rules with their
 * defaults, and the gate that decides, from the ledger's current versions, whether a proposal may show
 * the child's details (and which), and whether a match may become active.
 */
export const DEFAULT_PURPOSES = ['share-details', 'take-part', 'follow-up', 'photos-contact'] as const;
export type Purpose = (typeof DEFAULT_PURPOSES)[number];
/** The purpose that lets the named organisation and adult see the child's details. */
const SHARE_PURPOSE: Purpose = 'share-details';

// 'ask': the proposal's free text for the recipients; a consent given before it was a field does not list it.
export const CHILD_FIELDS = [
  'alias',
  'age',
  'interests',
  'needTags',
  'languages',
  'arrangements',
  'ask',
] as const;
export type ChildField = (typeof CHILD_FIELDS)[number];

export const RECIPIENTS = ['organisation', 'adult'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const CONSENTERS = ['guardian', 'young-person'] as const;
export type Consenter = (typeof CONSENTERS)[number];

export const CUSTODY = ['sole', 'joint'] as const;
export type Custody = (typeof CUSTODY)[number];

export const CONSENT_HOW = ['signed-form', 'in-person', 'phone', 'digital'] as const;
export const WITHDRAWAL_HOW = ['phone', 'letter', 'in-person', 'link', 'expired'] as const;

/** Days before valid-until when the social worker is reminded (once). */
export const REMIND_DAYS_BEFORE = 30;

export interface ConsentRules {
  purposes: Purpose[];
  /** Purposes needed before a proposal shows anything about the child beyond an age band and the activity. */
  proposalPurposes: Purpose[];
  /** Purposes needed before a match may become active. */
  activationPurposes: Purpose[];
  /** From this age the young person's own consent is asked for. */
  youthAge: number;
  /** Missing the young person's consent is a warning the social worker must acknowledge. */
  youthConsentAsked: boolean;
}

export const DEFAULT_RULES: ConsentRules = {
  purposes: [...DEFAULT_PURPOSES],
  proposalPurposes: ['share-details'],
  activationPurposes: ['share-details', 'take-part'],
  youthAge: 15,
  youthConsentAsked: true,
};

/** The current (latest) version of one consent, as the gate needs it. */
export interface ConsentState {
  consentId: string;
  consenter: Consenter;
  /** Initials (and role): never a name. */
  initials: string;
  custody?: Custody | null;
  purposes: readonly string[];
  recipients: readonly string[];
  fields: readonly string[];
  validUntil: Date;
  withdrawnAt?: Date | null;
}

export function isInForce(consent: ConsentState, now: Date): boolean {
  return !consent.withdrawnAt && consent.validUntil.getTime() > now.getTime();
}

export type Missing = { purpose: string; who: 'guardian' | 'second-guardian' | 'young-person' };

export interface GateResult {
  ok: boolean;
  /** What blocks: a purpose without a guardian's consent, or with one guardian where custody is joint. */
  missing: Missing[];
  /** What the social worker must acknowledge with a reason: the young person's own consent. */
  warnings: Missing[];
}

/** Two distinct guardians are needed when any guardian's consent in force says custody is joint. */
function guardiansNeeded(guardians: ConsentState[]): number {
  return guardians.some((consent) => consent.custody === 'joint') ? 2 : 1;
}

/** Whether the consents in force cover the stage's purposes, and what is missing or to be acknowledged. */
export function gate(
  consents: readonly ConsentState[],
  rules: ConsentRules,
  stage: 'proposal' | 'activation',
  childAge: number,
  now: Date,
): GateResult {
  const inForce = consents.filter((consent) => isInForce(consent, now));
  const guardians = inForce.filter((consent) => consent.consenter === 'guardian');
  const young = inForce.filter((consent) => consent.consenter === 'young-person');
  const needed = guardiansNeeded(guardians);
  const purposes = stage === 'proposal' ? rules.proposalPurposes : rules.activationPurposes;
  const missing: Missing[] = [];
  const warnings: Missing[] = [];
  for (const purpose of purposes) {
    const agreeing = new Set(
      guardians.filter((consent) => consent.purposes.includes(purpose)).map((consent) => consent.initials),
    );
    if (agreeing.size === 0) missing.push({ purpose, who: 'guardian' });
    else if (agreeing.size < needed) missing.push({ purpose, who: 'second-guardian' });
    if (
      rules.youthConsentAsked &&
      childAge >= rules.youthAge &&
      !young.some((consent) => consent.purposes.includes(purpose))
    )
      warnings.push({ purpose, who: 'young-person' });
  }
  return { ok: missing.length === 0, missing, warnings };
}

/**
 * The child's fields a recipient may see: none until the proposal stage's consents are in force; then
 * only the fields every guardian's sharing consent for this recipient lists (the narrowest wins).
 */
export function visibleFields(
  consents: readonly ConsentState[],
  rules: ConsentRules,
  recipient: Recipient,
  childAge: number,
  now: Date,
): ChildField[] {
  if (!gate(consents, rules, 'proposal', childAge, now).ok) return [];
  const sharing = consents.filter(
    (consent) =>
      isInForce(consent, now) &&
      consent.consenter === 'guardian' &&
      consent.purposes.includes(SHARE_PURPOSE) &&
      consent.recipients.includes(recipient),
  );
  if (sharing.length === 0) return [];
  return CHILD_FIELDS.filter((field) => sharing.every((consent) => consent.fields.includes(field)));
}

/** An age band shown before consent: wide enough not to single the child out. */
export function ageBand(age: number): string {
  if (age < 6) return '0-5';
  if (age < 10) return '6-9';
  if (age < 13) return '10-12';
  if (age < 16) return '13-15';
  return '16-17';
}

/** Due a reminder: in force and valid-until within REMIND_DAYS_BEFORE days. */
export function isDueReminder(consent: ConsentState, now: Date): boolean {
  return (
    isInForce(consent, now) && consent.validUntil.getTime() - now.getTime() <= REMIND_DAYS_BEFORE * 86_400_000
  );
}
